import type { ProducedRow } from "../../runtime/catalog/derive/row-type";
import type { nbacSchedule } from "../../runtime/catalog";

/** A valid final nba_raw.nbac_schedule row (NYK at GSW on 2025-03-15) for lifecycle tests. */
export function scheduleRow(id: string, overrides: Partial<ProducedRow<typeof nbacSchedule>> = {}): ProducedRow<typeof nbacSchedule> {
  return {
    game_id: id, canonical_game_id: `20250315_NYK_GSW_${id}`, game_code: null, season_nba_format: "2024-25", season_year: 2024, game_date: "2025-03-15",
    game_date_est: null, game_start_utc: null, game_status: 3, game_status_text: "Final", game_type: "regular_season", game_label: null,
    home_team_id: 1610612744, home_team_tricode: "GSW", away_team_id: 1610612752, away_team_tricode: "NYK", home_team_score: 97, away_team_score: 94,
    winning_team_tricode: "GSW", is_regular_season: true, is_playoffs: false, is_play_in: false, is_emirates_cup: false, postponed_status: "N", data_source: "test",
    source_file_path: "file:///x", data_hash: "h", processed_at: "2025-03-16T10:00:00.000Z", created_at: "2025-03-16T10:00:00.000Z",
    ...overrides,
  };
}
