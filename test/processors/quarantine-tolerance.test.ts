import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { catalog, nbacSchedule } from "../../runtime/catalog";
import { localPaths } from "../../runtime/platform/local/local-platform";
import { FileDocStore } from "../../runtime/platform/local/file-doc-store";
import { sql, tableRef } from "../../runtime/platform/sql";
import { runProcessor } from "../../runtime/processors/base/run-processor";
import { listQuarantine } from "../../runtime/processors/base/quarantine-store";
import type { QuarantinedRecord } from "../../runtime/processors/base/quarantine";
import type { WorkOutput } from "../../runtime/processors/base/work-output";
import { runCliCaptured } from "../support/cli";
import { scheduleRow } from "../support/schedule-row";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";

const spec = catalog.processors.find((p) => p.name === "nbac_schedule")!;
const OBJECT = "file:///objects/nba-com/nbac_schedule/2024-25/x.json";
const bad = (index: number): QuarantinedRecord => ({ source: "schedule.json", record: `game ${index}`, field: "gameStatus", value: 7, reason: "expected 1, 2 or 3", index, key: `0022400${String(index).padStart(3, "0")}` });

describe("quarantine within a table's tolerance", () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await openTestPlatform();
  });
  afterEach(() => platform.warehouse.close());

  const run = (tolerance: number | undefined, output: WorkOutput) =>
    runProcessor(platform, { spec, table: { ...nbacSchedule, quarantineTolerance: tolerance }, scope: "2024-25", gameDate: "2025-03-15", sourceKind: "replay", objectPath: OBJECT, work: () => Promise.resolve(output) });
  const rows = async () => Number((await platform.warehouse.query(sql`SELECT COUNT(*) AS n FROM ${tableRef(nbacSchedule)}`))[0]?.n);

  test("within it the good rows load, the run is partial and the affected keys are recorded where later phases can read them", async () => {
    const result = await run(0.25, { rows: [scheduleRow("0022400001"), scheduleRow("0022400002"), scheduleRow("0022400003")], quarantined: [bad(4)], recordsReceived: 4 });
    expect(result).toMatchObject({ status: "partial", rows_written: 3, rows_quarantined: 1, rows_read: 4, affected_keys: ["0022400004"] });
    expect(await rows()).toBe(3);
    expect(await listQuarantine(platform.docStore, "2025-03-15")).toEqual([
      expect.objectContaining({ run_id: result.run_id, source: "schedule.json", object_path: OBJECT, record_index: 4, field: "gameStatus", value: "7", reason: "expected 1, 2 or 3", rows_loaded: true }),
    ]);
    expect(platform.bus.published.at(-1)?.body).toMatchObject({ status: "partial", record_count: 3, records_failed: 1 });
  });

  test("beyond it (and by default, tolerance 0) nothing is written and the run fails", async () => {
    expect(await run(0.25, { rows: [scheduleRow("0022400001"), scheduleRow("0022400002")], quarantined: [bad(2), bad(3)] })).toMatchObject({ status: "failed", error_type: "QUARANTINED", rows_written: 0 });
    expect(await run(undefined, { rows: [scheduleRow("0022400001"), scheduleRow("0022400002"), scheduleRow("0022400003")], quarantined: [bad(3)] })).toMatchObject({ status: "failed", error_type: "QUARANTINED" });
    expect(await rows()).toBe(0);
    expect((await listQuarantine(platform.docStore)).every((e) => !e.rows_loaded)).toBe(true);
  });

  test("an output row that does not fit the catalog is dropped within the tolerance, the others load", async () => {
    const result = await run(0.5, { rows: [scheduleRow("0022400001"), scheduleRow("0022400002", { game_status_text: 7 as unknown as string })], quarantined: [] });
    expect(result).toMatchObject({ status: "partial", rows_written: 1, rows_quarantined: 1 });
    expect(result.affected_keys?.[0]).toMatch(/game_id=0022400002/);
  });
});

describe("nba-props quarantine list", () => {
  test("lists a date's quarantined records with file, record index, field, value and reason (--json and human)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "quarantine-cli-"));
    const platform = await openTestPlatform();
    try {
      const docStore = new FileDocStore(localPaths(dir).docStore);
      await runProcessor(
        { ...platform, docStore },
        { spec, table: nbacSchedule, scope: "2024-25", gameDate: "2025-03-15", sourceKind: "replay", objectPath: OBJECT, work: () => Promise.resolve({ rows: [scheduleRow("0022400001")], quarantined: [bad(1)] }) },
      );
    } finally {
      await platform.warehouse.close();
    }
    const json = await runCliCaptured(["quarantine", "list", "--data-dir", dir, "--date", "2025-03-15", "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      count: 1,
      quarantined: [expect.objectContaining({ processor_name: "nbac_schedule", game_date: "2025-03-15", object_path: OBJECT, record_index: 1, field: "gameStatus", value: "7", reason: "expected 1, 2 or 3", rows_loaded: false })],
    });
    expect(JSON.parse((await runCliCaptured(["quarantine", "list", "--data-dir", dir, "--date", "2025-03-16", "--json"])).stdout)).toEqual({ count: 0, quarantined: [] });
    const human = await runCliCaptured(["quarantine", "list", "--data-dir", dir]);
    expect(human.stdout).toMatch(/nbac_schedule[\s\S]*x\.json #1[\s\S]*gameStatus[\s\S]*expected 1, 2 or 3/);
    const usage = await runCliCaptured(["quarantine", "list", "--data-dir", dir, "--date", "someday"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--date someday/);
  });
});
