import { nullable, required } from "./columns";

/** Identity columns shared by the per-game analytics tables. */
export const gameIdentityColumns = [
  required("game_id", "STRING", "Canonical game key YYYYMMDD_AWAY_HOME"),
  required("nba_game_id", "STRING", "NBA game id"),
  required("game_date", "DATE", "ET game date"),
  required("season_year", "INT64", "Season start year"),
] as const;

/** Where an analytics row came from and how much to trust it (DOMAIN §4.6). */
export const qualityColumns = [
  required("data_source", "STRING", "Primary input used: nbac_team_boxscore, or reconstructed_from_player_boxscores"),
  required("data_quality_tier", "STRING", "gold | silver | bronze | poor | unusable"),
  required("quality_score", "INT64", "0-100: 100 primary source, 85 backup or reconstructed"),
] as const;

export const gameOutcomeColumns = [
  nullable("win_flag", "BOOL", "Own points > opponent points"),
  nullable("margin_of_victory", "INT64", "Own points - opponent points"),
  nullable("overtime_periods", "INT64", "(team minutes - 240) / 25 when above 240, else 0"),
] as const;
