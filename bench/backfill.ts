// A full sim regular season through phases 2-4 on the embedded warehouse, as one pipeline range.
// Prints JSON: games, dates, seconds, rows per table, warehouse statements (table creation aside)
// and per game day, peak RSS, CPU seconds and run seconds per phase. Usage: npm run bench -- backfill [--season 2024] [--seed 7] [--days N] [--analytics-batch N]
// (--days: only the season's first N game days, to measure a part of it; --analytics-batch: dates per
// phase-3 range run, default 7).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableId } from "../runtime/catalog/define-table";
import { tables } from "../runtime/catalog/tables";
import type { TableSpec } from "../runtime/catalog/types";
import { addDays } from "../runtime/domain/et-date";
import { runLocalPipeline } from "../runtime/orchestration/local-pipeline";
import { openLocalPlatform } from "../runtime/platform/local/local-platform";
import { ident, param, sql, tableRef } from "../runtime/platform/sql/fragment";
import type { Warehouse } from "../runtime/platform/ports/warehouse";
import { seasonCalendar } from "../runtime/scrapers/sim/season-calendar";
import { SimSource } from "../runtime/scrapers/sources/sim-source";

const PHASE_DATASETS = new Set(["nba_raw", "nba_analytics", "nba_precompute", "nba_predictions"]);

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value)) throw new Error(`--${name} needs a whole number`);
  return value;
}

async function rowCount(warehouse: Warehouse, table: TableSpec): Promise<number> {
  const where = table.partitioning.kind === "time" ? sql` WHERE ${ident(table.partitioning.field)} >= ${param("since", "1900-01-01", "DATE")}` : sql``;
  const rows = await warehouse.query(sql`SELECT COUNT(*) AS n FROM ${tableRef(table)}${where}`);
  return Number(rows[0]?.n ?? 0);
}

async function main(): Promise<void> {
  const season = flag("season", 2024);
  const seed = flag("seed", 7);
  const calendar = seasonCalendar(season);
  const dir = mkdtempSync(join(tmpdir(), "bench-backfill-"));
  try {
    // "Today" is after the season, so every game is final.
    const source = new SimSource(seed, addDays(calendar.lastDay, 2));
    const platform = await openLocalPlatform({ dataDir: dir });
    const creation = platform.warehouse.statementsExecuted();
    const days = flag("days", calendar.gameDays.length);
    const dates = calendar.gameDays.slice(0, days);
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const analyticsBatchDates = flag("analytics-batch", 7);
    const report = await runLocalPipeline(platform, { dates, source, until: "precompute", analyticsBatchDates });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    // Where the time went: run durations summed per phase (phase 2 runs inside phase 1's publish).
    const secondsByPhase: Record<string, number> = {};
    for (const run of report.runs) secondsByPhase[run.phase] = Math.round(((secondsByPhase[run.phase] ?? 0) + run.duration_ms / 1000) * 10) / 10;
    const statements = platform.warehouse.statementsExecuted() - creation;
    const counted = tables.filter((t) => PHASE_DATASETS.has(t.dataset));
    const rowsByTable: Record<string, number> = {};
    for (const table of counted) {
      const n = await rowCount(platform.warehouse, table);
      if (n > 0) rowsByTable[tableId(table)] = n;
    }
    const failed = report.runs.filter((r) => r.status === "failed" || r.status === "blocked");
    await platform.close();
    process.stdout.write(
      `${JSON.stringify({
        games: rowsByTable["nba_raw.nbac_schedule"] ?? 0,
        dates: dates.length,
        seconds: Math.round(seconds * 10) / 10,
        rows_by_table: rowsByTable,
        warehouse_statements: statements,
        statements_per_game_day: Math.round((statements / dates.length) * 10) / 10,
        peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
        // On a shared machine wall time says little; CPU seconds of this process (DuckDB threads included) say more.
        cpu_seconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
        seconds_by_phase: secondsByPhase,
        analytics_batch_dates: analyticsBatchDates,
        failed_runs: failed.length,
      })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`backfill bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
