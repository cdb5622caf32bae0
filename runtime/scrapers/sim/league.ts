/** League structure the sim needs beyond runtime/domain/teams.ts: divisions, slugs, time zones, arenas. */
import { TEAMS, type Team } from "../../domain/teams";

export type Conference = "East" | "West";

export interface SimTeam extends Team {
  readonly conference: Conference;
  /** 0..2 within the conference. */
  readonly division: number;
  readonly slug: string;
  /** Home wall clock minus Eastern wall clock in standard time, in hours. */
  readonly etOffsetHours: number;
  /** Arizona stays on standard time, so Phoenix drifts one more hour from Eastern under DST. */
  readonly observesDst: boolean;
  readonly arena: { readonly name: string; readonly city: string; readonly state: string };
}

type Extra = Omit<SimTeam, keyof Team>;

const EXTRA: Readonly<Record<string, Extra>> = {
  BOS: { conference: "East", division: 0, slug: "celtics", etOffsetHours: 0, observesDst: true, arena: { name: "TD Garden", city: "Boston", state: "MA" } },
  BKN: { conference: "East", division: 0, slug: "nets", etOffsetHours: 0, observesDst: true, arena: { name: "Barclays Center", city: "Brooklyn", state: "NY" } },
  NYK: { conference: "East", division: 0, slug: "knicks", etOffsetHours: 0, observesDst: true, arena: { name: "Madison Square Garden", city: "New York", state: "NY" } },
  PHI: { conference: "East", division: 0, slug: "sixers", etOffsetHours: 0, observesDst: true, arena: { name: "Wells Fargo Center", city: "Philadelphia", state: "PA" } },
  TOR: { conference: "East", division: 0, slug: "raptors", etOffsetHours: 0, observesDst: true, arena: { name: "Scotiabank Arena", city: "Toronto", state: "ON" } },
  CHI: { conference: "East", division: 1, slug: "bulls", etOffsetHours: -1, observesDst: true, arena: { name: "United Center", city: "Chicago", state: "IL" } },
  CLE: { conference: "East", division: 1, slug: "cavaliers", etOffsetHours: 0, observesDst: true, arena: { name: "Rocket Arena", city: "Cleveland", state: "OH" } },
  DET: { conference: "East", division: 1, slug: "pistons", etOffsetHours: 0, observesDst: true, arena: { name: "Little Caesars Arena", city: "Detroit", state: "MI" } },
  IND: { conference: "East", division: 1, slug: "pacers", etOffsetHours: 0, observesDst: true, arena: { name: "Gainbridge Fieldhouse", city: "Indianapolis", state: "IN" } },
  MIL: { conference: "East", division: 1, slug: "bucks", etOffsetHours: -1, observesDst: true, arena: { name: "Fiserv Forum", city: "Milwaukee", state: "WI" } },
  ATL: { conference: "East", division: 2, slug: "hawks", etOffsetHours: 0, observesDst: true, arena: { name: "State Farm Arena", city: "Atlanta", state: "GA" } },
  CHA: { conference: "East", division: 2, slug: "hornets", etOffsetHours: 0, observesDst: true, arena: { name: "Spectrum Center", city: "Charlotte", state: "NC" } },
  MIA: { conference: "East", division: 2, slug: "heat", etOffsetHours: 0, observesDst: true, arena: { name: "Kaseya Center", city: "Miami", state: "FL" } },
  ORL: { conference: "East", division: 2, slug: "magic", etOffsetHours: 0, observesDst: true, arena: { name: "Kia Center", city: "Orlando", state: "FL" } },
  WAS: { conference: "East", division: 2, slug: "wizards", etOffsetHours: 0, observesDst: true, arena: { name: "Capital One Arena", city: "Washington", state: "DC" } },
  DEN: { conference: "West", division: 0, slug: "nuggets", etOffsetHours: -2, observesDst: true, arena: { name: "Ball Arena", city: "Denver", state: "CO" } },
  MIN: { conference: "West", division: 0, slug: "timberwolves", etOffsetHours: -1, observesDst: true, arena: { name: "Target Center", city: "Minneapolis", state: "MN" } },
  OKC: { conference: "West", division: 0, slug: "thunder", etOffsetHours: -1, observesDst: true, arena: { name: "Paycom Center", city: "Oklahoma City", state: "OK" } },
  POR: { conference: "West", division: 0, slug: "blazers", etOffsetHours: -3, observesDst: true, arena: { name: "Moda Center", city: "Portland", state: "OR" } },
  UTA: { conference: "West", division: 0, slug: "jazz", etOffsetHours: -2, observesDst: true, arena: { name: "Delta Center", city: "Salt Lake City", state: "UT" } },
  GSW: { conference: "West", division: 1, slug: "warriors", etOffsetHours: -3, observesDst: true, arena: { name: "Chase Center", city: "San Francisco", state: "CA" } },
  LAC: { conference: "West", division: 1, slug: "clippers", etOffsetHours: -3, observesDst: true, arena: { name: "Intuit Dome", city: "Inglewood", state: "CA" } },
  LAL: { conference: "West", division: 1, slug: "lakers", etOffsetHours: -3, observesDst: true, arena: { name: "Crypto.com Arena", city: "Los Angeles", state: "CA" } },
  PHX: { conference: "West", division: 1, slug: "suns", etOffsetHours: -2, observesDst: false, arena: { name: "PHX Arena", city: "Phoenix", state: "AZ" } },
  SAC: { conference: "West", division: 1, slug: "kings", etOffsetHours: -3, observesDst: true, arena: { name: "Golden 1 Center", city: "Sacramento", state: "CA" } },
  DAL: { conference: "West", division: 2, slug: "mavericks", etOffsetHours: -1, observesDst: true, arena: { name: "American Airlines Center", city: "Dallas", state: "TX" } },
  HOU: { conference: "West", division: 2, slug: "rockets", etOffsetHours: -1, observesDst: true, arena: { name: "Toyota Center", city: "Houston", state: "TX" } },
  MEM: { conference: "West", division: 2, slug: "grizzlies", etOffsetHours: -1, observesDst: true, arena: { name: "FedExForum", city: "Memphis", state: "TN" } },
  NOP: { conference: "West", division: 2, slug: "pelicans", etOffsetHours: -1, observesDst: true, arena: { name: "Smoothie King Center", city: "New Orleans", state: "LA" } },
  SAS: { conference: "West", division: 2, slug: "spurs", etOffsetHours: -1, observesDst: true, arena: { name: "Frost Bank Center", city: "San Antonio", state: "TX" } },
};

export const SIM_TEAMS: readonly SimTeam[] = TEAMS.map((team) => {
  const extra = EXTRA[team.tricode];
  if (!extra) throw new Error(`sim league has no metadata for ${team.tricode}`);
  return { ...team, ...extra };
});

const BY_TRICODE = new Map(SIM_TEAMS.map((t) => [t.tricode, t]));

export function simTeam(tricode: string): SimTeam {
  const team = BY_TRICODE.get(tricode);
  if (!team) throw new Error(`unknown team ${tricode}`);
  return team;
}

/** Home wall clock minus Eastern wall clock, in hours, on a day that is (or is not) under DST. */
export function localOffsetFromEt(team: SimTeam, dst: boolean): number {
  return dst && !team.observesDst ? team.etOffsetHours - 1 : team.etOffsetHours;
}
