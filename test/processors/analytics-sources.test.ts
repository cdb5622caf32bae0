import type { ProducedRow } from "../../runtime/catalog/derive/row-type";
import type { bdlPlayerBoxscores, bettingprosPlayerPointsProps, oddsApiPlayerPointsProps, teamOffenseGameSummary } from "../../runtime/catalog";
import type { DayContext } from "../../runtime/processors/base/declared-inputs";
import { transformPlayerGames } from "../../runtime/processors/analytics/player-game-summary";
import { overUnder, propLineFor } from "../../runtime/processors/analytics/prop-lines";
import { gameZones, zoneOf } from "../../runtime/processors/analytics/shot-zones";
import { transformTeamDefense } from "../../runtime/processors/analytics/team-defense-game-summary";
import { transformTeamOffense } from "../../runtime/processors/analytics/team-offense-game-summary";
import { GAME_DATE, action, game, teamLines } from "../support/analytics-fixtures";

const g = game("0022400561", "NYK", "PHI", 125, 115);
const day: DayContext = { gameDate: GAME_DATE, processedAt: "2025-01-16T10:00:00.000Z", schedule: [g], finalGames: [g], dependencies: [] };
const meta = { source_file_path: "file:///p.json", data_hash: "p", processed_at: "2025-01-16T09:00:00.000Z", created_at: "2025-01-16T09:00:00.000Z" };
const nyk = (n: number) => ({ player_1_lookup: `playernyk${n}`, player_1_team_abbr: "NYK" });
const phi = (n: number) => ({ player_2_lookup: `playerphi${n}`, player_2_team_abbr: "PHI" });

/** NYK player 1's shots, then PHI's one: counted by hand below. */
const pbp = [
  action(g, { event_type: "2pt", shot_made: true, shot_distance: 2, ...nyk(1), player_2_lookup: "playernyk2", player_2_team_abbr: "NYK" }), // paint make, assisted
  action(g, { event_type: "freethrow", event_action_type: "1 of 1", shot_made: true, shot_type: "FT", ...nyk(1) }), // and-one
  action(g, { event_type: "2pt", shot_made: false, shot_distance: 8, ...nyk(1), ...phi(11) }), // paint miss (8 ft is paint), blocked by PHI
  action(g, { event_type: "2pt", shot_made: true, shot_distance: 15, ...nyk(1) }), // mid-range make, unassisted
  action(g, { event_type: "3pt", shot_made: true, shot_distance: 22, ...nyk(1) }), // corner three: three by the flag, not by distance
  action(g, { event_type: "3pt", shot_made: false, shot_distance: 25, ...nyk(1), ...phi(12) }), // three miss, blocked by PHI
  action(g, { event_type: "freethrow", event_action_type: "1 of 2", shot_made: true, shot_type: "FT", ...nyk(1) }), // not zoned, not an and-one
  action(g, { event_type: "2pt", shot_made: false, shot_distance: null, shot_area: "Restricted Area", player_1_lookup: "playerphi11", player_1_team_abbr: "PHI" }), // paint by area
];

describe("shot zones from play-by-play (DOMAIN §4.2)", () => {
  test("three by the source's flag, paint within 8 ft, else mid-range; free throws are not zoned", () => {
    expect(zoneOf({ event_type: "3pt", shot_type: null, shot_distance: 22, shot_area: null })).toBe("three");
    expect(zoneOf({ event_type: "2pt", shot_type: null, shot_distance: 24, shot_area: null })).toBe("mid_range");
    expect(zoneOf({ event_type: "2pt", shot_type: null, shot_distance: 8, shot_area: null })).toBe("paint");
    expect(zoneOf({ event_type: "2pt", shot_type: null, shot_distance: 8.5, shot_area: "In The Paint (Non-RA)" })).toBe("mid_range");
    expect(zoneOf({ event_type: "2pt", shot_type: null, shot_distance: null, shot_area: "Restricted Area" })).toBe("paint");
  });

  test("player, team and block counts, by hand", () => {
    const z = gameZones(pbp);
    expect(z.players.get("20250115_NYK_PHI|playernyk1")).toEqual({
      paint_attempts: 2, paint_makes: 1, mid_range_attempts: 1, mid_range_makes: 1, three_attempts: 2, three_makes: 1,
      assisted_fg_makes: 1, unassisted_fg_makes: 2, and1_count: 1,
    });
    expect(z.teams.get("20250115_NYK_PHI|PHI")).toMatchObject({ paint_attempts: 1, paint_makes: 0 });
    // PHI blocked one NYK paint shot and one NYK three.
    expect(z.blocks.get("20250115_NYK_PHI|PHI")).toEqual({ paint: 1, mid_range: 0, three: 1 });
    expect(z.blocks.get("20250115_NYK_PHI|NYK")).toBeUndefined();
  });

  test("team offense and defense carry the zones; the defense carries blocks by zone", () => {
    const lines = [...teamLines(g, "NYK", 1, 125), ...teamLines(g, "PHI", 11, 115)];
    const offense = transformTeamOffense({ teamBoxscores: [], playerBoxscores: lines, bdlBoxscores: [], playByPlay: pbp }, day).rows;
    expect(offense.find((r) => r.team_abbr === "NYK")).toMatchObject({ team_paint_attempts: 2, team_paint_makes: 1, team_mid_range_attempts: 1, team_mid_range_makes: 1 });
    const stored = offense.map((r) => ({ ...r, data_hash: "h" }));
    const defense = transformTeamDefense({ offense: stored, playByPlay: pbp }, day).rows;
    expect(defense.find((r) => r.defending_team_abbr === "PHI")).toMatchObject({
      opp_paint_attempts: 2, opp_paint_makes: 1, points_in_paint_allowed: 2, mid_range_points_allowed: 2, blocks_paint: 1, blocks_mid_range: 0, blocks_three_pt: 1,
    });
    expect(defense.find((r) => r.defending_team_abbr === "NYK")).toMatchObject({ blocks_paint: 0, blocks_mid_range: 0, blocks_three_pt: 0 });
  });
});

type Odds = ProducedRow<typeof oddsApiPlayerPointsProps>;
type Bp = ProducedRow<typeof bettingprosPlayerPointsProps>;
const odds = (bookmaker: string, snapshot: string, line: number): Odds => ({
  game_id: "20250115_NYK_PHI", nba_game_id: null, odds_api_event_id: "e1", game_date: GAME_DATE, game_start_time: null, home_team_abbr: "PHI", away_team_abbr: "NYK",
  snapshot_timestamp: snapshot, minutes_before_tipoff: null, bookmaker, bookmaker_last_update: null, player_full_name: "Player NYK 1", player_lookup: "playernyk1",
  points_line: line, over_price: 1.91, over_price_american: -110, under_price: 1.91, under_price_american: -110, data_source: "historical", ...meta,
});
const bp = (bookmaker: string, updated: string, line: number, opening: number | null, side = "over"): Bp => ({
  game_date: GAME_DATE, game_id: null, market_id: 156, bp_event_id: 1, offer_id: "o", bp_player_id: "1", player_full_name: "Player NYK 1", player_lookup: "playernyk1", player_team: "NYK",
  has_team_issues: false, book_id: 12, bookmaker, line_id: null, bet_side: side, points_line: line, odds_american: -110, is_active: true, is_best_line: null,
  bookmaker_last_update: updated, opening_line: opening, opening_odds: null, data_source: "bettingpros", ...meta,
});

describe("the points line and its outcome", () => {
  const tip = "2025-01-16T00:30:00.000Z";

  test("per book the latest snapshot at or before tip; draftkings before fanduel before the rest", () => {
    const rows = [
      odds("betmgm", "2025-01-15T20:00:00.000Z", 30.5),
      odds("fanduel", "2025-01-15T20:00:00.000Z", 29.5),
      odds("draftkings", "2025-01-15T12:00:00.000Z", 27.5),
      odds("draftkings", "2025-01-15T23:00:00.000Z", 28.5),
      odds("draftkings", "2025-01-16T01:00:00.000Z", 35.5), // after tip: ignored
    ];
    expect(propLineFor(rows, [], tip)).toEqual({ points_line: 28.5, opening_line: 27.5, source: "odds_api", bookmaker: "draftkings" });
    expect(propLineFor(rows.filter((r) => r.bookmaker !== "draftkings"), [], tip)).toMatchObject({ points_line: 29.5, bookmaker: "fanduel" });
  });

  test("BettingPros (over side) only when the Odds API has no line", () => {
    const rows = [bp("FanDuel", "2025-01-15T20:00:00.000Z", 26.5, 25.5), bp("FanDuel", "2025-01-15T21:00:00.000Z", 27.5, 25.5), bp("FanDuel", "2025-01-15T22:00:00.000Z", 40.5, null, "under")];
    expect(propLineFor([], rows, tip)).toEqual({ points_line: 27.5, opening_line: 25.5, source: "bettingpros", bookmaker: "FanDuel" });
    expect(propLineFor([odds("fanduel", "2025-01-15T20:00:00.000Z", 29.5)], rows, tip)).toMatchObject({ source: "odds_api", points_line: 29.5 });
  });

  test("over, under and push (a push is not an over)", () => {
    expect(overUnder(30, 28.5)).toEqual({ margin: 1.5, result: "OVER" });
    expect(overUnder(27, 28.5)).toEqual({ margin: -1.5, result: "UNDER" });
    expect(overUnder(28, 28)).toEqual({ margin: 0, result: "PUSH" });
  });

  test("the player summary carries the line, its movement and the outcome", () => {
    const lines = [...teamLines(g, "NYK", 1, 125), ...teamLines(g, "PHI", 11, 115)];
    const offense = transformTeamOffense({ teamBoxscores: [], playerBoxscores: lines, bdlBoxscores: [], playByPlay: [] }, day).rows.map((r) => ({ ...r, data_hash: "h" }));
    const rows = transformPlayerGames(
      { players: lines, bdlPlayers: [], teamOffense: offense, playByPlay: [], oddsProps: [odds("draftkings", "2025-01-15T12:00:00.000Z", 35.5), odds("draftkings", "2025-01-15T23:00:00.000Z", 37)], bettingProsProps: [] },
      day,
    ).rows;
    // Player NYK 1: 8 twos, 2 threes and 15 free throws = 37 points against a 37 line.
    expect(rows.find((r) => r.player_lookup === "playernyk1")).toMatchObject({ points: 37, points_line: 37, opening_line: 35.5, line_movement: 1.5, margin: 0, over_under_result: "PUSH" });
    expect(rows.find((r) => r.player_lookup === "playernyk2")).toMatchObject({ points_line: null, over_under_result: null });
  });
});

describe("the BDL fallback", () => {
  const bdl = (team: string, n: number, minutes: string, pts: number): ProducedRow<typeof bdlPlayerBoxscores> => ({
    game_id: "20250115_NYK_PHI", game_date: GAME_DATE, season_year: 2024, game_status: "Final", bdl_game_id: 9, team_abbr: team, opponent_team_abbr: team === "NYK" ? "PHI" : "NYK", is_home: team === "PHI",
    bdl_player_id: n, player_full_name: `P ${n}`, player_lookup: `p${n}`, minutes,
    points: pts, field_goals_made: pts / 2, field_goals_attempted: pts, three_pointers_made: 0, three_pointers_attempted: 2, free_throws_made: 0, free_throws_attempted: 4,
    offensive_rebounds: 2, defensive_rebounds: 5, total_rebounds: 7, assists: 1, steals: 0, blocks: 0, turnovers: 2, personal_fouls: 1, plus_minus: null, data_source: "bdl", ...meta,
  });
  // NYK 5 × 25 = 125 in 5 × 48 minutes; PHI 5 × 23 = 115; one DNP ("00") on NYK.
  const rows = [...[1, 2, 3, 4, 5].map((n) => bdl("NYK", n, "48", 25)), { ...bdl("NYK", 6, "00", 0), free_throws_attempted: null, offensive_rebounds: null, defensive_rebounds: null, total_rebounds: null, turnovers: null, personal_fouls: null, assists: null, three_pointers_attempted: null }, ...[11, 12, 13, 14, 15].map((n) => bdl("PHI", n, "48", 23))];

  test("without NBA.com lines, BDL lines are used with every count it supplies, silver, backup_source_used", () => {
    const offense = transformTeamOffense({ teamBoxscores: [], playerBoxscores: [], bdlBoxscores: rows, playByPlay: [] }, day).rows;
    expect(offense.find((r) => r.team_abbr === "NYK")).toMatchObject({ data_source: "reconstructed_from_bdl_boxscores", points_scored: 125, offensive_rebounds: 10, fg_attempts: 125, ft_attempts: 20, team_minutes: 240 });
    const summary = transformPlayerGames({ players: [], bdlPlayers: rows, teamOffense: offense.map((r) => ({ ...r, data_hash: "h" })), playByPlay: [], oddsProps: [], bettingProsProps: [] }, day);
    expect(summary.rows).toHaveLength(11);
    // p1: FGA 25, FTA 4, TOV 2 in 48 of 240: 100·(25 + 1.76 + 2) / (125 + 0.44·20 + 10) = 2876 / 143.8 = 20.0
    expect(summary.rows.find((r) => r.player_lookup === "p1")).toMatchObject({
      primary_source: "bdl_player_boxscores", backup_source_used: true, data_quality_tier: "silver", quality_score: 85, offensive_rebounds: 2, fg_attempts: 25, ft_attempts: 4,
      minutes_played: 48, usage_rate: 20, starter_flag: true, win_flag: true, nba_game_id: "0022400561",
    });
    expect(summary.rows.find((r) => r.player_lookup === "p6")).toMatchObject({ is_dnp: true, minutes_played: null, usage_rate: null, starter_flag: false });
  });

  test("team totals missing for a team-game are a failed check in the player summary", () => {
    const offense = transformTeamOffense({ teamBoxscores: [], playerBoxscores: [], bdlBoxscores: rows, playByPlay: [] }, day).rows.map((r) => ({ ...r, data_hash: "h" }));
    const nullTotals: ProducedRow<typeof teamOffenseGameSummary>[] = offense.map((r) => (r.team_abbr === "PHI" ? { ...r, fg_attempts: null } : r));
    const summary = transformPlayerGames({ players: [], bdlPlayers: rows, teamOffense: nullTotals, playByPlay: [], oddsProps: [], bettingProsProps: [] }, day);
    expect(summary.failedChecks).toEqual(["usage needs team totals: FGA, FTA or TOV is NULL for PHI in 20250115_NYK_PHI"]);
    expect(summary.rows.every((r) => r.team_abbr === "NYK")).toBe(true);
  });
});
