import { nbacPlayerBoxscores } from "../../catalog/tables/nbac-player-boxscores";
import { playerLookup } from "../../domain/player-lookup";
import { param, sql, tableRef } from "../../platform/sql/fragment";
import type { Warehouse } from "../../platform/ports/warehouse";

/** A player of a game's box score: who a play-by-play action's initials or last name can be. */
export interface GamePlayer {
  readonly nbaGameId: string;
  readonly teamAbbr: string;
  readonly nbaPlayerId: number;
  readonly fullName: string;
  readonly lookup: string;
}

/** The stored box score players (nba_raw.nbac_player_boxscores) of an ET date's games. */
export async function gamePlayers(warehouse: Warehouse, gameDate: string): Promise<GamePlayer[]> {
  const rows = await warehouse.query(
    sql`SELECT nba_game_id, team_abbr, nba_player_id, player_full_name, player_lookup
        FROM ${tableRef(nbacPlayerBoxscores)} WHERE game_date = ${param("game_date", gameDate, "DATE")}`,
  );
  return rows.map((r) => ({
    nbaGameId: String(r.nba_game_id),
    teamAbbr: String(r.team_abbr),
    nbaPlayerId: Number(r.nba_player_id),
    fullName: String(r.player_full_name),
    lookup: String(r.player_lookup),
  }));
}

/** "J. Randle" → initial j, surname randle; "Jackson Jr." → surname jacksonjr; keys as playerLookup makes them. */
function nameParts(name: string): { initial: string | null; surname: string } {
  const m = /^\s*([^\s.])\.\s+(.+)$/u.exec(name);
  return m ? { initial: playerLookup(m[1]!), surname: playerLookup(m[2]!) } : { initial: null, surname: playerLookup(name) };
}

/** Whether a full name ends in the surname (whole words: "Anderson" is not the end of "Sanderson"), with that initial. */
function nameMatches(fullName: string, initial: string | null, surname: string): boolean {
  const words = fullName.trim().split(/\s+/);
  const endsWith = words.some((_, i) => i > 0 && playerLookup(words.slice(i).join(" ")) === surname);
  return endsWith && (initial === null || playerLookup(fullName).startsWith(initial));
}

/**
 * The player_lookup of a play-by-play actor (the live feed gives ids and "J. Randle"-style
 * names, never full names): among the box score players of the same game and team, the one with
 * that NBA id, else the one whose name matches. NULL when nothing or more than one matches.
 */
export function resolveActionPlayer(players: readonly GamePlayer[] | undefined, nbaGameId: string, team: string | null, personId: number | null, name: string | null): string | null {
  if (personId === null || team === null || !players) return null;
  const candidates = players.filter((p) => p.nbaGameId === nbaGameId && p.teamAbbr === team);
  const byId = candidates.filter((p) => p.nbaPlayerId === personId);
  if (byId.length === 1) return byId[0]!.lookup;
  if (!name || name.trim() === "") return null;
  const { initial, surname } = nameParts(name);
  if (surname === "") return null;
  const byName = candidates.filter((p) => nameMatches(p.fullName, initial, surname));
  return byName.length === 1 ? byName[0]!.lookup : null;
}
