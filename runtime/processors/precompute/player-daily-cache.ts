import type { ProducedRow, RowOf } from "../../catalog/derive/row-type";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { playerDailyCache } from "../../catalog/tables/player-daily-cache";
import { playerGameSummary } from "../../catalog/tables/player-game-summary";
import { playerShotZoneAnalysis } from "../../catalog/tables/player-shot-zone-analysis";
import { teamOffenseGameSummary } from "../../catalog/tables/team-offense-game-summary";
import { upcomingPlayerGameContext } from "../../catalog/tables/upcoming-player-game-context";
import { dataHash } from "../../domain/data-hash";
import { round } from "../analytics/formulas";
import { contentFields } from "../base/hash-fields";
import { trackSource, trackingColumns } from "../base/source-tracking";
import { PlayerHistory, type PlayerGame } from "./player-history";
import { playerContext } from "./player-context";
import { historyBounds, type PrecomputeContext, type PrecomputeProcessorDefinition } from "./precompute-processor";
import { readDateRange, readDates } from "./read-date-range";
import { SeasonCalendar } from "./season-calendar";
import { mean, ratio, sampleStd, sumOrNull } from "./stats";
import { TeamHistory } from "./team-history";

type PdcRow = ProducedRow<typeof playerDailyCache>;
type ShotRow = RowOf<typeof playerShotZoneAnalysis>;

export interface DailyCacheInputs {
  readonly schedule: readonly RowOf<typeof nbacSchedule>[];
  readonly games: readonly PlayerGame[];
  readonly teamOffense: readonly RowOf<typeof teamOffenseGameSummary>[];
  readonly shotZones: readonly ShotRow[];
  /** The dates' pre-game context (phase 3): the player's age on the date, from the roster's birth date. */
  readonly upcoming: readonly RowOf<typeof upcomingPlayerGameContext>[];
}

export const PDC_MIN_GAMES = 5;
const EARLY_SEASON_GAMES = 10;
const SEASON_CAP = 82;
export const PRODUCTION_READY_PCT = 70;

/** DOMAIN §3.4: a game counts when the player had minutes or points. */
export const appeared = (g: PlayerGame): boolean => (g.minutes_played ?? 0) > 0 || g.points > 0;

/** True shooting over a window: Σpoints / (2·Σ(FGA + 0.44·FTA)). */
export function windowTrueShooting(games: readonly PlayerGame[]): number | null {
  const fga = sumOrNull(games, (g) => g.fg_attempts);
  const fta = sumOrNull(games, (g) => g.ft_attempts);
  if (fga === null || fta === null) return null;
  return ratio(
    games.reduce((s, g) => s + g.points, 0),
    2 * (fga + 0.44 * fta),
    3,
  );
}

/** Per expected player and date: season and recent scoring, usage, team context, fatigue and zones, from games before the date. */
export function transformDailyCache(inputs: DailyCacheInputs, context: PrecomputeContext): PdcRow[] {
  const calendar = new SeasonCalendar(inputs.schedule);
  const history = new PlayerHistory(inputs.games);
  const teams = new TeamHistory(inputs.teamOffense);
  const shots = new Map(inputs.shotZones.map((s) => [`${s.analysis_date}|${s.player_lookup}`, s]));
  const upcoming = new Map(inputs.upcoming.map((u) => [`${u.game_date}|${u.player_lookup}`, u]));
  const rows: PdcRow[] = [];
  for (const date of context.dates) {
    for (const player of history.slate(date, calendar)) {
      const season = history.seasonGamesBefore(player.player_lookup, date, SEASON_CAP, appeared);
      if (season.length < PDC_MIN_GAMES) continue;
      const last10 = season.slice(0, 10);
      const last5 = season.slice(0, 5);
      const points = (list: readonly PlayerGame[]) => list.map((g) => g.points);
      const teamGames = teams.seasonGamesBefore(player.team_abbr, date, 10);
      const fatigue = playerContext(history.seasonGamesBefore(player.player_lookup, date), date);
      const shot = shots.get(`${date}|${player.player_lookup}`);
      const upgc = upcoming.get(`${date}|${player.player_lookup}`);
      const expected = calendar.scheduledBefore(player.team_abbr, date);
      const completeness = expected > 0 ? round(Math.min(100, (season.length / expected) * 100), 2) : null;
      const row: Omit<PdcRow, "data_hash"> = {
        cache_date: date,
        player_lookup: player.player_lookup,
        universal_player_id: player.universal_player_id,
        team_abbr: player.team_abbr,
        season_year: player.season_year,
        points_avg_last_5: mean(points(last5), 2),
        points_avg_last_10: mean(points(last10), 2),
        points_avg_season: mean(points(season), 2),
        points_std_last_10: sampleStd(points(last10), 2),
        minutes_avg_last_10: mean(
          last10.map((g) => g.minutes_played),
          2,
        ),
        usage_rate_last_10: mean(
          last10.map((g) => g.usage_rate),
          2,
        ),
        ts_pct_last_10: windowTrueShooting(last10),
        games_played_season: season.length,
        player_usage_rate_season: mean(
          season.map((g) => g.usage_rate),
          2,
        ),
        team_pace_last_10: mean(
          teamGames.map((g) => g.pace),
          2,
        ),
        team_off_rating_last_10: mean(
          teamGames.map((g) => g.offensive_rating),
          2,
        ),
        days_rest: fatigue.days_rest,
        games_in_last_7_days: fatigue.games_in_last_7_days,
        games_in_last_14_days: fatigue.games_in_last_14_days,
        minutes_in_last_7_days: fatigue.minutes_in_last_7_days,
        minutes_in_last_14_days: fatigue.minutes_in_last_14_days,
        avg_minutes_per_game_last_7: fatigue.avg_minutes_per_game_last_7,
        back_to_backs_last_14_days: fatigue.back_to_backs_last_14_days,
        player_age: upgc?.player_age ?? fatigue.player_age,
        primary_scoring_zone: shot?.primary_scoring_zone ?? null,
        paint_rate_last_10: shot?.paint_rate_last_10 ?? null,
        mid_range_rate_last_10: shot?.mid_range_rate_last_10 ?? null,
        three_pt_rate_last_10: shot?.three_pt_rate_last_10 ?? null,
        // Percent, like PSZA (the original stored a 0-1 fraction here).
        assisted_rate_last_10: shot?.assisted_rate_last_10 ?? null,
        early_season_flag: season.length < EARLY_SEASON_GAMES,
        expected_games_count: expected,
        actual_games_count: season.length,
        completeness_percentage: completeness,
        is_production_ready: completeness !== null && completeness >= PRODUCTION_READY_PCT,
        ...trackingColumns("source_player_game_summary", trackSource(season, expected)),
        ...trackingColumns("source_team_offense", trackSource(teamGames, 10)),
        // Fatigue inputs are derived from the player's game lines (player-context.ts); only the age comes from UPGC.
        ...trackingColumns("source_upcoming_context", trackSource(upgc ? [upgc] : [], 1)),
        ...trackingColumns("source_shot_zone", trackSource(shot ? [shot] : [], 1)),
        processed_at: context.processedAt,
        created_at: context.processedAt,
      };
      rows.push({ ...row, data_hash: dataHash(row, contentFields(playerDailyCache)) });
    }
  }
  return rows;
}

export const playerDailyCacheProcessor: PrecomputeProcessorDefinition<DailyCacheInputs> = {
  name: "player_daily_cache",
  table: playerDailyCache,
  async extract(warehouse, dates) {
    const bounds = historyBounds(dates);
    return {
      schedule: await readDateRange(warehouse, nbacSchedule, bounds.seasonFrom, bounds.seasonEnd),
      games: await readDateRange(warehouse, playerGameSummary, bounds.seasonFrom, bounds.last),
      teamOffense: await readDateRange(warehouse, teamOffenseGameSummary, bounds.seasonFrom, bounds.last),
      shotZones: await readDates(warehouse, playerShotZoneAnalysis, dates),
      upcoming: await readDates(warehouse, upcomingPlayerGameContext, dates),
    };
  },
  transform: transformDailyCache,
};
