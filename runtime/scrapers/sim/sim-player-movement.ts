/**
 * The NBA.com player movement feed for a sim league, as scraped on one ET date: the history of the
 * last two July-to-June windows up to that date, newest first (the real feed returns all history).
 * Consistent with the sim rosters, which are fixed for a season: roster players are signed (or have
 * two-way deals converted) by their own team, players waived are not on any sim roster, and trades
 * move only draft and cash considerations (team-only legs, PLAYER_ID 0).
 */
import { playerLookup } from "../../domain/player-lookup";
import { addDays } from "../../domain/et-date";
import { stream, type Rng } from "./prng";
import { SIM_TEAMS, type SimTeam } from "./league";
import { FIRST_NAMES, LAST_NAMES } from "./names";
import { leagueRosters, type RosterPlayer } from "./rosters";

export interface PlayerMovementRow {
  readonly Transaction_Type: "Signing" | "Waive" | "Trade" | "ContractConverted";
  readonly TRANSACTION_DATE: string;
  readonly TRANSACTION_DESCRIPTION: string;
  readonly TEAM_ID: number;
  readonly TEAM_SLUG: string;
  readonly PLAYER_ID: number;
  readonly PLAYER_SLUG: string;
  readonly Additional_Sort: number;
  readonly GroupSort: string;
}

export interface PlayerMovementPayload {
  readonly NBA_Player_Movement: { readonly columns: readonly { readonly Name: string; readonly DataType: string }[]; readonly rows: readonly PlayerMovementRow[] };
}

const COLUMNS = [
  ["Transaction_Type", "String"],
  ["TRANSACTION_DATE", "DateTime"],
  ["TRANSACTION_DESCRIPTION", "String"],
  ["TEAM_ID", "Decimal"],
  ["TEAM_SLUG", "String"],
  ["PLAYER_ID", "Decimal"],
  ["PLAYER_SLUG", "String"],
  ["Additional_Sort", "Decimal"],
  ["GroupSort", "String"],
] as const;

/** "T.J. Smith Jr." → "t-j-smith-jr", the feed's slug style. */
export function playerSlug(name: string): string {
  return name
    .replace(/ı/g, "i")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const POSITION_WORD = { G: "guard", F: "forward", C: "center" } as const;

const teamName = (t: SimTeam): string => `${t.city} ${t.name}`;

function day(rng: Rng, from: string, spanDays: number): string {
  return addDays(from, rng.int(0, spanDays - 1));
}

function row(type: PlayerMovementRow["Transaction_Type"], date: string, description: string, team: SimTeam, player: { id: number; slug: string } | null, additionalSort: number, group: string): PlayerMovementRow {
  return {
    Transaction_Type: type,
    TRANSACTION_DATE: `${date}T00:00:00`,
    TRANSACTION_DESCRIPTION: description,
    TEAM_ID: team.teamId,
    TEAM_SLUG: team.slug,
    PLAYER_ID: player?.id ?? 0,
    PLAYER_SLUG: player?.slug ?? "",
    Additional_Sort: additionalSort,
    GroupSort: group,
  };
}

/** One July-to-June window; `windowYear` is the July's year, which is also the season's start year. */
function windowRows(seed: number, windowYear: number): PlayerMovementRow[] {
  const rng = stream(seed, "player-movement", windowYear);
  const league = leagueRosters(seed, windowYear);
  const taken = new Set([...league.values()].flat().map((p) => p.personId));
  const keys = new Set([...league.values()].flat().map((p) => playerLookup(p.name)));
  const july = `${windowYear}-07-06`;
  const season = `${windowYear}-10-20`;
  let sequence = windowYear * 10_000;
  const rows: PlayerMovementRow[] = [];
  for (const team of SIM_TEAMS) {
    const roster: readonly RosterPlayer[] = league.get(team.tricode) ?? [];
    for (const p of roster) {
      const who = { id: p.personId, slug: playerSlug(p.name) };
      if (rng.chance(0.35)) {
        rows.push(row("Signing", day(rng, july, 80), `${teamName(team)} signed ${POSITION_WORD[p.position]} ${p.name} to a Contract.`, team, who, 0, `Signing ${++sequence}`));
      }
      if (p.depth >= 12 && rng.chance(0.4)) {
        rows.push(row("ContractConverted", day(rng, `${windowYear + 1}-01-05`, 60), `${teamName(team)} converted ${POSITION_WORD[p.position]} ${p.name} from a Two-Way Contract to a Standard NBA Contract.`, team, who, 0, `ContractConverted ${++sequence}`));
      }
    }
    for (let n = rng.int(1, 3); n > 0; n--) {
      const first = rng.pick(FIRST_NAMES);
      const name = `${first} ${rng.pick(LAST_NAMES)}`;
      let id = rng.int(1_643_000, 1_649_999);
      while (taken.has(id)) id += 1;
      if (keys.has(playerLookup(name))) continue;
      taken.add(id);
      keys.add(playerLookup(name));
      rows.push(row("Waive", day(rng, season, 150), `${teamName(team)} waived ${rng.pick(["guard", "forward", "center"])} ${name}.`, team, { id, slug: playerSlug(name) }, 0, `Waive ${++sequence}`));
    }
  }
  for (let n = rng.int(6, 12); n > 0; n--) {
    const [a, b] = rng.shuffle(SIM_TEAMS);
    if (!a || !b) continue;
    const date = day(rng, `${windowYear + 1}-01-10`, 30);
    const group = `Trade ${windowYear}${String(++sequence % 1000).padStart(3, "0")}`;
    rows.push(row("Trade", date, `${teamName(a)} received draft consideration from ${teamName(b)}.`, a, null, b.teamId, group));
    rows.push(row("Trade", date, `${teamName(b)} received cash considerations from ${teamName(a)}.`, b, null, a.teamId, group));
  }
  return rows;
}

export function simulatePlayerMovement(opts: { readonly scrapeDate: string; readonly seed: number }): PlayerMovementPayload {
  const year = Number(opts.scrapeDate.slice(0, 4));
  const windowYear = Number(opts.scrapeDate.slice(5, 7)) >= 7 ? year : year - 1;
  const cutoff = `${opts.scrapeDate}T00:00:00`;
  const rows = [...windowRows(opts.seed, windowYear - 1), ...windowRows(opts.seed, windowYear)]
    .filter((r) => r.TRANSACTION_DATE <= cutoff)
    .sort((x, y) => (x.TRANSACTION_DATE < y.TRANSACTION_DATE ? 1 : x.TRANSACTION_DATE > y.TRANSACTION_DATE ? -1 : 0));
  return { NBA_Player_Movement: { columns: COLUMNS.map(([Name, DataType]) => ({ Name, DataType })), rows } };
}
