/**
 * NBA.com live play-by-play (`{meta, game{gameId, actions[]}}`, one payload per final game) for an
 * ET date of a sim schedule. Every shot of the box score is one action (made and missed 2s, 3s and
 * free throws of each player), and so is every rebound, turnover and personal foul, so the actions
 * add up to the team box score (FGA, FGM, 3PA, FTA, REB, TO, PF) and the last action's
 * scoreHome/scoreAway is the final score. An overtime game is tied after regulation: the winner's
 * margin is scored in the last overtime. Pure: no I/O, no clock, no Math.random.
 */
import type { RosterPlayer } from "./rosters";
import { stream, type Rng } from "./prng";
import type { ScheduleLeagueV2Payload } from "./nba-com-formats";
import { finalGameLines, type SimGameLines, type SimTeamGame } from "./sim-game-lines";

type ShotKind = "2pt" | "3pt" | "freethrow";
type OtherKind = "rebound" | "turnover" | "foul";
const OTHER_SUBTYPES: Readonly<Record<OtherKind, readonly [string, string]>> = {
  rebound: ["offensive", "defensive"],
  turnover: ["bad pass", "lost ball"],
  foul: ["personal", "shooting"],
};

interface Shot {
  readonly side: SimTeamGame;
  readonly player: RosterPlayer;
  readonly kind: ShotKind | OtherKind;
  /** Shots: made or missed. Rebounds: offensive. Others: unused. */
  readonly made: boolean;
  /** Seconds from tip-off, on the game clock. */
  elapsed: number;
}

export interface PlayByPlayAction {
  readonly actionNumber: number;
  readonly clock: string;
  readonly timeActual: string;
  readonly period: number;
  readonly periodType: "REGULAR" | "OVERTIME";
  readonly teamId?: number;
  readonly teamTricode?: string;
  readonly actionType: string;
  readonly subType: string;
  readonly qualifiers: readonly string[];
  readonly personId: number;
  readonly x: number | null;
  readonly y: number | null;
  readonly area?: string;
  readonly shotDistance?: number;
  readonly possession: number;
  readonly scoreHome: string;
  readonly scoreAway: string;
  readonly edited: string;
  readonly orderNumber: number;
  readonly isFieldGoal: 0 | 1;
  readonly shotResult?: "Made" | "Missed";
  readonly description: string;
  readonly playerName?: string;
  readonly playerNameI?: string;
  readonly personIdsFilter: readonly number[];
}

export interface PlayByPlayPayload {
  readonly meta: { readonly version: 1; readonly code: 200; readonly request: string; readonly time: string };
  readonly game: { readonly gameId: string; readonly actions: readonly PlayByPlayAction[] };
}

export interface SimGamePlayByPlay {
  readonly payload: PlayByPlayPayload;
  /** Points per period played (Q1-Q4, then each overtime), as the actions score them. */
  readonly homePeriodPoints: readonly number[];
  readonly awayPeriodPoints: readonly number[];
}

const REGULATION_SECONDS = 4 * 720;
const periodLength = (period: number): number => (period <= 4 ? 720 : 300);
const periodStart = (period: number): number => (period <= 4 ? (period - 1) * 720 : REGULATION_SECONDS + (period - 5) * 300);
const POINTS: Readonly<Record<ShotKind, number>> = { "2pt": 2, "3pt": 3, freethrow: 1 };
const isShot = (s: Shot): s is Shot & { kind: ShotKind } => s.kind in POINTS;
const isScoring = (s: Shot): boolean => isShot(s) && s.made;

function shotsOf(side: SimTeamGame): Shot[] {
  const shots: Shot[] = [];
  const add = (player: RosterPlayer, kind: ShotKind | OtherKind, made: boolean, n: number): void => {
    for (let i = 0; i < n; i++) shots.push({ side, player, kind, made, elapsed: 0 });
  };
  for (const l of side.lines) {
    add(l.player, "2pt", true, l.fgm - l.fg3m);
    add(l.player, "2pt", false, l.fga - l.fgm - (l.fg3a - l.fg3m));
    add(l.player, "3pt", true, l.fg3m);
    add(l.player, "3pt", false, l.fg3a - l.fg3m);
    add(l.player, "freethrow", true, l.ftm);
    add(l.player, "freethrow", false, l.fta - l.ftm);
    add(l.player, "rebound", true, l.oreb);
    add(l.player, "rebound", false, l.dreb);
    add(l.player, "turnover", false, l.tov);
    add(l.player, "foul", false, l.pf);
  }
  return shots;
}

/** The winner's made shots that score exactly its margin (threes, then twos, then free throws); null if none do. */
function overtimeShots(winnerShots: readonly Shot[], margin: number): Set<Shot> | null {
  const picked = new Set<Shot>();
  let left = margin;
  for (const kind of ["3pt", "2pt", "freethrow"] as const) {
    for (const s of winnerShots) {
      if (isScoring(s) && s.kind === kind && left >= POINTS[kind]) {
        picked.add(s);
        left -= POINTS[kind];
      }
    }
  }
  return left === 0 ? picked : null;
}

function placeShots(rng: Rng, g: SimGameLines, shots: Shot[]): void {
  const ot = g.overtimePeriods;
  const gameSeconds = REGULATION_SECONDS + 300 * ot;
  const winner = g.home.team.score > g.away.team.score ? g.home : g.away;
  const inOvertime = ot > 0 ? overtimeShots(shots.filter((s) => s.side === winner), Math.abs(g.home.team.score - g.away.team.score)) : null;
  const lastOvertimeStart = REGULATION_SECONDS + 300 * (ot - 1);
  for (const s of shots) {
    if (inOvertime?.has(s)) s.elapsed = lastOvertimeStart + rng.int(1, 299);
    else if (isScoring(s) && inOvertime) s.elapsed = rng.int(1, REGULATION_SECONDS - 1);
    else s.elapsed = rng.int(1, gameSeconds - 1);
  }
  shots.sort((a, b) => a.elapsed - b.elapsed);
}

const pad2 = (n: number): string => String(n).padStart(2, "0");
const isoClock = (remaining: number): string => `PT${pad2(Math.floor(remaining / 60))}M${pad2(remaining % 60)}.00S`;
const initial = (p: RosterPlayer): string => `${p.firstName.charAt(0)}. ${p.lastName}`;

function shotGeometry(rng: Rng, kind: ShotKind): { area?: string; shotDistance?: number; x: number | null; y: number | null } {
  if (kind === "freethrow") return { x: null, y: null };
  const x = Math.round(rng.next() * 1e6) / 1e4;
  const y = Math.round(rng.next() * 1e6) / 1e4;
  if (kind === "3pt") {
    const r = rng.next();
    if (r < 0.8) return { area: "Above the Break 3", shotDistance: Math.round((23.8 + rng.next() * 5) * 100) / 100, x, y };
    return { area: r < 0.9 ? "Left Corner 3" : "Right Corner 3", shotDistance: Math.round((22 + rng.next() * 0.9) * 100) / 100, x, y };
  }
  const r = rng.next();
  if (r < 0.45) return { area: "Restricted Area", shotDistance: Math.round(rng.next() * 400) / 100, x, y };
  if (r < 0.7) return { area: "In The Paint (Non-RA)", shotDistance: Math.round((5 + rng.next() * 9) * 100) / 100, x, y };
  return { area: "Mid-Range", shotDistance: Math.round((10 + rng.next() * 12) * 100) / 100, x, y };
}

export function simulateGamePlayByPlay(seed: number, g: SimGameLines): SimGamePlayByPlay {
  const rng = stream(seed, "play-by-play", g.game.gameId);
  const shots = [...shotsOf(g.away), ...shotsOf(g.home)];
  placeShots(rng, g, shots);
  const periods = 4 + g.overtimePeriods;
  const homePeriodPoints = Array<number>(periods).fill(0);
  const awayPeriodPoints = Array<number>(periods).fill(0);
  const tip = Date.parse(g.game.gameDateTimeUTC);
  const wall = (elapsed: number, period: number): string => new Date(tip + Math.round((elapsed * 2.6 + (period - 1) * 150) * 1000)).toISOString();
  const actions: PlayByPlayAction[] = [];
  let home = 0;
  let away = 0;
  const push = (a: Omit<PlayByPlayAction, "actionNumber" | "orderNumber" | "scoreHome" | "scoreAway" | "edited" | "qualifiers">): void => {
    const n = actions.length + 1;
    actions.push({ actionNumber: n, orderNumber: n * 10000, scoreHome: String(home), scoreAway: String(away), edited: a.timeActual, qualifiers: [], ...a });
  };
  const marker = (period: number, actionType: "period" | "game", subType: "start" | "end", elapsed: number): void => {
    push({
      clock: isoClock(subType === "start" ? periodLength(period) : 0),
      timeActual: wall(elapsed, period),
      period,
      periodType: period <= 4 ? "REGULAR" : "OVERTIME",
      actionType,
      subType,
      personId: 0,
      x: null,
      y: null,
      possession: 0,
      isFieldGoal: 0,
      description: `${actionType === "game" ? "Game" : "Period"} ${subType === "start" ? "Start" : "End"}`,
      personIdsFilter: [],
    });
  };
  let next = 0;
  for (let period = 1; period <= periods; period++) {
    const start = periodStart(period);
    const end = start + periodLength(period);
    marker(period, "period", "start", start);
    for (; next < shots.length && (shots[next]?.elapsed ?? Infinity) < end; next++) {
      const s = shots[next]!;
      if (!isShot(s)) {
        const name = initial(s.player);
        const kind = s.kind as OtherKind;
        push({
          clock: isoClock(end - s.elapsed),
          timeActual: wall(s.elapsed, period),
          period,
          periodType: period <= 4 ? "REGULAR" : "OVERTIME",
          teamId: s.side.team.teamId,
          teamTricode: s.side.team.teamTricode,
          actionType: kind,
          subType: OTHER_SUBTYPES[kind][kind === "rebound" ? (s.made ? 0 : 1) : rng.int(0, 1)] ?? "",
          personId: s.player.personId,
          x: null,
          y: null,
          possession: s.side.team.teamId,
          isFieldGoal: 0,
          description: `${name} ${kind.toUpperCase()}`,
          playerName: s.player.lastName,
          playerNameI: name,
          personIdsFilter: [s.player.personId],
        });
        continue;
      }
      const points = s.made ? POINTS[s.kind] : 0;
      if (s.side.isHome) {
        home += points;
        homePeriodPoints[period - 1] = (homePeriodPoints[period - 1] ?? 0) + points;
      } else {
        away += points;
        awayPeriodPoints[period - 1] = (awayPeriodPoints[period - 1] ?? 0) + points;
      }
      const geometry = shotGeometry(rng, s.kind);
      const subType = s.kind === "freethrow" ? "1 of 1" : s.kind === "3pt" || (geometry.shotDistance ?? 0) > 10 ? "Jump Shot" : "Layup";
      const name = initial(s.player);
      push({
        clock: isoClock(end - s.elapsed),
        timeActual: wall(s.elapsed, period),
        period,
        periodType: period <= 4 ? "REGULAR" : "OVERTIME",
        teamId: s.side.team.teamId,
        teamTricode: s.side.team.teamTricode,
        actionType: s.kind,
        subType,
        personId: s.player.personId,
        ...geometry,
        possession: s.side.team.teamId,
        isFieldGoal: s.kind === "freethrow" ? 0 : 1,
        shotResult: s.made ? "Made" : "Missed",
        description: `${s.made ? "" : "MISS "}${name} ${s.kind === "freethrow" ? "Free Throw 1 of 1" : subType}${s.made ? ` (${points} PTS)` : ""}`,
        playerName: s.player.lastName,
        playerNameI: name,
        personIdsFilter: [s.player.personId],
      });
    }
    marker(period, "period", "end", end);
  }
  marker(periods, "game", "end", periodStart(periods) + periodLength(periods));
  const gameId = g.game.gameId;
  return {
    payload: {
      meta: { version: 1, code: 200, request: `http://nba.cloud/games/${gameId}/playbyplay?Format=json`, time: wall(periodStart(periods) + periodLength(periods), periods).replace("T", " ").replace("Z", "") },
      game: { gameId, actions },
    },
    homePeriodPoints,
    awayPeriodPoints,
  };
}

/** One play-by-play payload per final game of the date: the day's play-by-play capture. */
export function simulatePlayByPlays(opts: { readonly gameDate: string; readonly seed: number; readonly schedule: ScheduleLeagueV2Payload }): PlayByPlayPayload[] {
  return finalGameLines(opts.seed, opts.schedule, opts.gameDate).map((g) => simulateGamePlayByPlay(opts.seed, g).payload);
}
