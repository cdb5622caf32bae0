/** Game identity (DOMAIN §2): canonical YYYYMMDD_AWAY_HOME beside the NBA id 00TYYNNNNN. */

export type NbaGameType = "preseason" | "regular_season" | "all_star" | "playoffs" | "play_in" | "cup_final";

const TYPE_DIGITS: Readonly<Record<string, NbaGameType>> = {
  "1": "preseason",
  "2": "regular_season",
  "3": "all_star",
  "4": "playoffs",
  "5": "play_in",
  "6": "cup_final",
};

const NBA_ID_RE = /^00([1-6])(\d{2})(\d{5})$/;

export interface ParsedNbaGameId {
  readonly gameType: NbaGameType;
  readonly seasonYear: number;
}

export function parseNbaGameId(id: string): ParsedNbaGameId {
  const m = NBA_ID_RE.exec(id);
  if (!m || m[1] === undefined || m[2] === undefined) throw new Error(`not an NBA game id (00TYYNNNNN): "${id}"`);
  const gameType = TYPE_DIGITS[m[1]];
  if (!gameType) throw new Error(`unknown game type digit in "${id}"`);
  return { gameType, seasonYear: 2000 + Number(m[2]) };
}

export function canonicalGameId(gameDate: string, awayTricode: string, homeTricode: string): string {
  return `${gameDate.replace(/-/g, "")}_${awayTricode}_${homeTricode}`;
}
