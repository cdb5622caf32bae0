import type { ProducedRow, RowOf } from "../../catalog/derive/row-type";
import { mlFeatureStoreV2 } from "../../catalog/tables/ml-feature-store-v2";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { playerCompositeFactors } from "../../catalog/tables/player-composite-factors";
import { playerDailyCache } from "../../catalog/tables/player-daily-cache";
import { playerGameSummary } from "../../catalog/tables/player-game-summary";
import { playerShotZoneAnalysis } from "../../catalog/tables/player-shot-zone-analysis";
import { teamDefenseZoneAnalysis } from "../../catalog/tables/team-defense-zone-analysis";
import { teamOffenseGameSummary } from "../../catalog/tables/team-offense-game-summary";
import { dataHash } from "../../domain/data-hash";
import { seasonYearForDate } from "../../domain/season";
import { contentFields } from "../base/hash-fields";
import { trackSource, trackingColumns } from "../base/source-tracking";
import { FEATURE_NAMES, FEATURE_VERSION, buildFeatures, featureQualityScore, qualityTier, type FeatureInput } from "./features";
import { InjuryReports, type InjuryReportEntry } from "./injury-risk";
import { appeared, PDC_MIN_GAMES } from "./player-daily-cache";
import { PlayerHistory, type PlayerGame } from "./player-history";
import { PSZA_MIN_GAMES } from "./player-shot-zone-analysis";
import { playerContext } from "./player-context";
import { historyBounds, type PrecomputeContext, type PrecomputeProcessorDefinition } from "./precompute-processor";
import { readDateRange, readDates } from "./read-date-range";
import { readBettingProsOverLines, readInjuryReports } from "./read-same-day";
import { SeasonCalendar } from "./season-calendar";
import { mean } from "./stats";
import { TDZA_WINDOW } from "./team-defense-zone-analysis";
import { TeamHistory } from "./team-history";
import { vegasLine, type BettingProsOverRow } from "./vegas-lines";

type MlfsRow = ProducedRow<typeof mlFeatureStoreV2>;

export interface FeatureStoreInputs {
  readonly schedule: readonly RowOf<typeof nbacSchedule>[];
  /** Three seasons of game lines (#29–30 look back that far). */
  readonly games: readonly PlayerGame[];
  readonly teamOffense: readonly RowOf<typeof teamOffenseGameSummary>[];
  readonly dailyCache: readonly RowOf<typeof playerDailyCache>[];
  readonly composite: readonly RowOf<typeof playerCompositeFactors>[];
  readonly shotZones: readonly RowOf<typeof playerShotZoneAnalysis>[];
  readonly defenseZones: readonly RowOf<typeof teamDefenseZoneAnalysis>[];
  /** Injury reports for the dates' games (same-day context: only those out before tip count). */
  readonly injuries: readonly InjuryReportEntry[];
  /** BettingPros over lines of the dates (#25–28: only lines updated before tip count). */
  readonly propLines: readonly BettingProsOverRow[];
}

/** DOMAIN §3.5: a date needs 100 players, 20 in backfill (dates before today). */
export const MIN_PLAYERS = 100;
export const MIN_PLAYERS_BACKFILL = 20;
const VS_OPPONENT_SEASONS = 3;

/** nba_game_id type digit: 4 playoffs, 5 play-in (`00` + T + YY + NNNNN). */
const isPlayoffId = (nbaGameId: string): boolean => /^00[45]/.test(nbaGameId);

function byDateAndKey<R extends Record<string, unknown>>(rows: readonly R[], dateColumn: keyof R, keyColumn: keyof R, keep: (r: R) => boolean = () => true): Map<string, R> {
  return new Map(rows.filter(keep).map((r) => [`${String(r[dateColumn])}|${String(r[keyColumn])}`, r]));
}

export function dataSourceOf(present: readonly boolean[]): string {
  if (present.every(Boolean)) return "phase4";
  return present.some(Boolean) ? "phase4_partial" : "phase3";
}

/** The 33-feature vector per expected player and date, each feature from its source or its default. */
export function transformFeatureStore(inputs: FeatureStoreInputs, context: PrecomputeContext): MlfsRow[] {
  const calendar = new SeasonCalendar(inputs.schedule);
  const history = new PlayerHistory(inputs.games);
  const teams = new TeamHistory(inputs.teamOffense);
  const pdcs = byDateAndKey(inputs.dailyCache, "cache_date", "player_lookup");
  const pcfs = byDateAndKey(inputs.composite, "game_date", "player_lookup");
  const pszas = byDateAndKey(inputs.shotZones, "analysis_date", "player_lookup", (r) => !r.early_season_flag);
  const tdzas = byDateAndKey(inputs.defenseZones, "analysis_date", "team_abbr", (r) => !r.early_season_flag);
  const tips = new Map(inputs.schedule.map((g) => [g.canonical_game_id, g.game_start_utc]));
  const injuries = new InjuryReports(inputs.injuries, (gameId) => tips.get(gameId) ?? null);
  const lines = new Map<string, BettingProsOverRow[]>();
  for (const r of inputs.propLines) {
    const key = `${r.game_date}|${r.player_lookup}`;
    lines.set(key, [...(lines.get(key) ?? []), r]);
  }
  // Same-day inputs: a date whose report / lines were read explains a player they leave out.
  const injuryDates = new Set(inputs.injuries.map((r) => r.game_date));
  const lineDates = new Set(inputs.propLines.map((r) => r.game_date));
  const rows: MlfsRow[] = [];
  for (const date of context.dates) {
    const slate = history.slate(date, calendar);
    if (slate.length < (date < context.today ? MIN_PLAYERS_BACKFILL : MIN_PLAYERS)) continue;
    const vsSince = `${seasonYearForDate(date) - (VS_OPPONENT_SEASONS - 1)}-10-01`;
    for (const player of slate) {
      const key = `${date}|${player.player_lookup}`;
      const pdc = pdcs.get(key);
      const pcf = pcfs.get(key);
      const psza = pszas.get(key);
      const tdza = tdzas.get(`${date}|${player.game.opponent}`);
      const seasonGames = history.seasonGamesBefore(player.player_lookup, date);
      const ctx = playerContext(seasonGames, date);
      const vs = history.gamesAgainst(player.player_lookup, date, player.game.opponent, vsSince);
      const line = vegasLine(lines.get(key) ?? [], tips.get(player.game.game_id) ?? null);
      const notYetAvailable = new Set<FeatureInput>(["games"]);
      if (history.seasonGamesBefore(player.player_lookup, date, PDC_MIN_GAMES, appeared).length < PDC_MIN_GAMES) notYetAvailable.add("daily_cache");
      if (seasonGames.length < PSZA_MIN_GAMES) notYetAvailable.add("shot_zone");
      if (teams.seasonGamesBefore(player.game.opponent, date, TDZA_WINDOW).length < TDZA_WINDOW) notYetAvailable.add("team_defense_zone");
      if (injuryDates.has(date)) notYetAvailable.add("injury_report");
      if (lineDates.has(date)) notYetAvailable.add("prop_lines");
      const features = buildFeatures({
        dailyCache: pdc,
        composite: pcf,
        opponentDefense: tdza,
        shotZone: psza,
        seasonGames,
        date,
        gamesInLast7Days: ctx.games_in_last_7_days,
        daysRest: ctx.days_rest,
        opponentDaysRest: calendar.teamDaysRest(player.game.opponent, date),
        isHome: player.game.is_home,
        isPlayoff: isPlayoffId(player.game.nba_game_id),
        injury: injuries.standing(date, player.game.game_id, player.player_lookup),
        teamWinPct: teams.winPct(player.team_abbr, date),
        vegas: { line: line?.line ?? null, opening: line?.opening ?? null },
        vsOpponent: { games: vs.length, avgPoints: mean(vs.map((g) => g.points), 2) },
        notYetAvailable,
      });
      const score = featureQualityScore(features);
      const row: Omit<MlfsRow, "data_hash"> = {
        game_date: date,
        player_lookup: player.player_lookup,
        universal_player_id: player.universal_player_id,
        game_id: player.game.game_id,
        season_year: player.season_year,
        features: features.map((f) => f.value),
        feature_names: [...FEATURE_NAMES],
        feature_sources: features.map((f) => f.source),
        feature_count: FEATURE_NAMES.length,
        feature_version: FEATURE_VERSION,
        feature_quality_score: score,
        quality_tier: qualityTier(score),
        data_source: dataSourceOf([pdc !== undefined, pcf !== undefined, psza !== undefined, tdza !== undefined]),
        opponent_team_abbr: player.game.opponent,
        is_home: player.game.is_home,
        days_rest: ctx.days_rest,
        is_production_ready: pdc?.is_production_ready === true && pcf !== undefined,
        ...trackingColumns("source_daily_cache", trackSource(pdc ? [pdc] : [], 1)),
        ...trackingColumns("source_composite", trackSource(pcf ? [pcf] : [], 1)),
        ...trackingColumns("source_shot_zone", trackSource(psza ? [psza] : [], 1)),
        ...trackingColumns("source_team_defense_zone", trackSource(tdza ? [tdza] : [], 1)),
        updated_at: null,
        processed_at: context.processedAt,
        created_at: context.processedAt,
      };
      rows.push({ ...row, data_hash: dataHash(row, contentFields(mlFeatureStoreV2)) });
    }
  }
  return rows;
}

export const mlFeatureStoreProcessor: PrecomputeProcessorDefinition<FeatureStoreInputs> = {
  name: "ml_feature_store_v2",
  table: mlFeatureStoreV2,
  async extract(warehouse, dates) {
    const bounds = historyBounds(dates);
    return {
      schedule: await readDateRange(warehouse, nbacSchedule, bounds.seasonFrom, bounds.seasonEnd),
      games: await readDateRange(warehouse, playerGameSummary, historyBounds(dates, VS_OPPONENT_SEASONS - 1).seasonFrom, bounds.last),
      teamOffense: await readDateRange(warehouse, teamOffenseGameSummary, bounds.seasonFrom, bounds.last),
      dailyCache: await readDates(warehouse, playerDailyCache, dates),
      composite: await readDates(warehouse, playerCompositeFactors, dates),
      shotZones: await readDates(warehouse, playerShotZoneAnalysis, dates),
      defenseZones: await readDates(warehouse, teamDefenseZoneAnalysis, dates),
      injuries: await readInjuryReports(warehouse, dates),
      propLines: await readBettingProsOverLines(warehouse, dates),
    };
  },
  transform: transformFeatureStore,
};
