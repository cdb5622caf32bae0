import type { ProducedRow, RowOf } from "../../catalog/derive/row-type";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { playerGameSummary } from "../../catalog/tables/player-game-summary";
import { playerShotZoneAnalysis } from "../../catalog/tables/player-shot-zone-analysis";
import { dataHash } from "../../domain/data-hash";
import { contentFields } from "../base/hash-fields";
import { trackSource, trackingColumns } from "../base/source-tracking";
import { PlayerHistory } from "./player-history";
import { historyBounds, type PrecomputeContext, type PrecomputeProcessorDefinition } from "./precompute-processor";
import { readDateRange } from "./read-date-range";
import { SeasonCalendar } from "./season-calendar";
import { perGame, primaryScoringZone, psaTier, sampleQuality, zoneRates } from "./shot-profile";
import { ratio, sumOrNull } from "./stats";

type PszaRow = ProducedRow<typeof playerShotZoneAnalysis>;

export interface ShotZoneInputs {
  readonly schedule: readonly RowOf<typeof nbacSchedule>[];
  readonly games: readonly RowOf<typeof playerGameSummary>[];
}

/** DOMAIN §3.4 PSZA needs 10 games. */
export const PSZA_MIN_GAMES = 10;

const NO_NUMBERS = {
  paint_rate_last_10: null,
  mid_range_rate_last_10: null,
  three_pt_rate_last_10: null,
  paint_pct_last_10: null,
  mid_range_pct_last_10: null,
  three_pt_pct_last_10: null,
  paint_attempts_per_game: null,
  mid_range_attempts_per_game: null,
  three_pt_attempts_per_game: null,
  total_shots_last_10: null,
  paint_rate_last_20: null,
  paint_pct_last_20: null,
  assisted_rate_last_10: null,
  unassisted_rate_last_10: null,
  primary_scoring_zone: null,
} as const;

/** Each expected player's shot mix over his last 10 and 20 games before each date. */
export function transformShotZones(inputs: ShotZoneInputs, context: PrecomputeContext): PszaRow[] {
  const calendar = new SeasonCalendar(inputs.schedule);
  const history = new PlayerHistory(inputs.games);
  const rows: PszaRow[] = [];
  for (const date of context.dates) {
    for (const player of history.slate(date, calendar)) {
      const last20 = history.seasonGamesBefore(player.player_lookup, date, 20);
      const last10 = last20.slice(0, 10);
      const early = last20.length < PSZA_MIN_GAMES;
      if (early && !calendar.isEarlySeason(date)) continue;
      const base = {
        analysis_date: date,
        player_lookup: player.player_lookup,
        universal_player_id: player.universal_player_id,
        team_abbr: player.team_abbr,
        season_year: player.season_year,
        games_in_sample_10: last10.length,
        games_in_sample_20: last20.length,
        sample_quality_10: sampleQuality(last10.length, 10),
        sample_quality_20: sampleQuality(last20.length, 20),
        data_quality_tier: psaTier(last10.length),
        early_season_flag: early,
        ...trackingColumns("source_player_game_summary", trackSource(last20, 20)),
        processed_at: context.processedAt,
        created_at: context.processedAt,
      };
      let row: Omit<PszaRow, "data_hash">;
      if (early) {
        row = { ...base, ...NO_NUMBERS };
      } else {
        const rates = zoneRates(last10);
        const assisted = sumOrNull(last10, (g) => g.assisted_fg_makes);
        const unassisted = sumOrNull(last10, (g) => g.unassisted_fg_makes);
        const makes = assisted === null || unassisted === null ? null : assisted + unassisted;
        const sum = (pick: (g: (typeof last10)[number]) => number | null, games = last10) => sumOrNull(games, pick);
        row = {
          ...base,
          paint_rate_last_10: rates.paint,
          mid_range_rate_last_10: rates.mid_range,
          three_pt_rate_last_10: rates.three_pt,
          paint_pct_last_10: ratio(sum((g) => g.paint_makes), sum((g) => g.paint_attempts), 3),
          mid_range_pct_last_10: ratio(sum((g) => g.mid_range_makes), sum((g) => g.mid_range_attempts), 3),
          three_pt_pct_last_10: ratio(sum((g) => g.three_makes_pbp), sum((g) => g.three_attempts_pbp), 3),
          paint_attempts_per_game: perGame(sum((g) => g.paint_attempts), last10.length),
          mid_range_attempts_per_game: perGame(sum((g) => g.mid_range_attempts), last10.length),
          three_pt_attempts_per_game: perGame(sum((g) => g.three_attempts_pbp), last10.length),
          total_shots_last_10: sum((g) => g.fg_attempts),
          paint_rate_last_20: zoneRates(last20).paint,
          paint_pct_last_20: ratio(sum((g) => g.paint_makes, last20), sum((g) => g.paint_attempts, last20), 3),
          assisted_rate_last_10: ratio(assisted, makes, 2, 100),
          unassisted_rate_last_10: ratio(unassisted, makes, 2, 100),
          primary_scoring_zone: primaryScoringZone(rates),
        };
      }
      rows.push({ ...row, data_hash: dataHash(row, contentFields(playerShotZoneAnalysis)) });
    }
  }
  return rows;
}

export const playerShotZoneProcessor: PrecomputeProcessorDefinition<ShotZoneInputs> = {
  name: "player_shot_zone_analysis",
  table: playerShotZoneAnalysis,
  async extract(warehouse, dates) {
    const bounds = historyBounds(dates);
    return {
      schedule: await readDateRange(warehouse, nbacSchedule, bounds.seasonFrom, bounds.seasonEnd),
      games: await readDateRange(warehouse, playerGameSummary, bounds.seasonFrom, bounds.last),
    };
  },
  transform: transformShotZones,
};
