/**
 * Remediation is a real `nba-props` command (the system this replaces printed commands nobody
 * had checked). A config writes it as a template; the runner fills in the failing dates and how
 * this data dir is fed, so the printed command can be run as it is.
 */
export const REMEDIATION_PLACEHOLDERS = ["first_date", "last_date", "source", "data_dir"] as const;

export interface RemediationContext {
  /** `--data-dir` of the warehouse validated (absolute), or null on a backend without one. */
  readonly dataDir: string | null;
  /** The flags the pipeline fed this data dir with (`--source replay --replay-dir DIR`), or null when unknown. */
  readonly sourceFlags: readonly string[] | null;
}

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** Placeholders in a template that the runner cannot fill (a config error). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "").filter((name) => !(REMEDIATION_PLACEHOLDERS as readonly string[]).includes(name));
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_\-./:=@,+]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function renderRemediation(template: string, dates: { readonly first: string; readonly last: string }, context: RemediationContext): string {
  const values: Readonly<Record<string, string>> = {
    first_date: dates.first,
    last_date: dates.last,
    // Unknown stays visible: guessing `--source sim` could write invented rows into a real warehouse.
    source: context.sourceFlags ? context.sourceFlags.map(shellQuote).join(" ") : "--source <sim|replay --replay-dir DIR>",
    data_dir: context.dataDir ? `--data-dir ${shellQuote(context.dataDir)}` : "",
  };
  return template
    .replace(PLACEHOLDER, (_, name: string) => values[name] ?? `{${name}}`)
    .replace(/\s+/g, " ")
    .trim();
}
