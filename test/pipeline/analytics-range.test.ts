import { join } from "node:path";
import type { Row } from "../../runtime/catalog/derive/row-type";
import { tableId } from "../../runtime/catalog/define-table";
import { dateRange } from "../../runtime/domain/et-date";
import { runLocalPipeline, type PipelineReport } from "../../runtime/orchestration/local-pipeline";
import { openLocalPlatform } from "../../runtime/platform/local/local-platform";
import { analyticsProcessors } from "../../runtime/processors/analytics";
import { rawProcessors } from "../../runtime/processors/raw";
import { ident, param, sql, tableRef } from "../../runtime/platform/sql";
import { SimSource } from "../../runtime/scrapers/sources/sim-source";
import { useTempDir } from "../support/temp-dir";

/** The sim season's first four days: history windows grow from empty; a batch of 3 runs as a range, then the last date alone. */
const DATES = dateRange("2024-10-22", "2024-10-25");
const source = new SimSource(7, "2025-06-01");

interface Outcome {
  readonly report: PipelineReport;
  readonly rows: Record<string, Row[]>;
  readonly statements: number;
}

/** Phases 1-3 over the dates, then every raw and phase-3 row of them by table, sorted by key, without when-written timestamps and payload paths. */
async function pipeline(dir: string, analyticsBatchDates: number): Promise<Outcome> {
  const platform = await openLocalPlatform({ dataDir: dir, alertStream: { write: () => true } });
  try {
    const before = platform.warehouse.statementsExecuted();
    const report = await runLocalPipeline(platform, { dates: DATES, source, until: "analytics", analyticsBatchDates });
    const statements = platform.warehouse.statementsExecuted() - before;
    const rows: Record<string, Row[]> = {};
    for (const table of [...rawTables, ...analyticsProcessors.map((p) => p.table)]) {
      const key = (r: Row) => table.key.map((k) => String(r[k])).join("|");
      // The players registry is not by date: all of it.
      const stored =
        table.partitioning.kind === "time"
          ? await platform.warehouse.query(sql`SELECT * FROM ${tableRef(table)} WHERE ${ident(table.partitioning.field)} BETWEEN ${param("from", DATES[0]!, "DATE")} AND ${param("to", DATES[DATES.length - 1]!, "DATE")}`)
          : await platform.warehouse.query(sql`SELECT * FROM ${tableRef(table)}`);
      rows[tableId(table)] = stored
        .map((r) => Object.fromEntries(Object.entries(r).filter(([c]) => !c.endsWith("_at") && !c.endsWith("_last_updated") && c !== "source_file_path")))
        .sort((a, b) => (key(a) < key(b) ? -1 : 1));
    }
    return { report, rows, statements };
  } finally {
    await platform.close();
  }
}

/** Every raw table but the season schedule (loaded once up front either way). */
const rawTables = rawProcessors.map((p) => p.table).filter((t) => t.name !== "nbac_schedule");

const runsOf = (report: PipelineReport, phase = "phase_3_analytics") =>
  report.runs
    .filter((r) => r.phase === phase)
    .map((r) => `${r.scope} ${r.processor} ${r.status} ${r.rows_written}`)
    .sort();

describe("a range in batches (analyticsBatchDates: dates together through phases 1-3, writes shared) = date by date", () => {
  const tmp = useTempDir("analytics-range");
  let byDate: Outcome;
  let ranged: Outcome;

  beforeAll(async () => {
    byDate = await pipeline(join(tmp(), "by-date"), 1);
    ranged = await pipeline(join(tmp(), "ranged"), 3);
  }, 300_000);

  test("every date still gets its own run of every analytics processor, with the same status and rows", () => {
    expect(runsOf(byDate.report)).toHaveLength(DATES.length * analyticsProcessors.length);
    expect(runsOf(byDate.report).filter((r) => !r.includes(" success "))).toEqual([]);
    expect(runsOf(ranged.report)).toEqual(runsOf(byDate.report));
    expect(ranged.report.dates_completed).toEqual(DATES);
  });

  test("every date still gets its own raw runs, with the same status and rows written (inserted + updated)", () => {
    expect(runsOf(byDate.report, "phase_2_raw").length).toBeGreaterThan(DATES.length * 10);
    expect(runsOf(ranged.report, "phase_2_raw")).toEqual(runsOf(byDate.report, "phase_2_raw"));
  });

  test("the rows equal those of date-by-date runs, and every table fills", () => {
    for (const table of analyticsProcessors.map((p) => tableId(p.table))) expect({ table, filled: (byDate.rows[table] ?? []).length > 0 }).toEqual({ table, filled: true });
    expect(Object.values(byDate.rows).filter((rows) => rows.length > 0).length).toBeGreaterThan(rawTables.length);
    expect(ranged.rows).toEqual(byDate.rows);
  });

  test("a stop asked during a batch finishes that batch through phase 3; the next, already loading, keeps phases 1-2 only", async () => {
    const platform = await openLocalPlatform({ dataDir: join(tmp(), "stopped"), alertStream: { write: () => true } });
    try {
      let finished = 0;
      const report = await runLocalPipeline(platform, {
        dates: DATES,
        source,
        until: "analytics",
        analyticsBatchDates: 3,
        onEvent: (event) => {
          if (event.kind === "date_finished") finished += 1;
        },
        shouldStop: () => finished > 0,
      });
      expect(report.interrupted).toBe(true);
      expect(report.dates_completed).toEqual(DATES.slice(0, 3));
      expect(runsOf(report)).toEqual(runsOf(byDate.report).filter((line) => !line.startsWith(DATES[3]!)));
      expect(runsOf(report, "phase_2_raw")).toEqual(runsOf(byDate.report, "phase_2_raw"));
    } finally {
      await platform.close();
    }
  }, 120_000);

  test("the range reads each history window once instead of once per date", () => {
    expect(ranged.statements).toBeLessThan(byDate.statements);
  });
});
