/**
 * Game identity (DOMAIN §2): canonical YYYYMMDD_AWAY_HOME beside the NBA id 00TYYNNNNN.
 * The sim numbers its games 99TYYNNNNN: the NBA's ids always start with 00, so an invented game
 * can never take a real game's id, and a person sees at a glance that an id is synthetic.
 */

export type NbaGameType = "preseason" | "regular_season" | "all_star" | "playoffs" | "play_in" | "cup_final";

const TYPE_DIGITS: Readonly<Record<string, NbaGameType>> = {
  "1": "preseason",
  "2": "regular_season",
  "3": "all_star",
  "4": "playoffs",
  "5": "play_in",
  "6": "cup_final",
};

const NBA_ID_RE = /^(00|99)([1-6])(\d{2})(\d{5})$/;
const SIM_PREFIX = "99";

export interface ParsedNbaGameId {
  readonly gameType: NbaGameType;
  readonly seasonYear: number;
  /** A sim id (99TYYNNNNN), never a real game. */
  readonly synthetic: boolean;
}

export function parseNbaGameId(id: string): ParsedNbaGameId {
  const m = NBA_ID_RE.exec(id);
  if (!m || m[2] === undefined || m[3] === undefined) throw new Error(`not an NBA game id (00TYYNNNNN, or 99TYYNNNNN from the sim): "${id}"`);
  const gameType = TYPE_DIGITS[m[2]];
  if (!gameType) throw new Error(`unknown game type digit in "${id}"`);
  return { gameType, seasonYear: 2000 + Number(m[3]), synthetic: m[1] === SIM_PREFIX };
}

/** The id the sim gives its `index`-th game (1-based) of a season: 99 + type + YY + NNNNN. */
export function simGameId(typeDigit: number, seasonYear: number, index: number): string {
  return `${SIM_PREFIX}${typeDigit}${String(seasonYear % 100).padStart(2, "0")}${String(index).padStart(5, "0")}`;
}

export function canonicalGameId(gameDate: string, awayTricode: string, homeTricode: string): string {
  return `${gameDate.replace(/-/g, "")}_${awayTricode}_${homeTricode}`;
}
