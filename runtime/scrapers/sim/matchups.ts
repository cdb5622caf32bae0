/**
 * The 1,230 pairings of an NBA regular season, built the way the league builds them: 4 games
 * against each division rival, 4 against six other conference teams and 3 against the remaining
 * four, 2 against each team of the other conference. Every team gets 82 games, 41 at home.
 */
import { stream } from "./prng";
import { SIM_TEAMS, type Conference } from "./league";

export interface Matchup {
  readonly home: string;
  readonly away: string;
}

function games(out: Matchup[], home: string, away: string, count: number): void {
  for (let i = 0; i < count; i++) out.push({ home, away });
}

export function buildMatchups(seed: number, seasonYear: number): Matchup[] {
  const rng = stream(seed, "matchups", seasonYear);
  const out: Matchup[] = [];
  const conferences: Conference[] = ["East", "West"];
  // divisions[conference][division][slot], slots shuffled so the 3-game opponents vary by seed.
  const divisions = conferences.map((conf) =>
    [0, 1, 2].map((div) => rng.shuffle(SIM_TEAMS.filter((t) => t.conference === conf && t.division === div).map((t) => t.tricode))),
  );
  const at = (conf: number, div: number, slot: number): string => {
    const code = divisions[conf]?.[(div + 3) % 3]?.[(slot + 5) % 5];
    if (code === undefined) throw new Error("division layout is not 2 x 3 x 5");
    return code;
  };

  for (let c = 0; c < 2; c++) {
    for (let d = 0; d < 3; d++) {
      for (let s = 0; s < 5; s++) {
        const team = at(c, d, s);
        for (let s2 = s + 1; s2 < 5; s2++) {
          games(out, team, at(c, d, s2), 2);
          games(out, at(c, d, s2), team, 2);
        }
        // Against the next division: slots s and s+1 are 3-game opponents, with `team` hosting two
        // of the three; each team thus hosts two and visits two of its 3-game opponents.
        for (let s2 = 0; s2 < 5; s2++) {
          const other = at(c, d + 1, s2);
          if (s2 === s || s2 === (s + 1) % 5) {
            games(out, team, other, 2);
            games(out, other, team, 1);
          } else {
            games(out, team, other, 2);
            games(out, other, team, 2);
          }
        }
      }
    }
  }
  for (const east of SIM_TEAMS.filter((t) => t.conference === "East")) {
    for (const west of SIM_TEAMS.filter((t) => t.conference === "West")) {
      games(out, east.tricode, west.tricode, 1);
      games(out, west.tricode, east.tricode, 1);
    }
  }
  return out;
}
