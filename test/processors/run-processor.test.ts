import { catalog, nbacSchedule } from "../../runtime/catalog";
import { RUNS_COLLECTION } from "../../runtime/monitoring/run-ledger";
import { sql, tableRef } from "../../runtime/platform/sql";
import pino from "pino";
import { WarehouseError } from "../../runtime/platform/local/warehouse-error";
import type { Warehouse } from "../../runtime/platform/ports/warehouse";
import { shouldRedeliver } from "../../runtime/processors/base/redelivery";
import { runProcessor } from "../../runtime/processors/base/run-processor";
import type { WorkOutput } from "../../runtime/processors/base/work-output";
import { scheduleRow } from "../support/schedule-row";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";

const spec = catalog.processors.find((p) => p.name === "nbac_schedule")!;

const game = scheduleRow;

describe("the processor lifecycle", () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await openTestPlatform();
  });
  afterEach(() => platform.warehouse.close());

  const run = (output: WorkOutput) => runProcessor(platform, { spec, table: nbacSchedule, scope: "2024-25", gameDate: "2025-03-15", sourceKind: "replay", work: () => Promise.resolve(output) });
  const storedRuns = async () => (await platform.docStore.query(RUNS_COLLECTION, [])).map((d) => d.data);
  // Counts every partition of a tiny test table; real readers filter on game_date.
  const scheduleRows = () => platform.warehouse.query(sql`SELECT COUNT(*) AS n FROM ${tableRef(nbacSchedule)}`);

  test("records rows actually written, in one run record with one final status, and publishes it", async () => {
    const result = await run({ rows: [game("0022400001"), game("0022400002")], quarantined: [], recordsReceived: 3, rowsFiltered: 1 });
    expect(result).toMatchObject({ status: "success", rows_written: 2, rows_inserted: 2, rows_updated: 0, records_received: 3, rows_filtered: 1 });
    expect(await storedRuns()).toEqual([expect.objectContaining({ run_id: result.run_id, status: "success", rows_written: 2 })]);
    expect(platform.bus.published.map((m) => m.body)).toEqual([expect.objectContaining({ processor_name: "nbac_schedule", phase: "phase_2_raw", status: "success", record_count: 2 })]);
  });

  test("a rerun of the same rows updates instead of duplicating", async () => {
    await run({ rows: [game("0022400001")], quarantined: [] });
    const again = await run({ rows: [game("0022400001", { home_team_score: 98, winning_team_tricode: "GSW" })], quarantined: [] });
    expect(again).toMatchObject({ status: "success", rows_inserted: 0, rows_updated: 1 });
    expect(await scheduleRows()).toEqual([{ n: 1 }]);
  });

  test("a record count that does not add up fails the run and writes nothing", async () => {
    const result = await run({ rows: [game("0022400001")], quarantined: [], recordsReceived: 5 });
    expect(result).toMatchObject({ status: "failed", error_type: "RECORD_COUNT_MISMATCH", rows_written: 0 });
    expect(await scheduleRows()).toEqual([{ n: 0 }]);
    expect(platform.alerts.join("")).toMatch(/nbac_schedule failed/);
  });

  test("duplicate keys in the output fail the run instead of letting MERGE keep one silently", async () => {
    const result = await run({ rows: [game("0022400001"), game("0022400001")], quarantined: [] });
    expect(result).toMatchObject({ status: "failed", error_type: "DUPLICATE_KEY" });
    expect(await scheduleRows()).toEqual([{ n: 0 }]);
  });

  test("an output row that does not fit the catalog is quarantined with its field, and nothing is written", async () => {
    const result = await run({ rows: [game("0022400001"), game("0022400002", { game_date: "15/03/2025" })], quarantined: [] });
    expect(result).toMatchObject({ status: "failed", error_type: "QUARANTINED", rows_quarantined: 1 });
    expect(result.error_message).toContain("field game_date");
    expect(await scheduleRows()).toEqual([{ n: 0 }]);
    expect(await platform.docStore.query("quarantine", [])).toHaveLength(1);
  });

  test("zero rows: no games is no_data, a real gap is a failure, and neither blocks a later run", async () => {
    expect(await run({ rows: [], quarantined: [], emptyReason: "no_games_scheduled" })).toMatchObject({ status: "no_data", empty_reason: "no_games_scheduled" });
    expect(await run({ rows: [], quarantined: [], emptyReason: "real_gap" })).toMatchObject({ status: "failed", error_type: "REAL_GAP" });
    expect(await run({ rows: [game("0022400001")], quarantined: [] })).toMatchObject({ status: "success", rows_written: 1 });
  });

  test("fewer rows than expected is partial, not success", async () => {
    expect(await run({ rows: [game("0022400001")], quarantined: [], expectedRows: 2 })).toMatchObject({ status: "partial", rows_written: 1 });
  });

  test("a write postponed by BigQuery's streaming buffer fails the run with its code, logs write_postponed, alerts, asks for redelivery and never writes twice", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    let merges = 0;
    const postponing: Warehouse = {
      ...platform.warehouse,
      dialect: platform.warehouse.dialect,
      merge: () => {
        merges += 1;
        return Promise.reject(new WarehouseError("WRITE_POSTPONED", "MERGE into nba_raw.nbac_schedule failed: rows still in the streaming buffer"));
      },
    };
    const result = await runProcessor({ ...platform, warehouse: postponing, logger }, { spec, table: nbacSchedule, scope: "2024-25", gameDate: "2025-03-15", sourceKind: "replay", work: () => Promise.resolve({ rows: [game("0022400001")], quarantined: [] }) });
    expect(result).toMatchObject({ status: "failed", error_type: "WRITE_POSTPONED", rows_written: 0 });
    expect(merges).toBe(1);
    expect(shouldRedeliver(result)).toBe(true);
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ event: "write_postponed", reason: "streaming_buffer", table: "nba_raw.nbac_schedule", processor_name: "nbac_schedule", run_id: result.run_id }),
    );
    expect(platform.alerts.join("")).toMatch(/nbac_schedule failed for 2024-25[\s\S]*streaming buffer/);
    expect(await scheduleRows()).toEqual([{ n: 0 }]);
  });

  test("permanent failures are not redelivered", async () => {
    const result = await run({ rows: [game("0022400001")], quarantined: [], recordsReceived: 5 });
    expect(shouldRedeliver(result)).toBe(false);
  });
});
