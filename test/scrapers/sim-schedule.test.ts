import { simulateSeasonSchedule } from "../../runtime/scrapers/sim/sim-schedule";
import { overtimePeriods } from "../../runtime/scrapers/sim/game-outcome";
import type { ScheduleGame, ScheduleLeagueV2Payload } from "../../runtime/scrapers/sim/nba-com-formats";
import { TEAMS } from "../../runtime/domain/teams";
import { allGames, etDateOf, overtimeFromStatus, plusDays, wallClock } from "./sim-helpers";

const ZONES: Record<string, string> = {
  ATL: "America/New_York", BOS: "America/New_York", BKN: "America/New_York", CHA: "America/New_York",
  CLE: "America/New_York", DET: "America/Detroit", IND: "America/Indiana/Indianapolis", MIA: "America/New_York",
  NYK: "America/New_York", ORL: "America/New_York", PHI: "America/New_York", TOR: "America/Toronto", WAS: "America/New_York",
  CHI: "America/Chicago", DAL: "America/Chicago", HOU: "America/Chicago", MEM: "America/Chicago", MIL: "America/Chicago",
  MIN: "America/Chicago", NOP: "America/Chicago", OKC: "America/Chicago", SAS: "America/Chicago",
  DEN: "America/Denver", UTA: "America/Denver", PHX: "America/Phoenix",
  GSW: "America/Los_Angeles", LAC: "America/Los_Angeles", LAL: "America/Los_Angeles", POR: "America/Los_Angeles", SAC: "America/Los_Angeles",
};

// Seasons that are entirely final, over several seeds and years.
const SEASONS: { seasonYear: number; seed: number }[] = [
  { seasonYear: 2024, seed: 1 },
  { seasonYear: 2024, seed: 2 },
  { seasonYear: 2023, seed: 3 },
  { seasonYear: 2025, seed: 4 },
];
const cache = new Map<string, ScheduleLeagueV2Payload>();
function finalSeason(seasonYear: number, seed: number): ScheduleLeagueV2Payload {
  const key = `${seasonYear}/${seed}`;
  let s = cache.get(key);
  if (!s) cache.set(key, (s = simulateSeasonSchedule({ seasonYear, seed, finalBefore: `${seasonYear + 1}-07-01` })));
  return s;
}

function gamesByDate(games: readonly ScheduleGame[]): Map<string, ScheduleGame[]> {
  const out = new Map<string, ScheduleGame[]>();
  for (const g of games) out.set(etDateOf(g), [...(out.get(etDateOf(g)) ?? []), g]);
  return out;
}

function thanksgiving(year: number): string {
  const nov1 = new Date(Date.UTC(year, 10, 1));
  return new Date(Date.UTC(year, 10, 1 + ((4 - nov1.getUTCDay() + 7) % 7) + 21)).toISOString().slice(0, 10);
}

describe.each(SEASONS)("simulated season $seasonYear (seed $seed)", ({ seasonYear, seed }) => {
  const yy = String(seasonYear % 100).padStart(2, "0");

  it("has 1,230 games with unique NBA.com ids and codes", () => {
    const games = allGames(finalSeason(seasonYear, seed));
    expect(games).toHaveLength(1230);
    expect(new Set(games.map((g) => g.gameId)).size).toBe(1230);
    const idPattern = new RegExp(`^992${yy}\\d{5}$`);
    const bad = games.filter(
      (g) =>
        !idPattern.test(g.gameId) ||
        g.gameCode !== `${etDateOf(g).replace(/-/g, "")}/${g.awayTeam.teamTricode}${g.homeTeam.teamTricode}` ||
        g.homeTeam.teamTricode === g.awayTeam.teamTricode ||
        g.postponedStatus !== "N",
    );
    expect(bad).toEqual([]);
  });

  it("gives every team 82 games, 41 at home and 41 away, and at most one game a date", () => {
    const games = allGames(finalSeason(seasonYear, seed));
    const home = new Map<string, number>();
    const away = new Map<string, number>();
    const perDate = new Set<string>();
    for (const g of games) {
      home.set(g.homeTeam.teamTricode, (home.get(g.homeTeam.teamTricode) ?? 0) + 1);
      away.set(g.awayTeam.teamTricode, (away.get(g.awayTeam.teamTricode) ?? 0) + 1);
      for (const t of [g.homeTeam.teamTricode, g.awayTeam.teamTricode]) perDate.add(`${t}/${etDateOf(g)}`);
    }
    // 2 x 1,230 distinct (team, date) pairs: no team plays twice on a date.
    expect(perDate.size).toBe(2 * 1230);
    expect(home.size).toBe(30);
    for (const team of TEAMS) {
      expect(home.get(team.tricode)).toBe(41);
      expect(away.get(team.tricode)).toBe(41);
    }
  });

  it("uses the 30 teams of runtime/domain/teams.ts with their ids, names and cities", () => {
    const seen = new Map<string, string>();
    for (const g of allGames(finalSeason(seasonYear, seed))) {
      for (const side of [g.homeTeam, g.awayTeam]) {
        seen.set(side.teamTricode, JSON.stringify([side.teamId, side.teamName, side.teamCity, side.seed, /^[a-z0-9]+$/.test(side.teamSlug)]));
      }
    }
    expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(TEAMS.map((t) => [t.tricode, JSON.stringify([t.teamId, t.name, t.city, 0, true])])));
  });

  it("plays every date from late October to mid-April except Thanksgiving, Dec 24 and an All-Star break", () => {
    const byDate = gamesByDate(allGames(finalSeason(seasonYear, seed)));
    const dates = [...byDate.keys()].sort();
    const first = dates[0]!;
    const last = dates[dates.length - 1]!;
    expect(first >= `${seasonYear}-10-19` && first <= `${seasonYear}-10-26`).toBe(true);
    expect(last >= `${seasonYear + 1}-04-08` && last <= `${seasonYear + 1}-04-18`).toBe(true);
    const missing: string[] = [];
    for (let d = first; d <= last; d = plusDays(d, 1)) if (!byDate.has(d)) missing.push(d);
    expect(missing).toContain(thanksgiving(seasonYear));
    expect(missing).toContain(`${seasonYear}-12-24`);
    const february = missing.filter((d) => d.startsWith(`${seasonYear + 1}-02-`));
    expect(february.length).toBeGreaterThanOrEqual(3);
    expect(february.length).toBeLessThanOrEqual(7);
    // The break is one run of consecutive days in mid-February.
    february.forEach((d, i) => i > 0 && expect(d).toBe(plusDays(february[i - 1]!, 1)));
    expect(february[0]! >= `${seasonYear + 1}-02-10` && february[february.length - 1]! <= `${seasonYear + 1}-02-25`).toBe(true);
    expect(missing).toHaveLength(2 + february.length);
    if (seasonYear === 2024) expect(byDate.get("2025-03-15")?.length).toBeGreaterThan(0);
  });

  it("spreads the games over dates like the league does", () => {
    const counts = [...gamesByDate(allGames(finalSeason(seasonYear, seed))).values()].map((gs) => gs.length);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const sd = Math.sqrt(counts.reduce((a, c) => a + (c - mean) ** 2, 0) / counts.length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(15);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(mean).toBeGreaterThan(6.5);
    expect(mean).toBeLessThan(8.5);
    expect(sd).toBeGreaterThan(1.5);
    expect(counts.filter((c) => c >= 10).length).toBeGreaterThan(counts.length * 0.08);
    expect(counts.filter((c) => c <= 5).length).toBeGreaterThan(counts.length * 0.08);
  });

  it("has realistic final scores, no ties and an occasional overtime game", () => {
    const games = allGames(finalSeason(seasonYear, seed));
    const scores = games.flatMap((g) => [g.homeTeam.score, g.awayTeam.score]);
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(mean).toBeGreaterThan(105);
    expect(mean).toBeLessThan(122);
    expect(scores.filter((s) => s >= 90 && s <= 140).length / scores.length).toBeGreaterThan(0.9);
    expect(scores.filter((s) => !Number.isInteger(s) || s < 70 || s > 175)).toEqual([]);
    let overtime = 0;
    const problems: string[] = [];
    for (const g of games) {
      const ot = overtimeFromStatus(g.gameStatusText);
      if (g.gameStatus !== 3 || g.homeTeam.score === g.awayTeam.score) problems.push(`${g.gameId} not a decided final`);
      if (ot === null || ot !== overtimePeriods(seed, g.gameId)) problems.push(`${g.gameId} "${g.gameStatusText}" vs overtimePeriods()`);
      if (ot !== null && ot > 0) {
        overtime++;
        // Tied after regulation, so an overtime game is decided by a few points only.
        if (Math.abs(g.homeTeam.score - g.awayTeam.score) > 15) problems.push(`${g.gameId} OT margin`);
      }
      const leaderTeam = g.pointsLeaders.length === 1 ? g.pointsLeaders[0]!.teamId : -1;
      if (leaderTeam !== g.homeTeam.teamId && leaderTeam !== g.awayTeam.teamId) problems.push(`${g.gameId} points leader`);
    }
    expect(problems).toEqual([]);
    expect(overtime / games.length).toBeGreaterThan(0.025);
    expect(overtime / games.length).toBeLessThan(0.11);
  });

  it("reports each team's record after the game, recomputed from the results", () => {
    const games = allGames(finalSeason(seasonYear, seed));
    const record = new Map<string, { wins: number; losses: number }>();
    const problems: string[] = [];
    const ordered = [...games].sort((a, b) => a.gameDateTimeUTC.localeCompare(b.gameDateTimeUTC) || a.gameId.localeCompare(b.gameId));
    // Games of one team never share a date, so the order among simultaneous games does not matter.
    for (const g of ordered) {
      const homeWon = g.homeTeam.score > g.awayTeam.score;
      for (const [side, won] of [
        [g.homeTeam, homeWon],
        [g.awayTeam, !homeWon],
      ] as const) {
        const r = record.get(side.teamTricode) ?? { wins: 0, losses: 0 };
        if (won) r.wins++;
        else r.losses++;
        record.set(side.teamTricode, r);
        if (side.wins !== r.wins || side.losses !== r.losses) problems.push(`${g.gameId} ${side.teamTricode} ${side.wins}-${side.losses}, expected ${r.wins}-${r.losses}`);
      }
    }
    expect(problems).toEqual([]);
    for (const r of record.values()) expect(r.wins + r.losses).toBe(82);
  });

  it("writes ET and UTC times that agree with the America/New_York time zone", () => {
    const problems: string[] = [];
    for (const g of allGames(finalSeason(seasonYear, seed))) {
      const date = etDateOf(g);
      const hour = Number(g.gameDateTimeEst.slice(11, 13));
      const checks: [string, boolean][] = [
        ["gameDateEst", g.gameDateEst === `${date}T00:00:00Z`],
        ["gameDateTimeEst", new RegExp(`^${date}T\\d{2}:\\d{2}:00Z$`).test(g.gameDateTimeEst) && hour >= 12 && hour <= 23],
        ["gameTimeEst", g.gameTimeEst === `1900-01-01T${g.gameDateTimeEst.slice(11)}`],
        ["gameTimeUTC", g.gameTimeUTC === `1900-01-01T${g.gameDateTimeUTC.slice(11)}`],
        ["gameDateTimeUTC", wallClock(g.gameDateTimeUTC, "America/New_York") === g.gameDateTimeEst.slice(0, 16)],
        ["gameDateUTC", wallClock(g.gameDateUTC, "America/New_York") === `${date}T00:00`],
        ["homeTeamTime", wallClock(g.gameDateTimeUTC, ZONES[g.homeTeam.teamTricode]!) === g.homeTeamTime.slice(0, 16)],
        ["awayTeamTime", wallClock(g.gameDateTimeUTC, ZONES[g.awayTeam.teamTricode]!) === g.awayTeamTime.slice(0, 16)],
        ["day", g.day === ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(`${date}T12:00:00Z`).getUTCDay()]],
        ["monthNum", g.monthNum === Number(date.slice(5, 7))],
      ];
      for (const [field, ok] of checks) if (!ok) problems.push(`${g.gameId} ${field}`);
    }
    expect(problems).toEqual([]);
  });

  it("numbers games within a date by tip time and weeks from Monday", () => {
    const schedule = finalSeason(seasonYear, seed);
    const first = etDateOf(allGames(schedule)[0]!);
    const monday = plusDays(first, -((new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7));
    const problems: string[] = [];
    let previous = "";
    for (const day of schedule.leagueSchedule.gameDates) {
      const date = etDateOf(day.games[0]!);
      expect(date > previous).toBe(true);
      previous = date;
      expect(day.gameDate).toBe(`${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)} 00:00:00`);
      const week = Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${monday}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
      day.games.forEach((g, i) => {
        const ok =
          etDateOf(g) === date &&
          g.gameSequence === i + 1 &&
          (i === 0 || g.gameTimeEst >= day.games[i - 1]!.gameTimeEst) &&
          g.weekNumber === week &&
          g.weekName === `Week ${week}`;
        if (!ok) problems.push(`${g.gameId} sequence/week`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("labels a few November and early December games as NBA Cup games", () => {
    const games = allGames(finalSeason(seasonYear, seed));
    const cup = games.filter((g) => g.gameLabel !== "");
    expect(cup.length).toBeGreaterThan(0);
    expect(cup.length).toBeLessThan(80);
    for (const g of games) {
      expect(["", "Emirates NBA Cup"]).toContain(g.gameLabel);
      if (g.gameLabel === "") expect([g.gameSubLabel, g.gameSubtype]).toEqual(["", ""]);
    }
    for (const g of cup) {
      expect(etDateOf(g) >= `${seasonYear}-11-01` && etDateOf(g) <= `${seasonYear}-12-10`).toBe(true);
      expect(g.gameSubtype).toBe("in-season");
      expect(g.gameSubLabel).toMatch(/^(East|West) Group [ABC]$/);
    }
  });
});

describe("simulateSeasonSchedule", () => {
  it("is deterministic: the same options give a deep-equal payload", () => {
    const a = simulateSeasonSchedule({ seasonYear: 2024, seed: 99, finalBefore: "2025-01-20" });
    const b = simulateSeasonSchedule({ seasonYear: 2024, seed: 99, finalBefore: "2025-01-20" });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("gives different scores for a different seed", () => {
    const scores = (seed: number): number[] => allGames(finalSeason(2024, seed)).flatMap((g) => [g.homeTeam.score, g.awayTeam.score]);
    expect(scores(2)).not.toEqual(scores(1));
  });

  it("makes games before finalBefore final and the rest scheduled, as NBA.com publishes them", () => {
    const finalBefore = "2025-03-15";
    const schedule = simulateSeasonSchedule({ seasonYear: 2024, seed: 1, finalBefore });
    const games = allGames(schedule);
    const final = games.filter((g) => etDateOf(g) < finalBefore);
    const scheduled = games.filter((g) => etDateOf(g) >= finalBefore);
    expect(final.length).toBeGreaterThan(900);
    expect(scheduled.length).toBeGreaterThan(100);
    for (const g of final) {
      expect(g.gameStatus).toBe(3);
      expect(g.gameStatusText).toMatch(/^Final(\/OT\d?)?$/);
      expect(g.homeTeam.score).toBeGreaterThan(0);
      expect(g.homeTeam.score).not.toBe(g.awayTeam.score);
    }
    const standings = new Map<string, string>();
    for (const g of final) {
      for (const side of [g.homeTeam, g.awayTeam]) standings.set(side.teamTricode, `${side.wins}-${side.losses}`);
    }
    for (const g of scheduled) {
      expect(g.gameStatus).toBe(1);
      const hh = Number(g.gameDateTimeEst.slice(11, 13));
      const mm = g.gameDateTimeEst.slice(14, 16);
      expect(g.gameStatusText).toBe(`${hh % 12 === 0 ? 12 : hh % 12}:${mm} ${hh < 12 ? "am" : "pm"} ET`);
      expect([g.homeTeam.score, g.awayTeam.score]).toEqual([0, 0]);
      expect(g.pointsLeaders).toEqual([]);
      // A scheduled game shows each team's current record.
      for (const side of [g.homeTeam, g.awayTeam]) expect(`${side.wins}-${side.losses}`).toBe(standings.get(side.teamTricode));
    }
    // The final games keep the scores of an all-final season with the same seed.
    const full = new Map(allGames(finalSeason(2024, 1)).map((g) => [g.gameId, g]));
    for (const g of final) expect([g.homeTeam.score, g.awayTeam.score]).toEqual([full.get(g.gameId)!.homeTeam.score, full.get(g.gameId)!.awayTeam.score]);
    expect(schedule.leagueSchedule.seasonYear).toBe("2024-25");
    expect(schedule.leagueSchedule.leagueId).toBe("00");
  });

  it("makes every game scheduled before the season and every game final after it", () => {
    const before = allGames(simulateSeasonSchedule({ seasonYear: 2024, seed: 5, finalBefore: "2024-09-01" }));
    expect(before.every((g) => g.gameStatus === 1 && g.homeTeam.wins === 0 && g.homeTeam.losses === 0)).toBe(true);
    const after = allGames(simulateSeasonSchedule({ seasonYear: 2024, seed: 5, finalBefore: "2025-09-01" }));
    expect(after.every((g) => g.gameStatus === 3)).toBe(true);
  });

  it("puts the UTC tip on the next day for a winter 7:30 pm ET game and handles DST", () => {
    const games = allGames(finalSeason(2024, 1));
    const winter = games.find((g) => g.gameDateTimeEst.endsWith("T19:30:00Z") && etDateOf(g) >= "2024-12-01" && etDateOf(g) < "2025-03-01");
    expect(winter).toBeDefined();
    expect(winter!.gameDateTimeUTC).toBe(`${plusDays(etDateOf(winter!), 1)}T00:30:00Z`);
    expect(winter!.gameDateUTC).toBe(`${etDateOf(winter!)}T05:00:00Z`);
    const spring = games.find((g) => g.gameDateTimeEst.endsWith("T19:30:00Z") && etDateOf(g) >= "2025-03-10");
    expect(spring).toBeDefined();
    expect(spring!.gameDateTimeUTC).toBe(`${etDateOf(spring!)}T23:30:00Z`);
    expect(spring!.gameDateUTC).toBe(`${etDateOf(spring!)}T04:00:00Z`);
  });

  it("rejects malformed options", () => {
    expect(() => simulateSeasonSchedule({ seasonYear: 2024, seed: 1, finalBefore: "2025-3-15" })).toThrow(/finalBefore/);
    expect(() => simulateSeasonSchedule({ seasonYear: 2024.5, seed: 1, finalBefore: "2025-03-15" })).toThrow(/seasonYear/);
  });
});
