import { nbacPlayerBoxscores, nbacSchedule, nbacTeamBoxscore, playerGameSummary } from "../../runtime/catalog";
import type { ProducedRow } from "../../runtime/catalog/derive/row-type";
import type { RunRecord } from "../../runtime/monitoring/run-record";
import { param, sql, tableRef } from "../../runtime/platform/sql";
import { analyticsProcessors } from "../../runtime/processors/analytics";
import { runAnalytics } from "../../runtime/processors/analytics/run-analytics";
import { GAME_DATE, game, stored, teamLines } from "../support/analytics-fixtures";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";

const nykPhi = game("0022400561", "NYK", "PHI", 125, 115);
const bosMia = game("0022400562", "BOS", "MIA", 112, 120);
// NYK 125, PHI 115, BOS 112, MIA 120: each team's five lines add up to its score.
const lines = [...teamLines(nykPhi, "NYK", 1, 125), ...teamLines(nykPhi, "PHI", 11, 115), ...teamLines(bosMia, "BOS", 21, 112), ...teamLines(bosMia, "MIA", 31, 120)];

describe("phase 3 on the declared-inputs base (DuckDB)", () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await openTestPlatform();
  });
  afterEach(() => platform.warehouse.close());

  const load = async (schedule: readonly ProducedRow<typeof nbacSchedule>[], players: readonly ProducedRow<typeof nbacPlayerBoxscores>[]) => {
    if (schedule.length > 0) await platform.warehouse.merge(nbacSchedule, stored(schedule));
    if (players.length > 0) await platform.warehouse.merge(nbacPlayerBoxscores, stored(players));
  };
  const runAll = async (): Promise<Record<string, RunRecord>> => {
    const runs: Record<string, RunRecord> = {};
    // The five game tables; the players registry is reference data with its own tests.
    for (const p of analyticsProcessors.filter((a) => a.name !== "nba_players_registry")) runs[p.name] = await runAnalytics(platform, p, GAME_DATE, "sim");
    return runs;
  };
  const counts = (runs: Record<string, RunRecord>) => Object.fromEntries(Object.entries(runs).map(([name, r]) => [name, [r.status, r.rows_inserted, r.rows_updated]]));

  test("a full day fills all five tables; a rerun changes no row (inserted 0, updated 0)", async () => {
    await load([nykPhi, bosMia], lines);
    expect(counts(await runAll())).toEqual({
      team_offense_game_summary: ["success", 4, 0],
      team_defense_game_summary: ["success", 4, 0],
      player_game_summary: ["success", 20, 0],
      upcoming_player_game_context: ["success", 20, 0],
      upcoming_team_game_context: ["success", 4, 0],
    });
    expect(counts(await runAll())).toEqual({
      team_offense_game_summary: ["success", 0, 0],
      team_defense_game_summary: ["success", 0, 0],
      player_game_summary: ["success", 0, 0],
      upcoming_player_game_context: ["success", 0, 0],
      upcoming_team_game_context: ["success", 0, 0],
    });
  });

  test("changing one input row updates exactly the rows that depend on it", async () => {
    await load([nykPhi, bosMia], lines);
    await runAll();
    // One more NYK turnover: NYK's offense row; both defense rows of that game (PHI's carries NYK's
    // offense, NYK's records NYK's offense row as its source: its hash changes); the usage of NYK's
    // five players (team totals). Nothing of BOS-MIA, PHI's players or the contexts (which read only
    // earlier dates) depends on it.
    const changed = lines.map((l) => (l.player_lookup === "playernyk1" ? { ...l, turnovers: 2, processed_at: "2025-01-16T11:00:00.000Z" } : l));
    await platform.warehouse.merge(nbacPlayerBoxscores, stored(changed));
    const runs = await runAll();
    expect(counts(runs)).toEqual({
      team_offense_game_summary: ["success", 0, 1],
      team_defense_game_summary: ["success", 0, 2],
      player_game_summary: ["success", 0, 5],
      upcoming_player_game_context: ["success", 0, 0],
      upcoming_team_game_context: ["success", 0, 0],
    });
    const usage = await platform.warehouse.query(
      sql`SELECT player_lookup, usage_rate FROM ${tableRef(playerGameSummary)} WHERE game_date = ${param("d", GAME_DATE, "DATE")} AND player_lookup = ${param("p", "playernyk2", "STRING")}`,
    );
    // NYK: 5 × 10 FGM, FGA 100; FTM 15 + 0 … so FTA 16 + 1 + 1 + 1 + 1 = 20; TOV now 6.
    // Player 2: FGA 20, FTA 1, TOV 1, 48 of 240 minutes (TmMin/5 = 48 = MIN):
    // 100 · (20 + 0.44 + 1) / (100 + 0.44 · 20 + 6) = 2144 / 114.8 = 18.68 -> 18.7
    expect(usage).toEqual([{ player_lookup: "playernyk2", usage_rate: 18.7 }]);
  });

  test("a final game missing from the player lines makes every phase-3 run partial, naming the game", async () => {
    await load([nykPhi, bosMia], lines.filter((l) => l.game_id === nykPhi.canonical_game_id));
    const runs = await runAll();
    for (const name of ["team_offense_game_summary", "team_defense_game_summary", "player_game_summary"]) {
      expect(runs[name]).toMatchObject({ status: "partial", error_message: expect.stringContaining("20250115_BOS_MIA") as unknown });
    }
    expect(runs.player_game_summary).toMatchObject({ rows_written: 10, error_message: expect.stringContaining("no player lines for 20250115_BOS_MIA") as unknown });
  });

  test("an empty schedule blocks phase 3 with a categorised reason; nothing is written", async () => {
    await load([], lines);
    const runs = await runAll();
    for (const run of Object.values(runs)) {
      expect(run).toMatchObject({ status: "failed", error_type: "DEPENDENCY_MISSING", rows_written: 0, error_message: expect.stringContaining("nba_raw.nbac_schedule (2024-10-01..2025-01-15) has 0 rows, needs 1") as unknown });
    }
  });

  test("team totals NULL for a whole team-game are a failed check, not a row of NULLs", async () => {
    await load([nykPhi, bosMia], lines);
    const box = (team: string, fga: number | null): ProducedRow<typeof nbacTeamBoxscore> & { source_kind: "sim" } => ({
      game_id: nykPhi.canonical_game_id, nba_game_id: nykPhi.game_id, game_date: GAME_DATE, season_year: 2024, team_abbr: team, team_id: 1, is_home: team === "PHI", minutes: "240:00",
      points: team === "NYK" ? 125 : 115, field_goals_made: 50, field_goals_attempted: fga, three_pointers_made: 10, three_pointers_attempted: 20, free_throws_made: 5, free_throws_attempted: 10,
      offensive_rebounds: 5, defensive_rebounds: 15, total_rebounds: 20, assists: 10, steals: 5, blocks: 0, turnovers: 5, personal_fouls: 10, plus_minus: null, data_source: "nbac_boxscore",
      source_file_path: "file:///b.json", data_hash: "b", processed_at: "2025-01-16T09:00:00.000Z", created_at: "2025-01-16T09:00:00.000Z", source_kind: "sim",
    });
    await platform.warehouse.merge(nbacTeamBoxscore, [box("NYK", null), box("PHI", 100)]);
    const offense = await runAnalytics(platform, analyticsProcessors[0]!, GAME_DATE, "sim");
    expect(offense).toMatchObject({ status: "failed", error_type: "INPUT_INCOMPLETE", rows_written: 0 });
    expect(offense.error_message).toContain("nbac_team_boxscore for NYK in 20250115_NYK_PHI has NULL field_goals_attempted");
  });
});
