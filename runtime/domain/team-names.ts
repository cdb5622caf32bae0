import { TEAMS } from "./teams";

/**
 * Full team names as betting sources publish them ("Golden State Warriors"), mapped to tricodes
 * (DOMAIN §2). NBA.com calls the Clippers "LA"; The Odds API spells the city out.
 */
const BY_FULL_NAME = new Map<string, string>([
  ...TEAMS.map((t) => [`${t.city} ${t.name}`.toLowerCase(), t.tricode] as const),
  ["los angeles clippers", "LAC"],
]);

/** The tricode of a full team name, or null when it names none of the 30 teams. */
export function tricodeFromTeamName(fullName: string): string | null {
  return BY_FULL_NAME.get(fullName.trim().replace(/\s+/g, " ").toLowerCase()) ?? null;
}

/** The name The Odds API uses for a tricode (the sim writes it). */
export function oddsApiTeamName(tricode: string): string {
  if (tricode === "LAC") return "Los Angeles Clippers";
  const team = TEAMS.find((t) => t.tricode === tricode);
  if (!team) throw new Error(`unknown team ${tricode}`);
  return `${team.city} ${team.name}`;
}
