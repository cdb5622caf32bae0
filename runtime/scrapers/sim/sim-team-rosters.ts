/**
 * NBA.com commonteamroster for all 30 sim teams on one ET date: the sim league's season rosters
 * (the same players the box scores use), with jersey numbers, birth dates and experience drawn once
 * per season so every day of a season agrees.
 */
import { stream } from "./prng";
import { SIM_TEAMS } from "./league";
import { teamRoster, type RosterPlayer } from "./rosters";
import { playerSlug } from "./sim-player-movement";

export const COMMON_TEAM_ROSTER_HEADERS = [
  "TeamID", "SEASON", "LeagueID", "PLAYER", "NICKNAME", "PLAYER_SLUG", "NUM", "POSITION", "HEIGHT", "WEIGHT", "BIRTH_DATE", "AGE", "EXP", "SCHOOL", "PLAYER_ID", "HOW_ACQUIRED",
] as const;

export interface CommonTeamRosterPayload {
  readonly resource: "commonteamroster";
  readonly parameters: { readonly TeamID: number; readonly LeagueID: string; readonly Season: string };
  readonly resultSets: readonly { readonly name: string; readonly headers: readonly string[]; readonly rowSet: readonly (readonly (string | number | null)[])[] }[];
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const POSITION_TEXT = { G: ["G", "G-F"], F: ["F", "F-G", "F-C"], C: ["C", "C-F"] } as const;

interface PlayerFacts {
  readonly jersey: string;
  readonly position: string;
  readonly birth: { readonly year: number; readonly month: number; readonly day: number };
  readonly exp: number;
}

/** Per team and season: distinct jersey numbers, and each player's birth date and experience. */
export function rosterFacts(seed: number, seasonYear: number, tricode: string): ReadonlyMap<number, PlayerFacts> {
  const rng = stream(seed, "roster-facts", seasonYear, tricode);
  const numbers = rng.shuffle(Array.from({ length: 100 }, (_, i) => i));
  const out = new Map<number, PlayerFacts>();
  teamRoster(seed, seasonYear, tricode).forEach((p, i) => {
    const age = rng.int(19, 37);
    out.set(p.personId, {
      jersey: String(numbers[i] ?? i),
      position: rng.pick(POSITION_TEXT[p.position]),
      birth: { year: seasonYear - age, month: rng.int(1, 12), day: rng.int(1, 28) },
      exp: Math.max(0, age - 20 - rng.int(0, 2)),
    });
  });
  return out;
}

function ageOn(birth: PlayerFacts["birth"], date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  const before = (m ?? 1) < birth.month || ((m ?? 1) === birth.month && (d ?? 1) < birth.day);
  return (y ?? birth.year) - birth.year - (before ? 1 : 0);
}

function rosterRow(p: RosterPlayer, facts: PlayerFacts, teamId: number, seasonYear: number, date: string): (string | number | null)[] {
  const birth = `${MONTHS[facts.birth.month - 1] ?? "JAN"} ${String(facts.birth.day).padStart(2, "0")}, ${facts.birth.year}`;
  return [
    teamId, String(seasonYear), "00", p.name, p.firstName, playerSlug(p.name), facts.jersey, facts.position, "6-7", "215", birth, ageOn(facts.birth, date),
    facts.exp === 0 ? "R" : String(facts.exp), null, p.personId, facts.exp === 0 ? "Draft" : "Signed",
  ];
}

export function simulateTeamRosters(opts: { readonly rosterDate: string; readonly seasonYear: number; readonly seed: number }): CommonTeamRosterPayload[] {
  return SIM_TEAMS.map((team) => {
    const facts = rosterFacts(opts.seed, opts.seasonYear, team.tricode);
    const rows = teamRoster(opts.seed, opts.seasonYear, team.tricode).map((p) => {
      const f = facts.get(p.personId);
      if (!f) throw new Error(`no roster facts for ${p.name}`);
      return rosterRow(p, f, team.teamId, opts.seasonYear, opts.rosterDate);
    });
    return {
      resource: "commonteamroster",
      parameters: { TeamID: team.teamId, LeagueID: "00", Season: String(opts.seasonYear) },
      resultSets: [
        { name: "CommonTeamRoster", headers: [...COMMON_TEAM_ROSTER_HEADERS], rowSet: rows },
        { name: "Coaches", headers: ["TEAM_ID", "SEASON", "COACH_ID", "FIRST_NAME", "LAST_NAME", "COACH_NAME", "IS_ASSISTANT", "COACH_TYPE", "SORT_SEQUENCE"], rowSet: [] },
      ],
    };
  });
}
