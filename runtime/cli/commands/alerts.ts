import { join, resolve } from "node:path";
import type { Command } from "commander";
// Light modules only: the router, file-backed documents and the in-process bus (nodemailer is
// loaded by the e-mail channel on its first send; nothing here opens DuckDB).
import { openAlertRouter } from "../../alerts/open-alert-router";
import { catalog } from "../../catalog/catalog";
import { fileLogger } from "../../monitoring/logger";
import { FileDocStore } from "../../platform/local/file-doc-store";
import { InProcessBus } from "../../platform/local/in-process-bus";
import { systemClock } from "../../platform/ports/clock";
import type { CliIo } from "../cli-io";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "../exit-codes";
import { formatTable } from "../format-table";

const STATUSES = ["pending", "delivered", "dead_lettered"] as const;
type Status = (typeof STATUSES)[number];
/** The pipeline's default data dir (kept literal here so registering this command loads nothing heavy). */
const DEFAULT_DATA_DIR = ".nba-props";

interface AlertsOptions {
  readonly dataDir: string;
  readonly profile: string;
  readonly json?: boolean;
}

/** The alert router over the data dir's document store (no warehouse is opened). */
function openRouter(io: CliIo, options: AlertsOptions) {
  const dataDir = resolve(options.dataDir);
  return openAlertRouter({
    docStore: new FileDocStore(join(dataDir, "docstore")),
    clock: systemClock,
    logger: fileLogger(join(dataDir, "nba-props.log")),
    bus: new InProcessBus({ topics: catalog.topics }),
    profile: options.profile,
    textStream: io.stderr,
    alertsFile: join(dataDir, "alerts.log"),
  });
}

function commonOptions(command: Command): Command {
  return command
    .option("--data-dir <dir>", "the data dir whose alert outbox to read", DEFAULT_DATA_DIR)
    .option("--profile <name>", "routing profile of configs/alerts.yaml whose channels to build (secrets from the environment)", "local")
    .option("--json", "print JSON");
}

export function registerAlertsCommands(program: Command, io: CliIo): void {
  const alerts = program.command("alerts").description("Show the alert outbox (sent, pending, dead-lettered) and resend dead-lettered alerts.");

  commonOptions(
    alerts
      .command("list")
      .description("List alert messages in the outbox, oldest first, with their delivery per channel and the books.")
      .option("--status <status>", `only messages with this status: ${STATUSES.join(", ")}`),
  ).action(async (options: AlertsOptions & { status?: string }) => {
    if (options.status !== undefined && !(STATUSES as readonly string[]).includes(options.status)) {
      throw new UsageError(`--status must be one of ${STATUSES.join(", ")} (got "${options.status}")`);
    }
    const router = openRouter(io, options);
    const records = await router.records(options.status as Status | undefined);
    const books = await router.books();
    const alertsOut = records.map((r) => ({
      id: r.message.id,
      status: r.status,
      kind: r.message.kind,
      severity: r.message.severity,
      title: r.message.title,
      count: r.message.count,
      source: r.message.source,
      category: r.message.category,
      scope: r.message.scope,
      created_at: r.message.created_at,
      replays: r.replays,
      channels: r.channels,
    }));
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ alerts: alertsOut, books })}\n`);
      return;
    }
    const rows = alertsOut.map((a) => [
      a.created_at,
      a.status,
      a.kind,
      String(a.count),
      a.severity,
      Object.entries(a.channels)
        .map(([name, c]) => `${name}:${c.status}`)
        .join(" "),
      a.title,
    ]);
    io.stdout.write(`${formatTable(["created_at", "status", "kind", "alerts", "severity", "channels", "title"], rows)}\n`);
    io.stdout.write(
      `(${alertsOut.length} messages) books: raised ${books.raised} = delivered ${books.delivered} + folded ${books.folded} + dead-lettered ${books.dead_lettered} + pending ${books.pending}${books.balanced ? "" : "  NOT BALANCED"}\n`,
    );
  });

  commonOptions(alerts.command("replay").description("Resend every dead-lettered alert to the channels that failed it; exit 1 if any is still dead-lettered.")).action(
    async (options: AlertsOptions) => {
      const router = openRouter(io, options);
      const report = await router.replay();
      if (options.json) io.stdout.write(`${JSON.stringify(report)}\n`);
      else io.stdout.write(`replayed ${report.replayed} dead-lettered alert messages: ${report.delivered} delivered, ${report.dead_lettered} still dead-lettered\n`);
      process.exitCode = report.dead_lettered > 0 ? EXIT_FAILURE : EXIT_OK;
    },
  );
}
