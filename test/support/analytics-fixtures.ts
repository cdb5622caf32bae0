import type { ProducedRow } from "../../runtime/catalog/derive/row-type";
import type { nbacPlayByPlay, nbacPlayerBoxscores, nbacSchedule } from "../../runtime/catalog";

/** Hand-made raw rows for phase-3 tests: games on 2025-01-15, each team's five lines adding up to its score. */
export const GAME_DATE = "2025-01-15";
const meta = { source_file_path: "file:///x.json", data_hash: "abc", processed_at: "2025-01-16T09:00:00.000Z", created_at: "2025-01-16T09:00:00.000Z" };

export function game(nbaId: string, away: string, home: string, awayScore: number | null, homeScore: number | null, overrides: Partial<ProducedRow<typeof nbacSchedule>> = {}): ProducedRow<typeof nbacSchedule> {
  return {
    game_id: nbaId, canonical_game_id: `20250115_${away}_${home}`, game_code: null, season_nba_format: "2024-25", season_year: 2024, game_date: GAME_DATE,
    game_date_est: null, game_start_utc: "2025-01-16T00:30:00.000Z", game_status: 3, game_status_text: "Final", game_type: "regular_season", game_label: null,
    home_team_id: 1, home_team_tricode: home, away_team_id: 2, away_team_tricode: away, home_team_score: homeScore, away_team_score: awayScore,
    winning_team_tricode: awayScore !== null && homeScore !== null ? (awayScore > homeScore ? away : home) : null, is_regular_season: true, is_playoffs: false, is_play_in: false, is_emirates_cup: false, postponed_status: "N", data_source: "test",
    ...meta, ...overrides,
  };
}

/** A line of `2·fg2 + 3·fg3 + ft` points; FGA = 2·FGM, 3PA = 2·3PM, FTA = FTM + 1, one OREB and one TOV. */
export function line(g: ProducedRow<typeof nbacSchedule>, team: string, n: number, fg2: number, fg3: number, ft: number, minutes: number): ProducedRow<typeof nbacPlayerBoxscores> {
  const home = team === g.home_team_tricode;
  return {
    game_id: g.canonical_game_id, nba_game_id: g.game_id, game_date: GAME_DATE, season_year: 2024, team_abbr: team, opponent_team_abbr: home ? g.away_team_tricode : g.home_team_tricode, is_home: home,
    nba_player_id: n, player_full_name: `Player ${team} ${n}`, player_lookup: `player${team.toLowerCase()}${n}`, starter: n % 10 < 5 ? true : null, minutes: `${minutes}:00`, minutes_decimal: minutes, game_result: null,
    points: 2 * fg2 + 3 * fg3 + ft, field_goals_made: fg2 + fg3, field_goals_attempted: 2 * (fg2 + fg3), three_pointers_made: fg3, three_pointers_attempted: 2 * fg3,
    free_throws_made: ft, free_throws_attempted: ft + 1, offensive_rebounds: 1, defensive_rebounds: 3, total_rebounds: 4, assists: 2, steals: 1, blocks: 0, turnovers: 1, personal_fouls: 2, plus_minus: 0,
    data_source: "nbac_leaguegamelog", ...meta,
  };
}

/** Five lines of 48 minutes (240 team minutes) adding up to `points` (at least 110): 22 each, the rest in the first player's free throws. */
export function teamLines(g: ProducedRow<typeof nbacSchedule>, team: string, base: number, points: number): ProducedRow<typeof nbacPlayerBoxscores>[] {
  // Each player: 8 twos + 2 threes = 22 points; the first takes the difference in free throws.
  const rest = points - 5 * 22;
  return [0, 1, 2, 3, 4].map((i) => line(g, team, base + i, 8, 2, i === 0 ? rest : 0, 48));
}

let eventId = 0;
/** A play-by-play action; player 2 is the assister of a make or the blocker of a miss. */
export function action(g: ProducedRow<typeof nbacSchedule>, fields: Partial<ProducedRow<typeof nbacPlayByPlay>>): ProducedRow<typeof nbacPlayByPlay> {
  eventId += 1;
  return {
    game_id: g.canonical_game_id, nba_game_id: g.game_id, game_date: GAME_DATE, season_year: 2024, event_id: eventId, period: 1, game_clock: null, game_clock_seconds: null, time_elapsed_seconds: null,
    event_time_utc: null, event_type: "2pt", event_action_type: null, score_home: null, score_away: null, player_1_id: null, player_1_lookup: null, player_1_team_abbr: null,
    player_2_id: null, player_2_lookup: null, player_2_team_abbr: null, player_3_id: null, player_3_lookup: null, player_3_team_abbr: null, shot_made: null, shot_type: null,
    shot_distance: null, shot_area: null, data_source: "test", ...meta, ...fields,
  };
}

/** Rows as the lifecycle stores them: every row carries its source kind. */
export const stored = <T extends object>(rows: readonly T[]): (T & { source_kind: "sim" })[] => rows.map((r) => ({ ...r, source_kind: "sim" as const }));
