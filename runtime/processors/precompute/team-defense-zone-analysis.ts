import type { ProducedRow, RowOf } from "../../catalog/derive/row-type";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { teamDefenseGameSummary } from "../../catalog/tables/team-defense-game-summary";
import { teamDefenseZoneAnalysis } from "../../catalog/tables/team-defense-zone-analysis";
import { dataHash } from "../../domain/data-hash";
import { seasonYearForDate } from "../../domain/season";
import { round } from "../analytics/formulas";
import { contentFields } from "../base/hash-fields";
import { trackSource, trackingColumns } from "../base/source-tracking";
import { DatedIndex } from "./dated-index";
import { ZONES, leagueZoneAverages, zonePctAllowed, type Zone } from "./league-zone-averages";
import { historyBounds, type PrecomputeContext, type PrecomputeProcessorDefinition } from "./precompute-processor";
import { readDateRange } from "./read-date-range";
import { SeasonCalendar } from "./season-calendar";
import { mean, ratio, sumOrNull } from "./stats";

type DefenseGame = RowOf<typeof teamDefenseGameSummary>;
type TdzaRow = ProducedRow<typeof teamDefenseZoneAnalysis>;

export interface TeamDefenseZoneInputs {
  readonly schedule: readonly RowOf<typeof nbacSchedule>[];
  readonly defense: readonly DefenseGame[];
}

export const TDZA_WINDOW = 15;

export function tdzaTier(games: number): string {
  return games >= 15 ? "high" : games >= 10 ? "medium" : "low";
}

const blocksOf = (g: DefenseGame, zone: Zone): number | null => (zone === "paint" ? g.blocks_paint : zone === "mid_range" ? g.blocks_mid_range : g.blocks_three_pt);
const attemptsOf = (g: DefenseGame, zone: Zone): number | null => (zone === "paint" ? g.opp_paint_attempts : zone === "mid_range" ? g.opp_mid_range_attempts : g.opp_three_pt_attempts);

function zoneColumns(games: readonly DefenseGame[], zone: Zone, league: number) {
  const pct = zonePctAllowed(games, zone);
  const attempts = sumOrNull(games, (g) => attemptsOf(g, zone));
  const blocks = sumOrNull(games, (g) => blocksOf(g, zone));
  return {
    [`${zone}_pct_allowed_last_15`]: pct,
    [`${zone}_attempts_allowed_per_game`]: ratio(attempts, games.length, 2),
    [`${zone}_blocks_per_game`]: ratio(blocks, games.length, 2),
    // Against the unrounded team pct, so the difference is not the rounding of a rounding.
    [`${zone}_defense_vs_league_avg`]: pct === null ? null : round(((zonePctAllowed(games, zone, 9) ?? 0) - league) * 100, 2),
  };
}

function extremeZone(row: Record<string, unknown>, pick: (a: number, b: number) => boolean): string | null {
  let best: Zone | null = null;
  for (const zone of ZONES) {
    const v = row[`${zone}_defense_vs_league_avg`];
    if (typeof v !== "number") continue;
    const current = best === null ? null : (row[`${best}_defense_vs_league_avg`] as number);
    if (current === null || pick(v, current)) best = zone;
  }
  return best;
}

function finish(row: Omit<TdzaRow, "data_hash">): TdzaRow {
  return { ...row, data_hash: dataHash(row, contentFields(teamDefenseZoneAnalysis)) };
}

/** Every team's last-15 zone defense before each date; fewer games: skipped, or a placeholder in the first 14 days. */
export function transformTeamDefenseZones(inputs: TeamDefenseZoneInputs, context: PrecomputeContext): TdzaRow[] {
  const calendar = new SeasonCalendar(inputs.schedule);
  const index = new DatedIndex(inputs.defense, (g) => g.defending_team_abbr);
  const rows: TdzaRow[] = [];
  for (const date of context.dates) {
    if (calendar.gamesOn(date).size === 0) continue;
    const season = seasonYearForDate(date);
    const teams = calendar.teamsOfSeason(date);
    const seasonGames = new Map(teams.map((team) => [team, index.newestBefore(team, date, Number.POSITIVE_INFINITY, (g) => g.season_year === season)]));
    const league = leagueZoneAverages(seasonGames, date);
    for (const team of teams) {
      const games = (seasonGames.get(team) ?? []).slice(0, TDZA_WINDOW);
      const early = games.length < TDZA_WINDOW;
      if (early && !calendar.isEarlySeason(date)) continue;
      const base = {
        analysis_date: date,
        team_abbr: team,
        season_year: season,
        games_in_sample: games.length,
        data_quality_tier: tdzaTier(games.length),
        early_season_flag: early,
        ...trackingColumns("source_team_defense", trackSource(games, TDZA_WINDOW)),
        processed_at: context.processedAt,
        created_at: context.processedAt,
      };
      if (early) {
        // A placeholder says "not enough games yet"; it carries no numbers that could pass for data.
        rows.push(
          finish({
            ...base,
            paint_pct_allowed_last_15: null,
            paint_attempts_allowed_per_game: null,
            paint_blocks_per_game: null,
            paint_defense_vs_league_avg: null,
            mid_range_pct_allowed_last_15: null,
            mid_range_attempts_allowed_per_game: null,
            mid_range_blocks_per_game: null,
            mid_range_defense_vs_league_avg: null,
            three_pt_pct_allowed_last_15: null,
            three_pt_attempts_allowed_per_game: null,
            three_pt_blocks_per_game: null,
            three_pt_defense_vs_league_avg: null,
            paint_points_allowed_per_game: null,
            defensive_rating_last_15: null,
            opponent_points_per_game: null,
            opponent_pace: null,
            strongest_zone: null,
            weakest_zone: null,
          }),
        );
        continue;
      }
      const zones = { ...zoneColumns(games, "paint", league.paint), ...zoneColumns(games, "mid_range", league.mid_range), ...zoneColumns(games, "three_pt", league.three_pt) };
      const pointsAllowed = sumOrNull(games, (g) => g.points_allowed);
      const possessions = sumOrNull(games, (g) => g.opp_possessions);
      rows.push(
        finish({
          ...base,
          ...(zones as Pick<
            TdzaRow,
            `${Zone}_pct_allowed_last_15` | `${Zone}_attempts_allowed_per_game` | `${Zone}_blocks_per_game` | `${Zone}_defense_vs_league_avg`
          >),
          paint_points_allowed_per_game: ratio(sumOrNull(games, (g) => g.points_in_paint_allowed), games.length, 2),
          defensive_rating_last_15: ratio(pointsAllowed, possessions, 2, 100),
          opponent_points_per_game: ratio(pointsAllowed, games.length, 2),
          opponent_pace: mean(games.map((g) => g.opponent_pace), 2),
          strongest_zone: extremeZone(zones, (a, b) => a < b),
          weakest_zone: extremeZone(zones, (a, b) => a > b),
        }),
      );
    }
  }
  return rows;
}

export const teamDefenseZoneProcessor: PrecomputeProcessorDefinition<TeamDefenseZoneInputs> = {
  name: "team_defense_zone_analysis",
  table: teamDefenseZoneAnalysis,
  async extract(warehouse, dates) {
    const bounds = historyBounds(dates);
    return {
      schedule: await readDateRange(warehouse, nbacSchedule, bounds.seasonFrom, bounds.seasonEnd),
      defense: await readDateRange(warehouse, teamDefenseGameSummary, bounds.seasonFrom, bounds.last),
    };
  },
  transform: transformTeamDefenseZones,
};
