import type { Command } from "commander";
import { z } from "zod";
import { backendOption, resolveBackend } from "../backend-option";
import type { CliIo } from "../cli-io";
import { UsageError } from "../exit-codes";

const DEFAULT_PORT = 8080;
function serviceRoles(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- the catalog loads only when listed or run (runtime/cli/commands/index.ts)
  const { catalog }: typeof import("../../catalog/catalog") = require("../../catalog/catalog");
  return catalog.roles
    .filter((r) => r.kind === "service")
    .map((r) => r.name)
    .join(", ");
}

const optionsSchema = z.strictObject({
  role: z.string().min(1),
  port: z.string().regex(/^\d{1,5}$/, "expected a port number").optional(),
  backend: z.string().optional(),
  dataDir: z.string().min(1),
});

/**
 * `nba-props serve --role NAME [--port N]`: the HTTP server of one Cloud Run service role.
 * Runs until SIGTERM or SIGINT, then drains (see runtime/serve/role-server.ts).
 */
export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command("serve")
    .description("Serve one role's push endpoints over HTTP (Cloud Run services): /health/live, /health/ready and the role's /pubsub/* push paths (the orchestrator also /trigger and /gates/sweep for Cloud Scheduler).")
    .requiredOption("--role <name>", "the service role (listed below)")
    .option("--port <n>", `port to listen on (default $PORT or ${DEFAULT_PORT})`)
    .addOption(backendOption())
    .option("--data-dir <dir>", "local backend: where the warehouse, documents and payloads live", ".nba-props")
    .addHelpText("after", () => `\nService roles: ${serviceRoles()}`)
    .addHelpText(
      "after",
      `
Answers 2xx when a message is handled or can never be handled (recorded and alerted once), 5xx only
for transient failures (Pub/Sub redelivers), 4xx for unknown paths, wrong content types and bodies
over 1 MiB. SIGTERM stops accepting, lets the request in hand finish (8 s), fails a run still open.
Example: nba-props serve --role raw-processors --port 8080`,
    )
    .action(async (raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(`--${String(parsed.error.issues[0]?.path[0] ?? "?")}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      const options = parsed.data;
      const backend = resolveBackend(options.backend);
      const port = Number(options.port ?? process.env.PORT ?? DEFAULT_PORT);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port / $PORT: ${port} is not a port number`);
      /* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- heavy modules load only when the command runs (runtime/cli/commands/index.ts) */
      const { roleRoutes }: typeof import("../../serve/role-routes") = require("../../serve/role-routes");
      const { startRoleServer }: typeof import("../../serve/role-server") = require("../../serve/role-server");
      const { openPlatform }: typeof import("../../platform/open-platform") = require("../../platform/open-platform");
      /* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment */
      if (!roleRoutes[options.role]) throw new UsageError(`--role ${options.role}: no such service role; roles with a server: ${Object.keys(roleRoutes).join(", ")}`);
      const platform = await openPlatform({ backend, dataDir: options.dataDir, alertStream: io.stderr });
      try {
        const server = await startRoleServer(platform, { role: options.role, port });
        io.stderr.write(`serving ${options.role} on ${server.url} (backend ${backend})\n`);
        await new Promise<void>((resolve) => {
          const stop = (signal: NodeJS.Signals): void => {
            process.off("SIGTERM", stop);
            process.off("SIGINT", stop);
            io.stderr.write(`${signal}: stopping ${options.role}\n`);
            server.shutdown(signal).then(resolve, (err: unknown) => {
              io.stderr.write(`shutdown failed: ${String(err)}\n`);
              resolve();
            });
          };
          process.on("SIGTERM", stop);
          process.on("SIGINT", stop);
        });
      } finally {
        await platform.close();
      }
    });
}
