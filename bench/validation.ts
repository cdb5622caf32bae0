// Validates a simulated history of N seasons (default 5) two ways and prints JSON: every table's
// checks compiled into one query (what `nba-props validate` runs) against every check as its own
// query. Usage: npx tsx bench/validation.ts [--seasons N] [--keep DIR]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { catalog, tableId } from "../runtime/catalog";
import type { Row } from "../runtime/catalog/derive/row-type";
import type { TableSpec } from "../runtime/catalog/types";
import { seasonLabel } from "../runtime/domain/season";
import { openLocalPlatform, type LocalPlatform } from "../runtime/platform/local/local-platform";
import { analyticsProcessors } from "../runtime/processors/analytics";
import { rawProcessors } from "../runtime/processors/raw";
import { scraperDefinitions } from "../runtime/scrapers";
import { compileTableQuery } from "../runtime/validation/compile-table";
import { loadValidationConfigs } from "../runtime/validation/load-validation-configs";
import { runValidation } from "../runtime/validation/run-validation";
import { param, sql, tableRef } from "../runtime/platform/sql";

const SEED = 20250315;
const LAST_SEASON = 2024;

function seasonsFromArgs(argv: readonly string[]): number {
  const at = argv.indexOf("--seasons");
  if (at === -1) return 5;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 10) throw new Error(`--seasons must be 1-10, got ${String(argv[at + 1])}`);
  return value;
}

function table(id: string): TableSpec {
  const found = catalog.tables.find((t) => tableId(t) === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

/** Loads one simulated season straight through the pure parsers and transforms, one MERGE per table. */
async function loadSeason(platform: LocalPlatform, seasonYear: number): Promise<string[]> {
  const today = `${seasonYear + 1}-09-01`;
  const processedAt = new Date().toISOString();
  const parse = (scraperName: string, scope: { key: string; gameDate: string }): Row[] => {
    const scraper = scraperDefinitions.find((s) => s.spec.name === scraperName)!;
    const processor = rawProcessors.find((p) => catalog.processors.find((c) => c.name === p.name)?.inputs.includes(scraperName))!;
    const payload = scraper.simulate(scope, { seed: SEED, today });
    const result = processor.parse(JSON.parse(JSON.stringify(payload)), { source: "sim", objectUri: `sim://${scraperName}/${scope.key}`, scope: scope.key, gameDate: scope.gameDate, processedAt });
    return result.rows;
  };
  const schedule = parse("nbac_schedule", { key: seasonLabel(seasonYear), gameDate: `${seasonYear}-10-22` });
  await platform.warehouse.merge(table("nba_raw.nbac_schedule"), schedule);
  const dates = [...new Set(schedule.filter((r) => r.game_status === 3).map((r) => String(r.game_date)))].sort();
  const box = dates.flatMap((d) => parse("nbac_player_boxscore", { key: d, gameDate: d }));
  await platform.warehouse.merge(table("nba_raw.nbac_player_boxscores"), box);
  for (const processor of analyticsProcessors) {
    const rows: Row[] = [];
    for (const date of dates) rows.push(...(await processor.work(platform.warehouse, date, new Date(processedAt))).rows.map((r) => ({ ...r, source_kind: "sim" })));
    await platform.warehouse.merge(processor.table, rows);
  }
  return dates;
}

async function main(): Promise<void> {
  const seasons = seasonsFromArgs(process.argv.slice(2));
  const keepAt = process.argv.indexOf("--keep");
  const dir = keepAt === -1 ? mkdtempSync(join(tmpdir(), "nba-props-validation-bench-")) : process.argv[keepAt + 1]!;
  const platform = await openLocalPlatform({ dataDir: dir });
  try {
    const loadStart = performance.now();
    const dates: string[] = [];
    for (let year = LAST_SEASON - seasons + 1; year <= LAST_SEASON; year++) dates.push(...(await loadSeason(platform, year)));
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const from = dates[0]!;
    const to = dates.at(-1)!;
    const configs = loadValidationConfigs();

    const compiledStart = performance.now();
    const run = await runValidation(platform, { from, to, configs, remediation: { dataDir: dir, sourceFlags: null }, triggeredBy: "manual", sourceKind: "sim" });
    const compiledSeconds = (performance.now() - compiledStart) / 1000;

    const perCheck: { table: string; checks: number; compiled_queries: number; per_check_seconds: number }[] = [];
    const perCheckStart = performance.now();
    const schedule = table("nba_raw.nbac_schedule");
    const window = { from, to, now: platform.clock.now() };
    for (const { config } of configs) {
      const spec = table(config.table);
      const start = performance.now();
      for (const check of config.checks) await platform.warehouse.query(compileTableQuery({ table: spec, config, checks: [check], window, schedule, tables: catalog.tables }));
      perCheck.push({ table: config.table, checks: config.checks.length, compiled_queries: run.tables.find((t) => t.table === config.table)?.queries ?? 0, per_check_seconds: (performance.now() - start) / 1000 });
    }
    const perCheckSeconds = (performance.now() - perCheckStart) / 1000;
    const totalChecks = perCheck.reduce((n, t) => n + t.checks, 0);
    const compiledQueries = run.tables.reduce((n, t) => n + t.queries, 0);
    const round = (x: number): number => Math.round(x * 1000) / 1000;
    const counts = await platform.warehouse.query(
      // Row counts of what was validated, for scale.
      compileCountQuery(),
    );
    process.stdout.write(
      `${JSON.stringify(
        {
          seasons,
          dates: dates.length,
          window: { from, to },
          rows: counts[0],
          load_seconds: round(loadSeconds),
          status: run.status,
          compiled: { statements: compiledQueries, statements_per_table: round(compiledQueries / run.tables.length), seconds: round(compiledSeconds) },
          per_check: { statements: totalChecks, seconds: round(perCheckSeconds) },
          ratio: { statements: round(totalChecks / compiledQueries), seconds: round(perCheckSeconds / compiledSeconds) },
          tables: perCheck.map((t) => ({ ...t, per_check_seconds: round(t.per_check_seconds), compiled_seconds: round(run.tables.find((r) => r.table === t.table)?.durationSeconds ?? 0) })),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await platform.close();
    if (keepAt === -1) rmSync(dir, { recursive: true, force: true });
  }
}

function compileCountQuery() {
  const ids = ["nba_raw.nbac_player_boxscores", "nba_analytics.player_game_summary", "nba_analytics.team_defense_game_summary"];
  const parts = ids.map((id) => {
    const t = table(id);
    return sql`(SELECT COUNT(*) FROM ${tableRef(t)} WHERE game_date >= ${param("from", "2000-01-01", "DATE")})`;
  });
  return sql`SELECT ${parts[0]!} AS player_boxscores, ${parts[1]!} AS player_game_summary, ${parts[2]!} AS team_defense_game_summary`;
}

void main();
