/** A seeded regular season in NBA.com's scheduleleaguev2 format. Pure: no I/O, no clock, no Math.random. */
import { addDays, isIsoDate } from "../../domain/et-date";
import { seasonLabel } from "../../domain/season";
import { simGameId } from "../../domain/game-id";
import { SIM_FIRST_SEASON, SIM_LAST_SEASON } from "./sim-seasons";
import type {
  ScheduleBroadcasters,
  ScheduleGame,
  ScheduleGameDate,
  ScheduleLeagueV2Payload,
  SchedulePointsLeader,
  ScheduleTeam,
  ScheduleWeek,
} from "./nba-com-formats";
import { stream } from "./prng";
import { simTeam, type SimTeam } from "./league";
import { buildMatchups } from "./matchups";
import { assignDates, type DatedMatchup } from "./date-assignment";
import { seasonCalendar, weekNumber, weekStart, type SeasonCalendar } from "./season-calendar";
import { dayName, easternToUtc, hhmm, nthWeekday, statusTime, weekday } from "./et-clock";
import { tipTime, type TipTime } from "./tip-times";
import { simulateFinalScore } from "./game-outcome";
import { simulateTeamPoints } from "./box-score";

export interface SimulateSeasonScheduleOptions {
  readonly seasonYear: number;
  readonly seed: number;
  /** ET date YYYY-MM-DD: games strictly before it are final, the rest scheduled. */
  readonly finalBefore: string;
}

interface PlannedGame extends DatedMatchup {
  readonly homeTeam: SimTeam;
  readonly awayTeam: SimTeam;
  readonly tip: TipTime;
}

// A fresh object per game, so a consumer editing one game cannot change another.
const noBroadcasters = (): ScheduleBroadcasters => ({
  nationalTvBroadcasters: [],
  nationalRadioBroadcasters: [],
  nationalOttBroadcasters: [],
  homeTvBroadcasters: [],
  homeRadioBroadcasters: [],
  homeOttBroadcasters: [],
  awayTvBroadcasters: [],
  awayRadioBroadcasters: [],
  awayOttBroadcasters: [],
  intlRadioBroadcasters: [],
  intlTvBroadcasters: [],
  intlOttBroadcasters: [],
});

const stamp = (date: string, minutes = 0): string => `${date}T${hhmm(minutes)}:00Z`;
const utcStamp = (date: string, minutes: number): string => {
  const utc = easternToUtc(date, minutes);
  return stamp(utc.date, utc.minutes);
};

function plan(seed: number, calendar: SeasonCalendar): PlannedGame[] {
  const rng = stream(seed, "tip-times", calendar.seasonYear);
  const dated = assignDates(buildMatchups(seed, calendar.seasonYear), calendar, seed);
  const planned = dated.map((g) => {
    const homeTeam = simTeam(g.home);
    const awayTeam = simTeam(g.away);
    return { ...g, homeTeam, awayTeam, tip: tipTime(rng, g.date, homeTeam, awayTeam) };
  });
  return planned.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.tip.et - b.tip.et || (a.home < b.home ? -1 : 1)));
}

/** Group-stage Cup nights: Tuesdays and Fridays over three weeks from the second Tuesday of November. */
function cupLabels(games: readonly PlannedGame[], seasonYear: number): Map<PlannedGame, string> {
  const start = nthWeekday(seasonYear, 11, 2, 2);
  const end = addDays(start, 21);
  const labelled = new Map<PlannedGame, string>();
  const seen = new Set<string>();
  for (const g of games) {
    const day = weekday(g.date);
    if (g.date < start || g.date > end || (day !== 2 && day !== 5)) continue;
    if (g.homeTeam.conference !== g.awayTeam.conference || g.homeTeam.division !== g.awayTeam.division) continue;
    const pair = [g.home, g.away].sort().join("|");
    if (seen.has(pair)) continue;
    seen.add(pair);
    labelled.set(g, `${g.homeTeam.conference} Group ${"ABC"[g.homeTeam.division] ?? "A"}`);
  }
  return labelled;
}

function teamEntry(team: SimTeam, record: { wins: number; losses: number }, score: number): ScheduleTeam {
  return {
    teamId: team.teamId,
    teamName: team.name,
    teamCity: team.city,
    teamTricode: team.tricode,
    teamSlug: team.slug,
    wins: record.wins,
    losses: record.losses,
    score,
    seed: 0,
  };
}

function pointsLeader(seed: number, seasonYear: number, gameId: string, g: PlannedGame, home: number, away: number, ot: number): SchedulePointsLeader[] {
  let best: SchedulePointsLeader | undefined;
  for (const [team, points, opponentPoints] of [
    [g.homeTeam, home, away],
    [g.awayTeam, away, home],
  ] as const) {
    for (const line of simulateTeamPoints({ seed, seasonYear, gameId, tricode: team.tricode, points, opponentPoints, overtimePeriods: ot })) {
      if (best && line.pts <= best.points) continue;
      best = {
        personId: line.player.personId,
        firstName: line.player.firstName,
        lastName: line.player.lastName,
        teamId: team.teamId,
        teamCity: team.city,
        teamName: team.name,
        teamTricode: team.tricode,
        points: line.pts,
      };
    }
  }
  return best ? [best] : [];
}

function weeks(calendar: SeasonCalendar): ScheduleWeek[] {
  const out: ScheduleWeek[] = [];
  for (let w = 1; w <= weekNumber(calendar, calendar.lastDay); w++) {
    const start = weekStart(calendar, w);
    out.push({
      weekNumber: w,
      weekName: `Week ${w}`,
      startDate: stamp(start < calendar.openingDay ? calendar.openingDay : start),
      endDate: stamp(addDays(start, 6)),
    });
  }
  return out;
}

export function simulateSeasonSchedule(opts: SimulateSeasonScheduleOptions): ScheduleLeagueV2Payload {
  const { seasonYear, seed, finalBefore } = opts;
  if (!Number.isInteger(seasonYear) || seasonYear < SIM_FIRST_SEASON || seasonYear > SIM_LAST_SEASON) throw new Error(`seasonYear must be an integer ${SIM_FIRST_SEASON}..${SIM_LAST_SEASON}, got ${seasonYear}`);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  if (!isIsoDate(finalBefore)) throw new Error(`finalBefore must be a date YYYY-MM-DD, got "${finalBefore}"`);

  const calendar = seasonCalendar(seasonYear);
  const planned = plan(seed, calendar);
  const cup = cupLabels(planned, seasonYear);
  const records = new Map<string, { wins: number; losses: number }>();
  const recordOf = (tricode: string): { wins: number; losses: number } => {
    let r = records.get(tricode);
    if (!r) records.set(tricode, (r = { wins: 0, losses: 0 }));
    return r;
  };
  const byDate = new Map<string, ScheduleGame[]>();

  planned.forEach((g, index) => {
    const gameId = simGameId(2, seasonYear, index + 1);
    const dateGames = byDate.get(g.date) ?? [];
    byDate.set(g.date, dateGames);
    const isFinal = g.date < finalBefore;
    let homeScore = 0;
    let awayScore = 0;
    let statusText = statusTime(g.tip.et);
    let leaders: SchedulePointsLeader[] = [];
    if (isFinal) {
      const score = simulateFinalScore(seed, seasonYear, gameId, g.home, g.away);
      homeScore = score.home;
      awayScore = score.away;
      statusText = score.overtimePeriods === 0 ? "Final" : score.overtimePeriods === 1 ? "Final/OT" : `Final/OT${score.overtimePeriods}`;
      const winner = homeScore > awayScore ? g.home : g.away;
      const loser = winner === g.home ? g.away : g.home;
      recordOf(winner).wins++;
      recordOf(loser).losses++;
      leaders = pointsLeader(seed, seasonYear, gameId, g, homeScore, awayScore, score.overtimePeriods);
    }
    const cupGroup = cup.get(g);
    const utc = easternToUtc(g.date, g.tip.et);
    dateGames.push({
      gameId,
      gameCode: `${g.date.replace(/-/g, "")}/${g.away}${g.home}`,
      gameStatus: isFinal ? 3 : 1,
      gameStatusText: statusText,
      gameSequence: dateGames.length + 1,
      gameDateEst: stamp(g.date),
      gameTimeEst: stamp("1900-01-01", g.tip.et),
      gameDateTimeEst: stamp(g.date, g.tip.et),
      gameDateUTC: utcStamp(g.date, 0),
      gameTimeUTC: stamp("1900-01-01", utc.minutes),
      gameDateTimeUTC: stamp(utc.date, utc.minutes),
      awayTeamTime: stamp(g.date, g.tip.awayLocal),
      homeTeamTime: stamp(g.date, g.tip.homeLocal),
      day: dayName(g.date),
      monthNum: Number(g.date.slice(5, 7)),
      weekNumber: weekNumber(calendar, g.date),
      weekName: `Week ${weekNumber(calendar, g.date)}`,
      ifNecessary: false,
      seriesGameNumber: "",
      gameLabel: cupGroup ? "Emirates NBA Cup" : "",
      gameSubLabel: cupGroup ?? "",
      seriesText: "",
      arenaName: g.homeTeam.arena.name,
      arenaState: g.homeTeam.arena.state,
      arenaCity: g.homeTeam.arena.city,
      postponedStatus: "N",
      branchLink: "",
      gameSubtype: cupGroup ? "in-season" : "",
      isNeutral: false,
      broadcasters: noBroadcasters(),
      homeTeam: teamEntry(g.homeTeam, { ...recordOf(g.home) }, homeScore),
      awayTeam: teamEntry(g.awayTeam, { ...recordOf(g.away) }, awayScore),
      pointsLeaders: leaders,
    });
  });

  const gameDates: ScheduleGameDate[] = [...byDate.entries()].map(([date, games]) => ({
    gameDate: `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)} 00:00:00`,
    games,
  }));
  const fetched = easternToUtc(finalBefore, 6 * 60);
  return {
    meta: {
      version: 1,
      request: `http://nba.cloud/league/00/${seasonLabel(seasonYear)}/scheduleleaguev2?Format=json`,
      time: `${fetched.date}T${hhmm(fetched.minutes)}:00.0000Z`,
    },
    leagueSchedule: { seasonYear: seasonLabel(seasonYear), leagueId: "00", gameDates, weeks: weeks(calendar), broadcasterList: [] },
  };
}
