import type { Catalog, Phase, RoleKind } from "../../runtime/catalog";

/** A processor or scraper as the monitoring sees it: what its runs are logged as, and where it runs. */
export interface Runner {
  readonly name: string;
  readonly phase: Phase;
  readonly role: string;
  readonly roleKind: RoleKind;
  readonly critical: boolean;
}

/**
 * Every processor and scraper, each watched on its own. A scraper and its raw processor can share a
 * name (nbac_schedule), so each is told apart by phase.
 */
export function runners(catalog: Catalog): Runner[] {
  const kindOf = (role: string): RoleKind => {
    const found = catalog.roles.find((r) => r.name === role);
    if (!found) throw new Error(`catalog: no runtime role ${role}`);
    return found.kind;
  };
  return [
    ...catalog.scrapers.map((s) => ({ name: s.name, phase: "phase_1_scrapers" as const, role: s.role, roleKind: kindOf(s.role), critical: s.critical })),
    ...catalog.processors.map((p) => ({ name: p.name, phase: p.phase, role: p.role, roleKind: kindOf(p.role), critical: p.critical })),
  ];
}

/** Terraform name of the absence policy of one runner under the catalog alert `alert`. */
export function runnerPolicyName(alert: string, runner: Pick<Runner, "name" | "phase">): string {
  return `${alert}--${runner.name}-${runner.phase}`;
}

/** Terraform name of the built-in-metric failure policy of one runtime role under the catalog alert `alert`. */
export function rolePolicyName(alert: string, role: string): string {
  return `${alert}--${role}`;
}
