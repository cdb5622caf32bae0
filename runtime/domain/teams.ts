/** The 30 NBA teams (DOMAIN §2), with NBA.com team ids. Anything else is rejected. */
export interface Team {
  readonly tricode: string;
  readonly teamId: number;
  readonly city: string;
  readonly name: string;
}

export const TEAMS: readonly Team[] = [
  { tricode: "ATL", teamId: 1610612737, city: "Atlanta", name: "Hawks" },
  { tricode: "BOS", teamId: 1610612738, city: "Boston", name: "Celtics" },
  { tricode: "BKN", teamId: 1610612751, city: "Brooklyn", name: "Nets" },
  { tricode: "CHA", teamId: 1610612766, city: "Charlotte", name: "Hornets" },
  { tricode: "CHI", teamId: 1610612741, city: "Chicago", name: "Bulls" },
  { tricode: "CLE", teamId: 1610612739, city: "Cleveland", name: "Cavaliers" },
  { tricode: "DAL", teamId: 1610612742, city: "Dallas", name: "Mavericks" },
  { tricode: "DEN", teamId: 1610612743, city: "Denver", name: "Nuggets" },
  { tricode: "DET", teamId: 1610612765, city: "Detroit", name: "Pistons" },
  { tricode: "GSW", teamId: 1610612744, city: "Golden State", name: "Warriors" },
  { tricode: "HOU", teamId: 1610612745, city: "Houston", name: "Rockets" },
  { tricode: "IND", teamId: 1610612754, city: "Indiana", name: "Pacers" },
  { tricode: "LAC", teamId: 1610612746, city: "LA", name: "Clippers" },
  { tricode: "LAL", teamId: 1610612747, city: "Los Angeles", name: "Lakers" },
  { tricode: "MEM", teamId: 1610612763, city: "Memphis", name: "Grizzlies" },
  { tricode: "MIA", teamId: 1610612748, city: "Miami", name: "Heat" },
  { tricode: "MIL", teamId: 1610612749, city: "Milwaukee", name: "Bucks" },
  { tricode: "MIN", teamId: 1610612750, city: "Minnesota", name: "Timberwolves" },
  { tricode: "NOP", teamId: 1610612740, city: "New Orleans", name: "Pelicans" },
  { tricode: "NYK", teamId: 1610612752, city: "New York", name: "Knicks" },
  { tricode: "OKC", teamId: 1610612760, city: "Oklahoma City", name: "Thunder" },
  { tricode: "ORL", teamId: 1610612753, city: "Orlando", name: "Magic" },
  { tricode: "PHI", teamId: 1610612755, city: "Philadelphia", name: "76ers" },
  { tricode: "PHX", teamId: 1610612756, city: "Phoenix", name: "Suns" },
  { tricode: "POR", teamId: 1610612757, city: "Portland", name: "Trail Blazers" },
  { tricode: "SAC", teamId: 1610612758, city: "Sacramento", name: "Kings" },
  { tricode: "SAS", teamId: 1610612759, city: "San Antonio", name: "Spurs" },
  { tricode: "TOR", teamId: 1610612761, city: "Toronto", name: "Raptors" },
  { tricode: "UTA", teamId: 1610612762, city: "Utah", name: "Jazz" },
  { tricode: "WAS", teamId: 1610612764, city: "Washington", name: "Wizards" },
];

const ALIASES: Readonly<Record<string, string>> = {
  PHO: "PHX",
  BRK: "BKN",
  CHO: "CHA",
  GS: "GSW",
  NO: "NOP",
  NY: "NYK",
  SA: "SAS",
  UTAH: "UTA",
  WSH: "WAS",
};

const BY_TRICODE = new Map(TEAMS.map((t) => [t.tricode, t]));

/** The canonical tricode for a code or known alias, or null when it is not one of the 30 teams. */
export function normalizeTricode(code: string): string | null {
  const upper = code.trim().toUpperCase();
  if (BY_TRICODE.has(upper)) return upper;
  return ALIASES[upper] ?? null;
}

const BY_TEAM_ID = new Map(TEAMS.map((t) => [t.teamId, t.tricode]));

/** The tricode of an NBA.com team id (1610612737 → ATL), or null when it is not one of the 30. */
export function tricodeForTeamId(teamId: number): string | null {
  return BY_TEAM_ID.get(teamId) ?? null;
}
