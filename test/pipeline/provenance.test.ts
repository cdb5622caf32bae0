import { join } from "node:path";
import { catalog, tableId } from "../../runtime/catalog";
import { runCliCaptured } from "../support/cli";
import { describeWithSamples, SAMPLES_DIR } from "../support/samples";
import { useTempDir } from "../support/temp-dir";
import { queryRows } from "../support/warehouse-queries";

/** Every catalog table's distinct source kinds in a data dir (all partitions: these are tiny local tables). */
async function kindsByTable(dataDir: string): Promise<Record<string, string[]>> {
  const union = catalog.tables.map((t) => `SELECT '${tableId(t)}' AS t, source_kind FROM ${tableId(t)}`).join(" UNION ALL ");
  const rows = await queryRows(dataDir, `SELECT t, LIST(DISTINCT source_kind ORDER BY source_kind) AS kinds FROM (${union}) GROUP BY t ORDER BY t`);
  return Object.fromEntries(rows.map((r) => [String(r.t), r.kinds as string[]]));
}

async function runKinds(dataDir: string): Promise<string[]> {
  const result = await runCliCaptured(["runs", "--data-dir", dataDir, "--limit", "999", "--json"]);
  expect(result.code).toBe(0);
  return [...new Set((JSON.parse(result.stdout) as { source_kind: string }[]).map((r) => r.source_kind))].sort();
}

test("every catalog table carries a required source_kind column", () => {
  const missing = catalog.tables.filter((t) => !t.columns.some((c) => c.name === "source_kind" && c.mode === "REQUIRED" && c.type === "STRING")).map(tableId);
  expect(missing).toEqual([]);
});

describeWithSamples("the README's commands in order (sim, then replay) never mix sim and real rows", () => {
  const tmp = useTempDir("provenance");
  const cwd = process.cwd();
  const simDir = () => join(tmp(), ".nba-props-sim");
  const realDir = () => join(tmp(), ".nba-props");
  let sim: { code: number; stderr: string };
  let replay: { code: number; stdout: string; stderr: string };
  let replayIntoSim: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    // The README's commands, run from a fresh checkout folder with their default data dirs.
    process.chdir(tmp());
    try {
      sim = await runCliCaptured(["pipeline", "--date", "2025-03-15"]);
      replay = await runCliCaptured(["pipeline", "--date", "2025-03-15", "--source", "replay", "--replay-dir", SAMPLES_DIR, "--json"]);
      replayIntoSim = await runCliCaptured(["pipeline", "--date", "2025-03-15", "--source", "replay", "--replay-dir", SAMPLES_DIR, "--data-dir", simDir()]);
    } finally {
      process.chdir(cwd);
    }
  }, 240_000);

  test("sim writes its own data dir, replay the default one: both succeed, the sources the samples lack for the date are listed, not run", () => {
    expect([sim.code, replay.code]).toEqual([0, 0]);
    const report = JSON.parse(replay.stdout) as { runs: { processor: string; status: string }[]; uncaptured_sources: { scraper: string }[] };
    expect(report.runs.filter((r) => r.status === "failed" || r.status === "blocked").map((r) => r.processor)).toEqual([]);
    expect(report.uncaptured_sources.map((u) => u.scraper)).toContain("nbac_team_boxscore");
  });

  test("a replay run into the sim data dir is refused before it writes, naming both kinds and the way out", async () => {
    const before = await kindsByTable(simDir());
    expect(replayIntoSim.code).toBe(2);
    expect(replayIntoSim.stdout).toBe("");
    expect(replayIntoSim.stderr).toMatch(/holds sim data and this run's source is replay/);
    expect(replayIntoSim.stderr).toMatch(/--data-dir/);
    expect(replayIntoSim.stderr).toMatch(/nba-props reset --data-dir .* --yes/);
    expect(replayIntoSim.stderr.trim().split("\n")).toHaveLength(1);
    expect(await kindsByTable(simDir())).toEqual(before);
  });

  test("no table holds more than one source kind, and each dir holds only its own", async () => {
    const simKinds = await kindsByTable(simDir());
    const realKinds = await kindsByTable(realDir());
    expect(Object.keys(simKinds).length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(realKinds).length).toBeGreaterThanOrEqual(3);
    for (const kinds of Object.values(simKinds)) expect(kinds).toEqual(["sim"]);
    for (const kinds of Object.values(realKinds)) expect(kinds).toEqual(["replay"]);
    expect(await runKinds(simDir())).toEqual(["sim"]);
    expect(await runKinds(realDir())).toEqual(["replay"]);
  });

  test("sim game ids are synthetic (99TYYNNNNN) and share no id with the real schedule", async () => {
    const simIds = (await queryRows(simDir(), "SELECT DISTINCT game_id FROM nba_raw.nbac_schedule")).map((r) => String(r.game_id));
    const realIds = new Set((await queryRows(realDir(), "SELECT DISTINCT game_id FROM nba_raw.nbac_schedule")).map((r) => String(r.game_id)));
    expect(simIds.length).toBe(1230);
    expect(realIds.size).toBeGreaterThan(1000);
    expect(simIds.filter((id) => !/^992\d{7}$/.test(id))).toEqual([]);
    expect([...realIds].filter((id) => !id.startsWith("00"))).toEqual([]);
    expect(simIds.filter((id) => realIds.has(id))).toEqual([]);
  });

  test("2025-03-15 in the real dir has exactly two team rows per real game", async () => {
    const [row] = await queryRows(
      realDir(),
      "SELECT COUNT(*) AS team_rows, COUNT(DISTINCT game_id) AS games FROM nba_analytics.team_offense_game_summary WHERE game_date = DATE '2025-03-15'",
    );
    expect(Number(row?.team_rows)).toBe(2 * Number(row?.games));
  });
});
