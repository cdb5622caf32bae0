/** Longest range one invocation may cover; longer backfills are split by the operator or the backfill job. */
export const MAX_DAYS = 400;
/** A season, preseason to Finals, is about eight months: a longer range is probably a typo and needs --yes. */
export const SEASON_DAYS = 240;
export const DEFAULT_SEED = 20250315;
