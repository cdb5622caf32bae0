import type { ProducedRow, RowOf } from "../../catalog/derive/row-type";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { playerCompositeFactors } from "../../catalog/tables/player-composite-factors";
import { playerGameSummary } from "../../catalog/tables/player-game-summary";
import { playerShotZoneAnalysis } from "../../catalog/tables/player-shot-zone-analysis";
import { teamDefenseZoneAnalysis } from "../../catalog/tables/team-defense-zone-analysis";
import { teamOffenseGameSummary } from "../../catalog/tables/team-offense-game-summary";
import { upcomingPlayerGameContext } from "../../catalog/tables/upcoming-player-game-context";
import { dataHash } from "../../domain/data-hash";
import { round } from "../analytics/formulas";
import { contentFields } from "../base/hash-fields";
import { trackSource, trackingColumns } from "../base/source-tracking";
import { compositeWarnings, fatigueScore, paceScore, shotZoneMismatch, totalAdjustment, usageSpikeScore } from "./composite-factors";
import { PlayerHistory, type PlayerGame } from "./player-history";
import { playerContext } from "./player-context";
import { historyBounds, type PrecomputeContext, type PrecomputeProcessorDefinition } from "./precompute-processor";
import { readDateRange, readDates } from "./read-date-range";
import { SeasonCalendar } from "./season-calendar";
import { mean } from "./stats";
import { TeamHistory } from "./team-history";

type PcfRow = ProducedRow<typeof playerCompositeFactors>;

export interface CompositeInputs {
  readonly schedule: readonly RowOf<typeof nbacSchedule>[];
  readonly games: readonly PlayerGame[];
  readonly teamOffense: readonly RowOf<typeof teamOffenseGameSummary>[];
  readonly shotZones: readonly RowOf<typeof playerShotZoneAnalysis>[];
  readonly defenseZones: readonly RowOf<typeof teamDefenseZoneAnalysis>[];
  /** The dates' pre-game context (phase 3): projected usage, star teammates out, age. */
  readonly upcoming: readonly RowOf<typeof upcomingPlayerGameContext>[];
}

export const CALCULATION_VERSION = "v1_4factors";

/** Per expected player and date: the four §4.4 factors and their total; deferred factors are 0. */
export function transformCompositeFactors(inputs: CompositeInputs, context: PrecomputeContext): PcfRow[] {
  const calendar = new SeasonCalendar(inputs.schedule);
  const history = new PlayerHistory(inputs.games);
  const teams = new TeamHistory(inputs.teamOffense);
  const shots = new Map(inputs.shotZones.filter((s) => !s.early_season_flag).map((s) => [`${s.analysis_date}|${s.player_lookup}`, s]));
  const defenses = new Map(inputs.defenseZones.filter((d) => !d.early_season_flag).map((d) => [`${d.analysis_date}|${d.team_abbr}`, d]));
  const upcoming = new Map(inputs.upcoming.map((u) => [`${u.game_date}|${u.player_lookup}`, u]));
  const rows: PcfRow[] = [];
  for (const date of context.dates) {
    for (const player of history.slate(date, calendar)) {
      const games = history.seasonGamesBefore(player.player_lookup, date);
      // UPGC is the same-day context of this game (history before the date, report and lines before tip).
      const upgc = upcoming.get(`${date}|${player.player_lookup}`);
      const ctx = { ...playerContext(games, date), player_age: upgc?.player_age ?? null };
      const fatigue = fatigueScore(ctx);
      const shot = shots.get(`${date}|${player.player_lookup}`);
      const defense = defenses.get(`${date}|${player.game.opponent}`);
      const mismatch = shotZoneMismatch(shot, defense);
      const paceDifferential = teams.paceDifferential(player.team_abbr, player.game.opponent, date);
      const pace = paceScore(paceDifferential);
      // Without a context row the spike is 0 by rule, never a guess.
      const projectedUsage = upgc?.projected_usage_rate ?? null;
      const starsOut = upgc?.star_teammates_out ?? 0;
      const avgUsageLast7 = mean(
        games.slice(0, 7).map((g) => g.usage_rate),
        2,
      );
      const usage = usageSpikeScore(projectedUsage, avgUsageLast7, starsOut);
      const total = totalAdjustment(fatigue, mismatch.score, pace, usage);
      const warnings = compositeWarnings(fatigue, mismatch.score, total);
      const present = [ctx.days_rest !== null, projectedUsage !== null, paceDifferential !== null, shot !== undefined, defense !== undefined];
      const completeness = round(present.filter(Boolean).length / present.length, 2);
      const row: Omit<PcfRow, "data_hash"> = {
        game_date: date,
        player_lookup: player.player_lookup,
        universal_player_id: player.universal_player_id,
        game_id: player.game.game_id,
        season_year: player.season_year,
        team_abbr: player.team_abbr,
        opponent_team_abbr: player.game.opponent,
        fatigue_score: fatigue,
        shot_zone_mismatch_score: mismatch.score,
        pace_score: pace,
        usage_spike_score: usage,
        referee_favorability_score: 0,
        look_ahead_pressure_score: 0,
        travel_impact_score: 0,
        opponent_strength_score: 0,
        total_composite_adjustment: total,
        fatigue_context_json: { ...ctx, back_to_back: ctx.days_rest === 1 },
        shot_zone_context_json: { zone: mismatch.zone, usage: mismatch.usage, opponent_vs_league: mismatch.base },
        pace_context_json: { pace_differential: paceDifferential },
        usage_context_json: { projected_usage_rate: projectedUsage, avg_usage_rate_last_7_games: avgUsageLast7, star_teammates_out: starsOut },
        calculation_version: CALCULATION_VERSION,
        has_warnings: warnings.length > 0,
        warnings,
        all_upstreams_ready: completeness === 1,
        data_completeness_pct: completeness,
        ...trackingColumns("source_upcoming_context", trackSource(upgc ? [upgc] : [], 1)),
        ...trackingColumns("source_team_context", trackSource([], null)),
        ...trackingColumns("source_shot_zone", trackSource(shot ? [shot] : [], 1)),
        ...trackingColumns("source_team_defense_zone", trackSource(defense ? [defense] : [], 1)),
        ...trackingColumns("source_daily_cache", trackSource([], null)),
        processed_at: context.processedAt,
        created_at: context.processedAt,
      };
      rows.push({ ...row, data_hash: dataHash(row, contentFields(playerCompositeFactors)) });
    }
  }
  return rows;
}

export const playerCompositeFactorsProcessor: PrecomputeProcessorDefinition<CompositeInputs> = {
  name: "player_composite_factors",
  table: playerCompositeFactors,
  async extract(warehouse, dates) {
    const bounds = historyBounds(dates);
    return {
      schedule: await readDateRange(warehouse, nbacSchedule, bounds.seasonFrom, bounds.seasonEnd),
      games: await readDateRange(warehouse, playerGameSummary, bounds.seasonFrom, bounds.last),
      teamOffense: await readDateRange(warehouse, teamOffenseGameSummary, bounds.seasonFrom, bounds.last),
      shotZones: await readDates(warehouse, playerShotZoneAnalysis, dates),
      defenseZones: await readDates(warehouse, teamDefenseZoneAnalysis, dates),
      upcoming: await readDates(warehouse, upcomingPlayerGameContext, dates),
    };
  },
  transform: transformCompositeFactors,
};
