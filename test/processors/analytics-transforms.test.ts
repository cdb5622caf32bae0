import type { ProducedRow } from "../../runtime/catalog/derive/row-type";
import type { nbacPlayerBoxscores, nbacSchedule, nbacTeamBoxscore } from "../../runtime/catalog";
import { transformPlayerGames } from "../../runtime/processors/analytics/player-game-summary";
import { transformTeamDefense } from "../../runtime/processors/analytics/team-defense-game-summary";
import { transformTeamOffense } from "../../runtime/processors/analytics/team-offense-game-summary";
import { invalidOutputRows } from "../../runtime/processors/base/row-checks";
import type { DayContext } from "../../runtime/processors/base/declared-inputs";
import { playerGameSummary, teamDefenseGameSummary, teamOffenseGameSummary } from "../../runtime/catalog";

/** What the lifecycle does before it checks rows: stamp the run's source kind (transforms never set it). */
const stamped = (rows: readonly object[]) => rows.map((r) => ({ ...r, source_kind: "replay", data_hash: "0123456789abcdef" }));
/** The day as the declared-inputs base hands it to a transform: the schedule's games, final ones apart. */
function dayOf(schedule: readonly ProducedRow<typeof nbacSchedule>[]): DayContext {
  return { gameDate: "2025-01-15", processedAt: "2025-01-16T10:00:00.000Z", schedule, finalGames: schedule.filter((g) => g.game_status === 3), dependencies: [] };
}
const noExtras = { bdlBoxscores: [], playByPlay: [] };
const meta = { source_file_path: "file:///x.json", data_hash: "abc", processed_at: "2025-01-16T09:00:00.000Z", created_at: "2025-01-16T09:00:00.000Z" };

function game(overrides: Partial<ProducedRow<typeof nbacSchedule>> = {}): ProducedRow<typeof nbacSchedule> {
  return {
    game_id: "0022400561", canonical_game_id: "20250115_NYK_PHI", game_code: null, season_nba_format: "2024-25", season_year: 2024, game_date: "2025-01-15",
    game_date_est: null, game_start_utc: null, game_status: 3, game_status_text: "Final", game_type: "regular_season", game_label: null,
    home_team_id: 1610612755, home_team_tricode: "PHI", away_team_id: 1610612752, away_team_tricode: "NYK", home_team_score: 119, away_team_score: 125,
    winning_team_tricode: "NYK", is_regular_season: true, is_playoffs: false, is_play_in: false, is_emirates_cup: false, postponed_status: "N", data_source: "nbac_schedule_api",
    ...meta, ...overrides,
  };
}

/** A player line with `pts` from `fg2` two-pointers, `fg3` threes and `ft` free throws. */
function player(team: string, n: number, fg2: number, fg3: number, ft: number, minutes: number): ProducedRow<typeof nbacPlayerBoxscores> {
  const home = team === "PHI";
  return {
    game_id: "20250115_NYK_PHI", nba_game_id: "0022400561", game_date: "2025-01-15", season_year: 2024, team_abbr: team, opponent_team_abbr: home ? "NYK" : "PHI", is_home: home,
    nba_player_id: n, player_full_name: `Player ${team} ${n}`, player_lookup: `player${team.toLowerCase()}${n}`, starter: null, minutes: `${minutes}:00`, minutes_decimal: minutes, game_result: home ? "L" : "W",
    points: 2 * fg2 + 3 * fg3 + ft, field_goals_made: fg2 + fg3, field_goals_attempted: 2 * (fg2 + fg3), three_pointers_made: fg3, three_pointers_attempted: 2 * fg3,
    free_throws_made: ft, free_throws_attempted: ft + 1, offensive_rebounds: 1, defensive_rebounds: 3, total_rebounds: 4, assists: 2, steals: 1, blocks: 0, turnovers: 1, personal_fouls: 2, plus_minus: 0,
    data_source: "nbac_leaguegamelog", ...meta,
  };
}

/** Five NYK players adding to 125 (in 265 minutes: one overtime) and five PHI players adding to 119 in 265. */
// NYK: 35 + 27 + 24 + 24 + 15 = 125; PHI: 39 + 26 + 23 + 17 + 14 = 119.
const nyk = [player("NYK", 1, 10, 3, 6, 53), player("NYK", 2, 8, 2, 5, 53), player("NYK", 3, 7, 2, 4, 53), player("NYK", 4, 9, 1, 3, 53), player("NYK", 5, 6, 1, 0, 53)];
const phi = [player("PHI", 6, 10, 4, 7, 53), player("PHI", 7, 8, 2, 4, 53), player("PHI", 8, 6, 2, 5, 53), player("PHI", 9, 5, 1, 4, 53), player("PHI", 10, 6, 0, 2, 53)];

describe("team offense", () => {
  test("without a team box score, totals are rebuilt from the player lines and marked silver", () => {
    const { rows, expectedRows } = transformTeamOffense({ teamBoxscores: [], playerBoxscores: [...nyk, ...phi], ...noExtras }, dayOf([game()]));
    expect(expectedRows).toBe(2);
    const byTeam = Object.fromEntries(rows.map((r) => [r.team_abbr, r]));
    expect(byTeam.NYK).toMatchObject({ points_scored: 125, home_game: false, opponent_team_abbr: "PHI", win_flag: true, margin_of_victory: 6, team_minutes: 265, overtime_periods: 1, data_source: "reconstructed_from_player_boxscores", data_quality_tier: "silver", quality_score: 85, source_player_boxscores_rows_found: 5 });
    expect(byTeam.PHI).toMatchObject({ points_scored: 119, home_game: true, win_flag: false, margin_of_victory: -6 });
    // NYK: FGA 26+20+18+20+14 = 98, FTA 7+6+5+4+1 = 23, OREB 5, TOV 5: 98 + 10.12 - 5 + 5 = 108.12 -> 108.1
    // rating 125 / 108.1 * 100 = 115.633; pace 108.1 * 48 / 53 = 97.90 (265 team minutes)
    expect(byTeam.NYK).toMatchObject({ possessions: 108.1, offensive_rating: 115.63, pace: 97.9 });
    expect(invalidOutputRows(teamOffenseGameSummary, stamped(rows))).toEqual([]);
  });

  test("an official team box score wins over rebuilt totals and is gold", () => {
    const box: ProducedRow<typeof nbacTeamBoxscore> = {
      game_id: "20250115_NYK_PHI", nba_game_id: "0022400561", game_date: "2025-01-15", season_year: 2024, team_abbr: "NYK", team_id: 1610612752, is_home: false, minutes: "240:00",
      points: 125, field_goals_made: 45, field_goals_attempted: 90, three_pointers_made: 15, three_pointers_attempted: 40, free_throws_made: 20, free_throws_attempted: 25,
      offensive_rebounds: 10, defensive_rebounds: 30, total_rebounds: 40, assists: 25, steals: 8, blocks: 5, turnovers: 12, personal_fouls: 18, plus_minus: 6, data_source: "nbac_boxscore", ...meta,
    };
    const { rows } = transformTeamOffense({ teamBoxscores: [box], playerBoxscores: [...nyk, ...phi], ...noExtras }, dayOf([game()]));
    expect(rows.find((r) => r.team_abbr === "NYK")).toMatchObject({ data_source: "nbac_team_boxscore", data_quality_tier: "gold", quality_score: 100, fg_attempts: 90, team_minutes: 240, overtime_periods: 0 });
    expect(rows.find((r) => r.team_abbr === "PHI")).toMatchObject({ data_source: "reconstructed_from_player_boxscores" });
  });

  test("a team with fewer than five player lines is missing: the day is partial, not invented", () => {
    const { rows, expectedRows } = transformTeamOffense({ teamBoxscores: [], playerBoxscores: [...nyk, ...phi.slice(0, 4)], ...noExtras }, dayOf([game()]));
    expect(rows.map((r) => r.team_abbr)).toEqual(["NYK"]);
    expect(expectedRows).toBe(2);
    // PHI's score still decides NYK's result, from the schedule.
    expect(rows[0]).toMatchObject({ win_flag: true, margin_of_victory: 6 });
  });

  test("games that are not final produce nothing", () => {
    const { rows, expectedRows } = transformTeamOffense({ teamBoxscores: [], playerBoxscores: [], ...noExtras }, dayOf([game({ game_status: 1, home_team_score: null, away_team_score: null })]));
    expect(rows).toEqual([]);
    expect(expectedRows).toBe(0);
  });
});

/** Rows as stored: the base adds data_hash before writing. */
const withHash = <T extends object>(rows: readonly T[]) => rows.map((r) => ({ ...r, data_hash: "0123456789abcdef" }));

describe("team defense and player summary", () => {
  const offense = transformTeamOffense({ teamBoxscores: [], playerBoxscores: [...nyk, ...phi], ...noExtras }, dayOf([game()])).rows;

  test("each defending team's row carries the opponent's offense", () => {
    const { rows } = transformTeamDefense({ offense: withHash(offense), playByPlay: [] }, dayOf([game()]));
    const phiDefense = rows.find((r) => r.defending_team_abbr === "PHI");
    const nykOffense = offense.find((r) => r.team_abbr === "NYK");
    expect(phiDefense).toMatchObject({
      opponent_team_abbr: "NYK",
      points_allowed: 125,
      opp_fg_attempts: nykOffense?.fg_attempts,
      turnovers_forced: nykOffense?.turnovers,
      // NYK made 3 + 2 + 2 + 1 + 1 = 9 threes
      three_pt_points_allowed: 27,
      opp_possessions: 108.1,
      defensive_rating: 115.63,
      opponent_pace: 97.9,
      win_flag: false,
      margin_of_victory: -6,
      overtime_periods: 1,
    });
    expect(invalidOutputRows(teamDefenseGameSummary, stamped(rows))).toEqual([]);
  });

  test("players get usage against their team's totals and win from the scores", () => {
    const { rows } = transformPlayerGames({ players: [...nyk, ...phi], bdlPlayers: [], teamOffense: withHash(offense), playByPlay: [], oddsProps: [], bettingProsProps: [] }, dayOf([game()]));
    const first = rows.find((r) => r.player_lookup === "playernyk1");
    // NYK team: FGA 98, FTA 23, TOV 5, 265 min. Player: FGA 26, FTA 7, TOV 1, 53 min.
    // 100 * (26 + 3.08 + 1) * 53 / (53 * (98 + 10.12 + 5)) = 3008 / 113.12 = 26.59 -> 26.6
    expect(first).toMatchObject({ points: 35, usage_rate: 26.6, win_flag: true, is_dnp: false, starter_flag: true, data_quality_tier: "gold" });
    expect(rows.filter((r) => r.team_abbr === "PHI").every((r) => r.win_flag === false)).toBe(true);
    expect(invalidOutputRows(playerGameSummary, stamped(rows))).toEqual([]);
  });
});
