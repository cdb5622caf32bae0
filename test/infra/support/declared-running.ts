import type { Command } from "commander";
import { buildProgram } from "../../../runtime/cli/main";
import { scraperDefinitions } from "../../../runtime/scrapers";
import type { RoleRoutes } from "../../../runtime/serve/role-routes";
import type { Declared } from "./declared";

export type Parsed = { ok: true; command: string; operands: string[]; options: Record<string, unknown> } | { ok: false; error: string };

function replaceActions(command: Command, onAction: (name: string, operands: string[], options: Record<string, unknown>) => void, prefix: string[] = []): void {
  for (const sub of command.commands) {
    const path = [...prefix, sub.name()];
    if (sub.commands.length > 0) replaceActions(sub, onAction, path);
    else sub.action((...args: unknown[]) => onAction(path.join(" "), args.slice(0, -2).map(String), sub.opts()));
  }
}

/** Parses args with the CLI's own commander program, every action replaced: nothing runs. */
export async function parseWithCli(args: readonly string[]): Promise<Parsed> {
  let stderr = "";
  const program = buildProgram({ stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) } });
  let parsed: Parsed | null = null;
  replaceActions(program, (command, operands, options) => {
    parsed = { ok: true, command, operands, options };
  });
  try {
    await program.parseAsync([...args], { from: "user" });
  } catch (err) {
    return { ok: false, error: stderr.trim() || String(err) };
  }
  return parsed ?? { ok: false, error: `no command ran for ${JSON.stringify(args)}` };
}

/** Checks the CLI parser cannot make: the named scraper or role exists in code. */
function semanticProblem(parsed: Parsed & { ok: true }, routes: RoleRoutes): string | null {
  if (parsed.command === "scrape" && !scraperDefinitions.some((s) => s.spec.name === parsed.operands[0])) return `scrape ${parsed.operands[0]}: no such scraper in code`;
  if (parsed.command === "serve" && !routes[String(parsed.options.role)]) return `serve --role ${String(parsed.options.role)}: no server for that role in code`;
  return null;
}

/**
 * Declared equals running, both ways, over one synthesized stack: every service serves a role
 * that has handlers, every pushed or scheduled path is answered by that role's handlers, every
 * handler is pointed at by the stack, every job's and scheduler override's args parse.
 */
export async function declaredRunningProblems(declared: Declared, routes: RoleRoutes): Promise<string[]> {
  const problems: string[] = [];
  const checkArgs = async (what: string, args: readonly string[]): Promise<Parsed> => {
    const parsed = await parseWithCli(args);
    if (!parsed.ok) problems.push(`${what}: args ${JSON.stringify(args)} do not parse: ${parsed.error}`);
    else {
      const semantic = semanticProblem(parsed, routes);
      if (semantic) problems.push(`${what}: ${semantic}`);
    }
    return parsed;
  };
  const servedRoles = new Map<string, string>();
  for (const service of declared.services) {
    if (service.args[0] !== "serve") {
      problems.push(`service ${service.name}: args ${JSON.stringify(service.args)} do not start with serve`);
      continue;
    }
    const parsed = await checkArgs(`service ${service.name}`, service.args);
    if (parsed.ok) {
      const role = String(parsed.options.role);
      if (role !== service.name) problems.push(`service ${service.name} serves role ${role}: a service is its role`);
      servedRoles.set(service.name, role);
    }
  }
  for (const job of declared.jobs) await checkArgs(`job ${job.name}`, job.args);
  for (const o of declared.jobOverrides) await checkArgs(`${o.source} (job ${o.job})`, o.args);

  for (const p of declared.servicePaths) {
    const role = servedRoles.get(p.service);
    if (!role) problems.push(`${p.source} posts to service ${p.service}, which serves no known role`);
    else if (!(routes[role] ?? []).some((r) => r.path === p.path)) problems.push(`${p.source} posts to ${p.service}${p.path}, which no handler of role ${role} answers`);
  }
  for (const [role, roleRoutes] of Object.entries(routes)) {
    const service = [...servedRoles].find(([, r]) => r === role)?.[0];
    if (!service) {
      problems.push(`role ${role} has a server in code but no Cloud Run service runs it`);
      continue;
    }
    for (const route of roleRoutes) {
      if (!declared.servicePaths.some((p) => p.service === service && p.path === route.path)) problems.push(`handler ${role} ${route.path} is not pointed at by any subscription or schedule`);
    }
  }
  return problems;
}
