import { existsSync, statSync } from "node:fs";
import { Option, type Command } from "commander";
import { z } from "zod";
import { errorMessage } from "../../domain/error-message";
import { etDate } from "../../domain/et-date";
import { resolveDate } from "../../domain/resolve-date";
import { backendOption, resolveBackend } from "../backend-option";
import type { CliIo } from "../cli-io";
import { CommandFailure, EXIT_FAILURE, EXIT_OK, UsageError } from "../exit-codes";

const DEFAULT_SEED = "20250315";

function scraperNames(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- the catalog loads only when listed or run (runtime/cli/commands/index.ts)
  const { catalog }: typeof import("../../catalog/catalog") = require("../../catalog/catalog");
  return catalog.scrapers.map((s) => s.name);
}

const optionsSchema = z.strictObject({
  date: z.string(),
  source: z.enum(["sim", "replay", "http"]).optional(),
  replayDir: z.string().optional(),
  seed: z.string().regex(/^\d{1,9}$/, "expected a whole number"),
  backend: z.string().optional(),
  dataDir: z.string().min(1),
  scrapersConfig: z.string().min(1).optional(),
  json: z.boolean().optional(),
});

/**
 * `nba-props scrape <scraper> --date D|TODAY|YESTERDAY`: the job every scraper role runs. Stores
 * the payload and publishes its phase-1 completion; locally the raw processors consume it in process.
 */
export function registerScrapeCommand(program: Command, io: CliIo): void {
  program
    .command("scrape")
    .description("Run one scraper for an ET date (season scrapers: that date's season): store the payload, publish its phase-1 completion.")
    .argument("<scraper>", "the scraper to run (listed below)")
    .option("--date <date>", "ET game date: YYYY-MM-DD, TODAY, YESTERDAY or TOMORROW", "TODAY")
    .addOption(new Option("--source <source>", "where the payload comes from: sim (the local default), replay, or http (the live endpoints; the gcp default)").choices(["sim", "replay", "http"]))
    .option("--replay-dir <dir>", "captured payloads laid out as <scraper>/<key>/*.json[.gz] (with --source replay)")
    .option("--seed <n>", "seed of the sim source", DEFAULT_SEED)
    .addOption(backendOption())
    .option("--data-dir <dir>", "local backend: where the warehouse, documents and payloads live", ".nba-props")
    .option("--scrapers-config <file>", "the scrapers' call settings: attempts, backoff, timeout, rate limits, breakers (default configs/scrapers.yaml)")
    .option("--json", "print {scraper, scope, game_date, status, records, raw_runs} as JSON")
    .addHelpText("after", () => `\nScrapers: ${scraperNames().join(", ")}`)
    .addHelpText(
      "after",
      "\nThe http source calls the real endpoints with the retry, timeout, rate limit and circuit breaker of configs/scrapers.yaml;" +
        "\nkeys come from the environment (ODDS_API_KEY, BDL_API_KEY, BETTINGPROS_API_KEY), never from flags." +
        "\nExit codes: 0 stored (or nothing to fetch), 1 the scrape failed, 2 usage error.\nExample: nba-props scrape nbac_player_boxscore --date YESTERDAY --source replay --replay-dir ../shared/nba-samples",
    )
    .action(async (scraper: string, raw: unknown) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw new UsageError(`--${String(parsed.error.issues[0]?.path[0] ?? "?")}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      const o = parsed.data;
      const names = scraperNames();
      if (!names.includes(scraper)) throw new UsageError(`unknown scraper "${scraper}"; scrapers: ${names.join(", ")}`);
      const now = new Date();
      let date: string;
      try {
        date = resolveDate(o.date, now);
      } catch (err) {
        throw new UsageError(`--date: ${errorMessage(err)}`);
      }
      const backend = resolveBackend(o.backend);
      const source = o.source ?? (backend === "local" ? "sim" : "http");
      // Real and invented data never mix: the generator only ever writes the local warehouse.
      if (source === "sim" && backend === "gcp") {
        throw new UsageError("the sim source invents data and is refused on the gcp backend: use --source http (the default there) or --source replay --replay-dir DIR");
      }
      if (source === "replay" && (!o.replayDir || !existsSync(o.replayDir) || !statSync(o.replayDir).isDirectory())) {
        throw new UsageError(`--source replay needs --replay-dir DIR, an existing folder (got ${o.replayDir ?? "none"})`);
      }
      if (source !== "replay" && o.replayDir) throw new UsageError("--replay-dir is only used with --source replay");
      /* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- heavy modules load only when the command runs (runtime/cli/commands/index.ts) */
      const { openPlatform }: typeof import("../../platform/open-platform") = require("../../platform/open-platform");
      const { runScrapeJob }: typeof import("../../jobs/scrape-job") = require("../../jobs/scrape-job");
      const { ReplaySource }: typeof import("../../scrapers/sources/replay-source") = require("../../scrapers/sources/replay-source");
      const { SimSource }: typeof import("../../scrapers/sources/sim-source") = require("../../scrapers/sources/sim-source");
      const { HttpSource }: typeof import("../../scrapers/sources/http-source") = require("../../scrapers/sources/http-source");
      const { loadScrapersConfig }: typeof import("../../scrapers/config/scrapers-config") = require("../../scrapers/config/scrapers-config");
      const { httpBaseUrlsFromEnv }: typeof import("../../scrapers/sources/http-base-urls") = require("../../scrapers/sources/http-base-urls");
      const { docStoreBreakerStates }: typeof import("../../scrapers/http/breaker-states") = require("../../scrapers/http/breaker-states");
      const { storedScheduleGames }: typeof import("../../scrapers/sources/stored-schedule-games") = require("../../scrapers/sources/stored-schedule-games");
      const { claimDataDir }: typeof import("../../platform/local/data-dir-provenance") = require("../../platform/local/data-dir-provenance");
      /* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment */
      let live;
      let scrapersConfig;
      try {
        scrapersConfig = loadScrapersConfig(...(o.scrapersConfig ? [o.scrapersConfig] : []));
        live = source === "http" ? { config: scrapersConfig, baseUrls: httpBaseUrlsFromEnv(process.env) } : null;
      } catch (err) {
        throw new CommandFailure(errorMessage(err));
      }
      const platform = await openPlatform({ backend, dataDir: o.dataDir, alertStream: io.stderr });
      // The source's breaker state lives in the doc store: each job execution is a new process.
      const payloads = live
        ? new HttpSource({
            ...live,
            breakerStates: docStoreBreakerStates(platform.docStore, () => platform.clock.now()),
            // Per-game endpoints fan the date out into the stored schedule's games.
            scheduledGames: storedScheduleGames(platform.warehouse),
          })
        : source === "replay" && o.replayDir
          ? new ReplaySource(o.replayDir)
          : new SimSource(Number(o.seed), etDate(now));
      try {
        // A local data dir holds one source kind: live rows never land beside invented ones.
        if (backend === "local") await claimDataDir(platform.docStore, o.dataDir, payloads.kind, now);
        const report = await runScrapeJob(platform, { scraper, date, source: payloads, consumeLocally: backend === "local", scrapersConfig });
        if (o.json) io.stdout.write(`${JSON.stringify(report)}\n`);
        else {
          io.stdout.write(`${report.scraper} ${report.scope} (${report.game_date}): ${report.status}, ${report.records} records${report.error_message ? `: ${report.error_message}` : ""}\n`);
          for (const r of report.raw_runs) io.stdout.write(`  raw ${r.processor}: ${r.status}, ${r.rows_written} rows\n`);
        }
        process.exitCode = report.status === "failed" || report.raw_runs.some((r) => r.status === "failed") ? EXIT_FAILURE : EXIT_OK;
      } finally {
        await platform.close();
        if ("close" in payloads) await payloads.close();
      }
    });
}
