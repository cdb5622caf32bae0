import * as fs from "node:fs";
import * as zlib from "node:zlib";
import { simulateSeasonSchedule } from "../../runtime/scrapers/sim/sim-schedule";
import { simulateLeagueGameLog } from "../../runtime/scrapers/sim/sim-leaguegamelog";
import { overtimePeriods } from "../../runtime/scrapers/sim/game-outcome";
import { leagueRosters, teamRoster } from "../../runtime/scrapers/sim/rosters";
import type { LeagueGameLogPayload, ScheduleGame, ScheduleLeagueV2Payload } from "../../runtime/scrapers/sim/nba-com-formats";
import { playerLookup } from "../../runtime/domain/player-lookup";
import { TEAMS } from "../../runtime/domain/teams";
import { describeWithSamples, samplePath } from "../support/samples";
import { allGames, etDateOf, overtimeFromStatus } from "./sim-helpers";

// Typed out from NBA.com's leaguegamelog, in its order.
const HEADERS = [
  "SEASON_ID", "PLAYER_ID", "PLAYER_NAME", "TEAM_ID", "TEAM_ABBREVIATION", "TEAM_NAME", "GAME_ID", "GAME_DATE",
  "MATCHUP", "WL", "MIN", "FGM", "FGA", "FG_PCT", "FG3M", "FG3A", "FG3_PCT", "FTM", "FTA", "FT_PCT", "OREB", "DREB",
  "REB", "AST", "STL", "BLK", "TOV", "PF", "PTS", "PLUS_MINUS", "FANTASY_PTS", "VIDEO_AVAILABLE",
];
const COUNTING = ["MIN", "FGM", "FGA", "FG3M", "FG3A", "FTM", "FTA", "OREB", "DREB", "REB", "AST", "STL", "BLK", "TOV", "PF", "PTS"];

type Row = Record<string, unknown>;
const toObjects = (payload: LeagueGameLogPayload): Row[] =>
  payload.resultSets[0].rowSet.map((r) => Object.fromEntries(HEADERS.map((h, i) => [h, r[i]])));
const num = (row: Row, key: string): number => row[key] as number;

const SEEDS = [11, 12, 13];
const schedules = new Map<number, ScheduleLeagueV2Payload>();
function season(seed: number): ScheduleLeagueV2Payload {
  let s = schedules.get(seed);
  if (!s) schedules.set(seed, (s = simulateSeasonSchedule({ seasonYear: 2024, seed, finalBefore: "2025-07-01" })));
  return s;
}

/** Every 5th game date, plus every date with an overtime game. */
function sampleDates(schedule: ScheduleLeagueV2Payload): string[] {
  const dates = schedule.leagueSchedule.gameDates.map((d) => etDateOf(d.games[0]!));
  const ot = allGames(schedule).filter((g) => g.gameStatusText !== "Final").map(etDateOf);
  return [...new Set([...dates.filter((_, i) => i % 5 === 0), ...ot, "2025-03-15"])].sort();
}

/** Violations of the per-team rules for one date; empty when the log is consistent with the schedule. */
function checkDate(seed: number, schedule: ScheduleLeagueV2Payload, date: string): string[] {
  const problems: string[] = [];
  const bad = (msg: string): number => problems.push(`${date} ${msg}`);
  const payload = simulateLeagueGameLog({ gameDate: date, seed, schedule });
  const set = payload.resultSets[0];
  if (JSON.stringify(set.headers) !== JSON.stringify(HEADERS)) bad("headers differ");
  const finals = allGames(schedule).filter((g) => etDateOf(g) === date && g.gameStatus === 3);
  const byTeam = new Map<string, Row[]>();
  for (const raw of set.rowSet as readonly (readonly unknown[])[]) {
    if (raw.length !== 32) bad(`row of ${raw.length} values`);
    const row = Object.fromEntries(HEADERS.map((h, i) => [h, raw[i]]));
    const key = `${String(row.GAME_ID)}/${String(row.TEAM_ABBREVIATION)}`;
    byTeam.set(key, [...(byTeam.get(key) ?? []), row]);
  }
  if (byTeam.size !== 2 * finals.length) bad(`${byTeam.size} team-games for ${finals.length} final games`);
  for (const game of finals) {
    const ot = overtimeFromStatus(game.gameStatusText);
    if (ot === null || ot !== overtimePeriods(seed, game.gameId)) bad(`${game.gameId} overtime mismatch`);
    for (const [team, opp, home] of [
      [game.homeTeam, game.awayTeam, true],
      [game.awayTeam, game.homeTeam, false],
    ] as const) {
      const rows = byTeam.get(`${game.gameId}/${team.teamTricode}`) ?? [];
      const tag = `${game.gameId} ${team.teamTricode}`;
      if (rows.length < 8 || rows.length > 13) bad(`${tag} has ${rows.length} players`);
      const sum = (k: string): number => rows.reduce((a, r) => a + num(r, k), 0);
      if (sum("MIN") !== 240 + 25 * (ot ?? 0)) bad(`${tag} minutes ${sum("MIN")} with ${ot} OT`);
      if (sum("PTS") !== team.score) bad(`${tag} points ${sum("PTS")} != score ${team.score}`);
      if (sum("PLUS_MINUS") !== 5 * (team.score - opp.score)) bad(`${tag} plus-minus ${sum("PLUS_MINUS")} for margin ${team.score - opp.score}`);
      const matchup = home ? `${team.teamTricode} vs. ${opp.teamTricode}` : `${team.teamTricode} @ ${opp.teamTricode}`;
      const wl = team.score > opp.score ? "W" : "L";
      const teamName = `${team.teamCity} ${team.teamName}`;
      for (const r of rows) {
        const who = `${tag} ${String(r.PLAYER_NAME)}`;
        for (const k of COUNTING) if (!Number.isInteger(r[k]) || num(r, k) < 0) bad(`${who} ${k}=${String(r[k])}`);
        if (num(r, "MIN") < 1) bad(`${who} played ${num(r, "MIN")} min`);
        if (num(r, "PTS") !== 2 * num(r, "FGM") + num(r, "FG3M") + num(r, "FTM")) bad(`${who} points do not add up`);
        if (num(r, "FGA") < num(r, "FGM") || num(r, "FG3A") < num(r, "FG3M") || num(r, "FG3M") > num(r, "FGM") || num(r, "FTA") < num(r, "FTM")) bad(`${who} makes/attempts`);
        if (num(r, "FG3A") > num(r, "FGA")) bad(`${who} more threes than field goals attempted`);
        if (num(r, "REB") !== num(r, "OREB") + num(r, "DREB")) bad(`${who} rebounds`);
        if (num(r, "PF") > 6) bad(`${who} ${num(r, "PF")} fouls`);
        if (Math.abs(num(r, "PLUS_MINUS")) > 60 || !Number.isInteger(r.PLUS_MINUS)) bad(`${who} plus-minus ${String(r.PLUS_MINUS)}`);
        for (const [p, m, a] of [
          ["FG_PCT", "FGM", "FGA"],
          ["FG3_PCT", "FG3M", "FG3A"],
          ["FT_PCT", "FTM", "FTA"],
        ]) {
          const expected = num(r, a!) === 0 ? null : Math.round((num(r, m!) / num(r, a!)) * 1000) / 1000;
          if (r[p!] !== expected) bad(`${who} ${p}=${String(r[p!])} expected ${String(expected)}`);
        }
        const fantasy = num(r, "PTS") + 1.2 * num(r, "REB") + 1.5 * num(r, "AST") + 3 * num(r, "STL") + 3 * num(r, "BLK") - num(r, "TOV");
        if (Math.abs(num(r, "FANTASY_PTS") - fantasy) > 0.051) bad(`${who} fantasy ${num(r, "FANTASY_PTS")} vs ${fantasy}`);
        const fixed = { SEASON_ID: "22024", TEAM_ID: team.teamId, TEAM_NAME: teamName, GAME_DATE: date, MATCHUP: matchup, WL: wl, VIDEO_AVAILABLE: 1 };
        for (const [k, v] of Object.entries(fixed)) if (r[k] !== v) bad(`${who} ${k}=${String(r[k])} expected ${String(v)}`);
        if (!Number.isInteger(r.PLAYER_ID) || typeof r.PLAYER_NAME !== "string") bad(`${who} id/name types`);
      }
    }
  }
  return problems;
}

describe("simulateLeagueGameLog", () => {
  it.each(SEEDS)("writes consistent player lines for every final game on many dates (seed %i)", (seed) => {
    const schedule = season(seed);
    const dates = sampleDates(schedule);
    expect(dates.length).toBeGreaterThan(40);
    const problems = dates.flatMap((d) => checkDate(seed, schedule, d));
    expect(problems).toEqual([]);
  });

  it("checks a partly played season: final dates have lines, later dates none", () => {
    const seed = 21;
    const schedule = simulateSeasonSchedule({ seasonYear: 2024, seed, finalBefore: "2025-03-16" });
    expect(checkDate(seed, schedule, "2025-03-15")).toEqual([]);
    expect(toObjects(simulateLeagueGameLog({ gameDate: "2025-03-15", seed, schedule })).length).toBeGreaterThan(0);
    expect(simulateLeagueGameLog({ gameDate: "2025-03-16", seed, schedule }).resultSets[0].rowSet).toEqual([]);
  });

  it("returns a valid payload with an empty rowSet on a date without games", () => {
    const schedule = season(11);
    for (const date of ["2024-11-28", "2024-12-24", "2024-08-01"]) {
      const payload = simulateLeagueGameLog({ gameDate: date, seed: 11, schedule });
      expect(payload.resource).toBe("leaguegamelog");
      expect(payload.parameters).toMatchObject({ LeagueID: "00", Season: "2024-25", SeasonType: "Regular Season", PlayerOrTeam: "P", DateFrom: date, DateTo: date });
      expect(payload.resultSets).toHaveLength(1);
      expect(payload.resultSets[0].name).toBe("LeagueGameLog");
      expect(payload.resultSets[0].headers).toEqual(HEADERS);
      expect(payload.resultSets[0].rowSet).toEqual([]);
    }
  });

  it("is deterministic and depends on the seed", () => {
    const a = simulateLeagueGameLog({ gameDate: "2025-01-15", seed: 11, schedule: season(11) });
    const b = simulateLeagueGameLog({ gameDate: "2025-01-15", seed: 11, schedule: simulateSeasonSchedule({ seasonYear: 2024, seed: 11, finalBefore: "2025-07-01" }) });
    expect(b).toEqual(a);
    const c = simulateLeagueGameLog({ gameDate: "2025-01-15", seed: 12, schedule: season(12) });
    expect(c.resultSets[0].rowSet).not.toEqual(a.resultSets[0].rowSet);
  });

  it("agrees with the schedule's points leaders", () => {
    const schedule = season(12);
    for (const date of ["2024-11-20", "2025-02-05", "2025-04-01"]) {
      const rows = toObjects(simulateLeagueGameLog({ gameDate: date, seed: 12, schedule }));
      for (const g of allGames(schedule).filter((x) => etDateOf(x) === date)) {
        const best = Math.max(...rows.filter((r) => r.GAME_ID === g.gameId).map((r) => num(r, "PTS")));
        const leader = g.pointsLeaders[0]!;
        expect(leader.points).toBe(best);
        expect(rows.find((r) => r.PLAYER_ID === leader.personId && r.GAME_ID === g.gameId)?.PTS).toBe(best);
      }
    }
  });

  it("refuses a schedule generated with another seed when the overtime periods disagree", () => {
    const schedule = season(11);
    const game = allGames(schedule).find((g: ScheduleGame) => overtimeFromStatus(g.gameStatusText) !== overtimePeriods(13, g.gameId));
    expect(game).toBeDefined();
    expect(() => simulateLeagueGameLog({ gameDate: etDateOf(game!), seed: 13, schedule })).toThrow(/another seed/);
  });

  it("keeps each player on one team with one name and id across the season", () => {
    const schedule = season(13);
    const byId = new Map<number, string>();
    const perTeam = new Map<string, Set<number>>();
    for (const day of schedule.leagueSchedule.gameDates) {
      for (const r of toObjects(simulateLeagueGameLog({ gameDate: etDateOf(day.games[0]!), seed: 13, schedule }))) {
        const identity = `${String(r.PLAYER_NAME)}|${String(r.TEAM_ABBREVIATION)}`;
        const seen = byId.get(num(r, "PLAYER_ID"));
        if (seen !== undefined) expect(identity).toBe(seen);
        byId.set(num(r, "PLAYER_ID"), identity);
        const team = perTeam.get(String(r.TEAM_ABBREVIATION)) ?? new Set<number>();
        team.add(num(r, "PLAYER_ID"));
        perTeam.set(String(r.TEAM_ABBREVIATION), team);
      }
    }
    expect(perTeam.size).toBe(30);
    for (const ids of perTeam.values()) {
      expect(ids.size).toBeGreaterThanOrEqual(8);
      expect(ids.size).toBeLessThanOrEqual(15);
    }
  });

  it.each([
    [1, 2024],
    [2, 2024],
    [7, 2019],
  ])("builds rosters of 13-15 with unique ids and player_lookup keys (seed %i, season %i)", (seed, seasonYear) => {
    const ids = new Set<number>();
    const keys = new Set<string>();
    const names: string[] = [];
    for (const team of TEAMS) {
      const roster = teamRoster(seed, seasonYear, team.tricode);
      expect(roster.length).toBeGreaterThanOrEqual(13);
      expect(roster.length).toBeLessThanOrEqual(15);
      const teamKeys = new Set(roster.map((p) => playerLookup(p.name)));
      expect(teamKeys.size).toBe(roster.length);
      for (const p of roster) {
        expect(p.name).toBe(`${p.firstName} ${p.lastName}`);
        expect(ids.has(p.personId)).toBe(false);
        ids.add(p.personId);
        keys.add(playerLookup(p.name));
        names.push(p.name);
      }
    }
    expect(keys.size).toBe(names.length);
    // Names that exercise normalisation: diacritics, suffixes, apostrophes and hyphens.
    expect(names.some((n) => n.normalize("NFKD") !== n || /ı/.test(n))).toBe(true);
    expect(names.some((n) => / (Jr\.|Sr\.|II|III|IV)$/.test(n))).toBe(true);
    expect(names.some((n) => n.includes("'"))).toBe(true);
    expect(names.some((n) => /\w-\w/.test(n))).toBe(true);
    expect(teamRoster(seed, seasonYear, "BOS")).toEqual(leagueRosters(seed, seasonYear).get("BOS"));
  });
});

const typeOf = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

describeWithSamples("shapes against the real NBA.com captures", () => {
  it(
    "uses the real leaguegamelog headers and the real schedule game keys",
    () => {
      const realLog = JSON.parse(fs.readFileSync(samplePath("nbac_player_boxscore/2025-03-15/leaguegamelog.json"), "utf8")) as {
        parameters: Record<string, unknown>;
        resultSets: { name: string; headers: string[]; rowSet: unknown[][] }[];
      };
      const realSchedule = JSON.parse(zlib.gunzipSync(fs.readFileSync(samplePath("nbac_schedule/2024-25/schedule.json.gz"))).toString("utf8")) as {
        meta: Record<string, unknown>;
        leagueSchedule: Record<string, unknown> & { gameDates: { gameDate: string; games: Record<string, unknown>[] }[] };
      };
      const schedule = simulateSeasonSchedule({ seasonYear: 2024, seed: 3, finalBefore: "2025-03-20" });
      const log = simulateLeagueGameLog({ gameDate: "2025-03-15", seed: 3, schedule });

      expect(log.resultSets[0].headers).toEqual(realLog.resultSets[0]!.headers);
      expect(Object.keys(log.parameters).sort()).toEqual(Object.keys(realLog.parameters).sort());
      expect(log.resultSets.map((r) => r.name)).toEqual(realLog.resultSets.map((r) => r.name));
      // Column types match the real rows (a percentage may be null in either).
      const realRow = realLog.resultSets[0]!.rowSet[0]!;
      const simRow = log.resultSets[0].rowSet[0]!;
      realRow.forEach((v, i) => {
        if (v !== null && simRow[i] !== null) expect(`${HEADERS[i]}:${typeOf(simRow[i])}`).toBe(`${HEADERS[i]}:${typeOf(v)}`);
      });

      const realGame = realSchedule.leagueSchedule.gameDates.find((d) => d.gameDate.startsWith("03/15/2025"))!.games[0]!;
      const simFinal = schedule.leagueSchedule.gameDates.find((d) => d.gameDate.startsWith("03/15/2025"))!.games[0]!;
      const simScheduled = schedule.leagueSchedule.gameDates.find((d) => d.gameDate.startsWith("03/21/2025"))!.games[0]!;
      for (const game of [simFinal, simScheduled]) {
        expect(Object.keys(game)).toEqual(Object.keys(realGame));
        for (const [k, v] of Object.entries(realGame)) expect(`${k}:${typeOf((game as unknown as Record<string, unknown>)[k])}`).toBe(`${k}:${typeOf(v)}`);
        expect(Object.keys(game.homeTeam)).toEqual(Object.keys(realGame.homeTeam as object));
        expect(Object.keys(game.broadcasters)).toEqual(Object.keys(realGame.broadcasters as object));
      }
      expect(Object.keys(simFinal.pointsLeaders[0]!)).toEqual(Object.keys((realGame.pointsLeaders as object[])[0]!));
      expect(Object.keys(schedule)).toEqual(Object.keys(realSchedule));
      expect(Object.keys(schedule.meta)).toEqual(Object.keys(realSchedule.meta));
      expect(Object.keys(schedule.leagueSchedule)).toEqual(Object.keys(realSchedule.leagueSchedule));
      expect(Object.keys(schedule.leagueSchedule.weeks[0]!)).toEqual(Object.keys((realSchedule.leagueSchedule.weeks as object[])[0]!));
      // Same value formats for the date and time fields.
      for (const k of ["gameDateEst", "gameTimeEst", "gameDateTimeEst", "gameDateUTC", "gameTimeUTC", "gameDateTimeUTC", "awayTeamTime", "homeTeamTime"]) {
        expect(String((simFinal as unknown as Record<string, unknown>)[k]).replace(/\d/g, "9")).toBe(String(realGame[k]).replace(/\d/g, "9"));
      }
      expect(simFinal.gameId.replace(/\d/g, "9")).toBe(String(realGame.gameId).replace(/\d/g, "9"));
      expect(simFinal.gameCode.replace(/[A-Z]/g, "X").replace(/\d/g, "9")).toBe(String(realGame.gameCode).replace(/[A-Z]/g, "X").replace(/\d/g, "9"));
      // The real 2025-03-15 game sits at the same ET midnight in UTC as the simulated one.
      expect(simFinal.gameDateUTC).toBe(realGame.gameDateUTC);
    },
  );
});
