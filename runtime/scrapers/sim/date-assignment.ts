/**
 * Puts each pairing on a date. This is greedy edge colouring: a team has at most 81 other games,
 * so a pairing finds at least (dates - 162) dates free for both teams; with 167 game days there
 * is always a choice. Among the free dates it prefers those furthest below their target count and
 * avoids three games in three nights and rematches within a few days.
 */
import type { Matchup } from "./matchups";
import type { SeasonCalendar } from "./season-calendar";
import { stream } from "./prng";
import { weekday } from "./et-clock";

export interface DatedMatchup extends Matchup {
  readonly date: string;
}

// Mean games per date by weekday (Sun..Sat), close to a real season's pattern.
const WEEKDAY_MEAN = [7.5, 8.3, 6.0, 8.9, 5.9, 8.7, 7.3] as const;

function dateTargets(calendar: SeasonCalendar, totalGames: number, seed: number): number[] {
  const rng = stream(seed, "date-targets", calendar.seasonYear);
  const raw = calendar.gameDays.map((date, i) => {
    if (i === 0) return 2;
    if (i === 1) return 11;
    if (date === calendar.christmas) return 5;
    return Math.min(14, Math.max(2, (WEEKDAY_MEAN[weekday(date)] ?? 7.5) * Math.exp(rng.normal(0, 0.5))));
  });
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((t) => (t * totalGames) / sum);
}

export function assignDates(matchups: readonly Matchup[], calendar: SeasonCalendar, seed: number): DatedMatchup[] {
  const rng = stream(seed, "date-assignment", calendar.seasonYear);
  const days = calendar.gameDays;
  // Calendar index of each game day, so "consecutive nights" skips nothing but real days.
  const dayIndex = days.map((d) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000));
  const firstIndex = dayIndex[0] ?? 0;
  const span = (dayIndex[dayIndex.length - 1] ?? 0) - firstIndex + 1;
  const targets = dateTargets(calendar, matchups.length, seed);
  const counts = new Array<number>(days.length).fill(0);
  const busy = new Map<string, Uint8Array>();
  const pairLast = new Map<string, number[]>();
  const plays = (team: string): Uint8Array => {
    let row = busy.get(team);
    if (!row) busy.set(team, (row = new Uint8Array(span + 4)));
    return row;
  };
  // Padded by 2 on each side so d-2 .. d+2 never goes out of range.
  const on = (row: Uint8Array, cal: number): boolean => row[cal - firstIndex + 2] === 1;

  const order = rng.shuffle(matchups.map((_, i) => i));
  const assigned = new Array<number>(matchups.length).fill(-1);
  for (const gi of order) {
    const game = matchups[gi];
    if (!game) continue;
    const home = plays(game.home);
    const away = plays(game.away);
    const pairKey = game.home < game.away ? `${game.home}|${game.away}` : `${game.away}|${game.home}`;
    const met = pairLast.get(pairKey) ?? [];
    let best = -1;
    let bestScore = -Infinity;
    for (let di = 0; di < days.length; di++) {
      const cal = dayIndex[di] ?? 0;
      if (on(home, cal) || on(away, cal)) continue;
      const target = targets[di] ?? 1;
      let score = (3 * (target - (counts[di] ?? 0))) / target + rng.next() * 0.25;
      for (const row of [home, away]) {
        const prev = on(row, cal - 1);
        const next = on(row, cal + 1);
        if (prev || next) score -= 0.3;
        if ((prev && next) || (prev && on(row, cal - 2)) || (next && on(row, cal + 2))) score -= 2;
      }
      for (const other of met) if (Math.abs(other - cal) < 8) score -= 1;
      if (score > bestScore) {
        bestScore = score;
        best = di;
      }
    }
    if (best < 0) throw new Error(`no free date for ${game.away} @ ${game.home}`);
    const cal = dayIndex[best] ?? 0;
    home[cal - firstIndex + 2] = 1;
    away[cal - firstIndex + 2] = 1;
    counts[best] = (counts[best] ?? 0) + 1;
    met.push(cal);
    pairLast.set(pairKey, met);
    assigned[gi] = best;
  }
  fillEmptyDays(assigned, counts);
  return matchups.map((m, i) => ({ ...m, date: days[assigned[i] ?? -1] ?? "" }));
}

/** A day left without games takes one from the busiest day; an empty day has no team conflicts. */
function fillEmptyDays(assigned: number[], counts: number[]): void {
  for (let di = 0; di < counts.length; di++) {
    if (counts[di] !== 0) continue;
    let busiest = 0;
    for (let j = 1; j < counts.length; j++) if ((counts[j] ?? 0) > (counts[busiest] ?? 0)) busiest = j;
    const gi = assigned.indexOf(busiest);
    assigned[gi] = di;
    counts[busiest] = (counts[busiest] ?? 0) - 1;
    counts[di] = 1;
  }
}
