import { parsePlayByPlays } from "../../runtime/processors/raw/nbac-play-by-play";
import { parseSchedulePayload } from "../../runtime/processors/raw/nbac-schedule";
import { parseScoreboardV2 } from "../../runtime/processors/raw/nbac-scoreboard-v2";
import { parseTeamBoxscores } from "../../runtime/processors/raw/nbac-team-boxscore";
import { scheduledGameFromRow } from "../../runtime/processors/raw/scheduled-games";
import { nbacPlayByPlayScraper } from "../../runtime/scrapers/nbac-play-by-play";
import { nbacPlayerBoxscoreScraper } from "../../runtime/scrapers/nbac-player-boxscore";
import { nbacScoreboardV2Scraper } from "../../runtime/scrapers/nbac-scoreboard-v2";
import { nbacTeamBoxscoreScraper } from "../../runtime/scrapers/nbac-team-boxscore";
import { simulatedSchedule } from "../../runtime/scrapers/sim/cached-schedule";
import type { ScheduleGame } from "../../runtime/scrapers/sim/nba-com-formats";
import { allGames, etDateOf, overtimeFromStatus } from "./sim-helpers";

const SEED = 11;
const TODAY = "2025-05-01";
const DATE = "2025-03-15";
const schedule = simulatedSchedule(2024, SEED, TODAY);
const options = { seed: SEED, today: TODAY };
const scope = (date: string) => ({ key: date, gameDate: date });

interface StatsSet {
  name: string;
  headers: string[];
  rowSet: unknown[][];
}
interface StatsPayload {
  resultSets: StatsSet[];
}
interface Action {
  actionType: string;
  subType: string;
  period: number;
  teamTricode?: string;
  shotResult?: string;
  scoreHome: string;
  scoreAway: string;
}
interface PbpPayload {
  game: { gameId: string; actions: Action[] };
}

/** Rows of a named set as objects, read with the headers (independent of the parsers). */
function records(payload: StatsPayload, name: string): Record<string, unknown>[] {
  const set = payload.resultSets.find((s) => s.name === name)!;
  return set.rowSet.map((row) => Object.fromEntries(set.headers.map((h, i) => [h, row[i]])));
}

const finalGames = (date: string): ScheduleGame[] => allGames(schedule).filter((g) => etDateOf(g) === date && g.gameStatus === 3);

function shotCounts(actions: readonly Action[], team: string): Record<"fga" | "fgm" | "fg3a" | "fta" | "pts" | "reb" | "tov" | "pf", number> {
  const mine = actions.filter((a) => a.teamTricode === team);
  const fg = mine.filter((a) => a.actionType === "2pt" || a.actionType === "3pt");
  const made = (a: Action) => a.shotResult === "Made";
  return {
    fga: fg.length,
    fgm: fg.filter(made).length,
    fg3a: mine.filter((a) => a.actionType === "3pt").length,
    fta: mine.filter((a) => a.actionType === "freethrow").length,
    pts: mine.filter(made).reduce((n, a) => n + (a.actionType === "3pt" ? 3 : a.actionType === "2pt" ? 2 : 1), 0),
    reb: mine.filter((a) => a.actionType === "rebound").length,
    tov: mine.filter((a) => a.actionType === "turnover").length,
    pf: mine.filter((a) => a.actionType === "foul").length,
  };
}

describe("a sim day adds up across the NBA.com game-level sources", () => {
  const games = finalGames(DATE);
  const boxes = nbacTeamBoxscoreScraper.simulate(scope(DATE), options) as StatsPayload[];
  const pbps = nbacPlayByPlayScraper.simulate(scope(DATE), options) as PbpPayload[];
  const scoreboard = nbacScoreboardV2Scraper.simulate(scope(DATE), options) as StatsPayload;
  const gameLog = records(nbacPlayerBoxscoreScraper.simulate(scope(DATE), options) as StatsPayload, "LeagueGameLog");

  test("one box score and one play-by-play per final game", () => {
    expect(games.length).toBeGreaterThan(3);
    expect(boxes.map((b) => records(b, "TeamStats")[0]?.GAME_ID)).toEqual(games.map((g) => g.gameId));
    expect(pbps.map((p) => p.game.gameId)).toEqual(games.map((g) => g.gameId));
  });

  test("team points = the schedule's final score = the box score's player lines = leaguegamelog's player lines", () => {
    for (const [i, game] of games.entries()) {
      const teams = records(boxes[i]!, "TeamStats");
      const players = records(boxes[i]!, "PlayerStats");
      for (const side of [game.homeTeam, game.awayTeam]) {
        const team = teams.find((t) => t.TEAM_ABBREVIATION === side.teamTricode)!;
        const boxPlayers = players.filter((p) => p.TEAM_ABBREVIATION === side.teamTricode).reduce((n, p) => n + Number(p.PTS ?? 0), 0);
        const logPlayers = gameLog.filter((p) => p.GAME_ID === game.gameId && p.TEAM_ABBREVIATION === side.teamTricode).reduce((n, p) => n + Number(p.PTS), 0);
        expect({ game: game.gameId, team: side.teamTricode, points: team.PTS, boxPlayers, logPlayers }).toEqual({ game: game.gameId, team: side.teamTricode, points: side.score, boxPlayers: side.score, logPlayers: side.score });
      }
    }
  });

  test("DNP rows carry a comment and null stats; minutes are MM:SS", () => {
    const players = boxes.flatMap((b) => records(b, "PlayerStats"));
    const dnp = players.filter((p) => p.MIN === null);
    expect(dnp.length).toBeGreaterThan(0);
    for (const p of dnp) expect([p.COMMENT, p.PTS, p.FGA, p.PLUS_MINUS]).toEqual(["DNP - Coach's Decision", null, null, null]);
    for (const p of players.filter((q) => q.MIN !== null)) expect(p.MIN).toMatch(/^\d{1,2}:\d{2}$/);
  });

  test("play-by-play shots = the team box score's FGA, FGM, 3PA and FTA (and rebounds, turnovers, fouls its REB, TO, PF); the last action holds the final score", () => {
    for (const [i, game] of games.entries()) {
      const teams = records(boxes[i]!, "TeamStats");
      const { actions } = pbps[i]!.game;
      for (const side of [game.homeTeam, game.awayTeam]) {
        const team = teams.find((t) => t.TEAM_ABBREVIATION === side.teamTricode)!;
        expect({ team: side.teamTricode, ...shotCounts(actions, side.teamTricode) }).toEqual({ team: side.teamTricode, fga: team.FGA, fgm: team.FGM, fg3a: team.FG3A, fta: team.FTA, pts: side.score, reb: team.REB, tov: team.TO, pf: team.PF });
      }
      const last = actions.at(-1)!;
      expect([last.actionType, last.scoreHome, last.scoreAway]).toEqual(["game", String(game.homeTeam.score), String(game.awayTeam.score)]);
    }
  });

  test("scoreboard: every game of the date, LineScore PTS = the final score = the sum of its periods", () => {
    const headers = records(scoreboard, "GameHeader");
    const lines = records(scoreboard, "LineScore");
    expect(headers.map((h) => h.GAME_ID)).toEqual(allGames(schedule).filter((g) => etDateOf(g) === DATE).map((g) => g.gameId));
    for (const game of games) {
      expect(headers.find((h) => h.GAME_ID === game.gameId)).toMatchObject({ GAME_STATUS_ID: 3, SEASON: "2024", HOME_TEAM_ID: game.homeTeam.teamId, VISITOR_TEAM_ID: game.awayTeam.teamId });
      for (const side of [game.homeTeam, game.awayTeam]) {
        const line = lines.find((l) => l.GAME_ID === game.gameId && l.TEAM_ID === side.teamId)!;
        const periods = ["PTS_QTR1", "PTS_QTR2", "PTS_QTR3", "PTS_QTR4", "PTS_OT1", "PTS_OT2", "PTS_OT3"].reduce((n, k) => n + Number(line[k]), 0);
        expect({ team: side.teamTricode, pts: line.PTS, periods }).toEqual({ team: side.teamTricode, pts: side.score, periods: side.score });
      }
    }
  });

  test("the raw processors load every record of the sim payloads, quarantining nothing", () => {
    const context = { source: "sim", objectUri: "file:///sim.json", scope: DATE, gameDate: DATE, processedAt: "2025-03-16T10:00:00.000Z" };
    const stored = parseSchedulePayload(nbacScheduleLike(), { ...context, scope: "2024-25" });
    const day = stored.rows.filter((r) => r.game_date === DATE).map(scheduledGameFromRow);
    const withSchedule = { ...context, schedule: day };
    const box = parseTeamBoxscores(boxes, withSchedule);
    const pbp = parsePlayByPlays(pbps, withSchedule);
    const board = parseScoreboardV2(scoreboard, context);
    expect([box.quarantined, pbp.quarantined, board.quarantined]).toEqual([[], [], []]);
    expect(box.rows).toHaveLength(nbacTeamBoxscoreScraper.countRecords(boxes));
    expect(pbp.rows).toHaveLength(nbacPlayByPlayScraper.countRecords(pbps));
    expect(board.rows).toHaveLength(nbacScoreboardV2Scraper.countRecords(scoreboard));
    expect(box.rows.every((r) => String(r.nba_game_id).startsWith("99"))).toBe(true);
  });
});

function nbacScheduleLike(): unknown {
  return JSON.parse(JSON.stringify(schedule)) as unknown;
}

describe("an overtime game in the sim", () => {
  const game = allGames(schedule).find((g) => g.gameStatus === 3 && (overtimeFromStatus(g.gameStatusText) ?? 0) > 0)!;
  const date = etDateOf(game);
  const overtimes = overtimeFromStatus(game.gameStatusText)!;
  const pbp = (nbacPlayByPlayScraper.simulate(scope(date), options) as PbpPayload[]).find((p) => p.game.gameId === game.gameId)!;

  test("is tied after regulation, plays its overtime periods and ends on the final score", () => {
    const endOf = (period: number) => pbp.game.actions.find((a) => a.actionType === "period" && a.subType === "end" && a.period === period)!;
    expect(endOf(4).scoreHome).toBe(endOf(4).scoreAway);
    expect(Math.max(...pbp.game.actions.map((a) => a.period))).toBe(4 + overtimes);
    expect([pbp.game.actions.at(-1)!.scoreHome, pbp.game.actions.at(-1)!.scoreAway]).toEqual([String(game.homeTeam.score), String(game.awayTeam.score)]);
  });

  test("every overtime game of the season is tied after regulation", () => {
    const overtimeGames = allGames(schedule).filter((g) => g.gameStatus === 3 && (overtimeFromStatus(g.gameStatusText) ?? 0) > 0);
    expect(overtimeGames.length).toBeGreaterThan(20);
    const untied = overtimeGames.filter((g) => {
      const actions = (nbacPlayByPlayScraper.simulate(scope(etDateOf(g)), options) as PbpPayload[]).find((p) => p.game.gameId === g.gameId)!.game.actions;
      const end = actions.find((a) => a.actionType === "period" && a.subType === "end" && a.period === 4)!;
      return end.scoreHome !== end.scoreAway;
    });
    expect(untied.map((g) => g.gameId)).toEqual([]);
  });

  test("its scoreboard line has the overtime periods and the team box score 25 more minutes each", () => {
    const board = nbacScoreboardV2Scraper.simulate(scope(date), options) as StatsPayload;
    const header = records(board, "GameHeader").find((h) => h.GAME_ID === game.gameId)!;
    expect(header.LIVE_PERIOD).toBe(4 + overtimes);
    const box = (nbacTeamBoxscoreScraper.simulate(scope(date), options) as StatsPayload[]).find((b) => records(b, "TeamStats")[0]?.GAME_ID === game.gameId)!;
    expect(records(box, "TeamStats").map((t) => t.MIN)).toEqual([`${240 + 25 * overtimes}:00`, `${240 + 25 * overtimes}:00`]);
  });
});

describe("record counts check the shape and name the field", () => {
  test.each([
    [nbacTeamBoxscoreScraper, {}, /not a list of NBA\.com boxscore payloads/],
    [nbacTeamBoxscoreScraper, [{ resource: "boxscore", parameters: {}, resultSets: [{ name: "PlayerStats", headers: ["A"], rowSet: [] }] }], /\[0\]: result set TeamStats not found/],
    [nbacTeamBoxscoreScraper, [{ resource: "boxscore", parameters: {}, resultSets: "none" }], /field \[0\]\.resultSets/],
    [nbacPlayByPlayScraper, [{ game: { gameId: "0022400500", actions: "none" } }], /field \[0\]\.game\.actions/],
    [nbacPlayByPlayScraper, [{ metadata: {}, playByPlay: { game: { actions: [] } } }], /field \[0\]\.playByPlay\.game\.gameId/],
    [nbacScoreboardV2Scraper, { resource: "scoreboardV2", parameters: {}, resultSets: [{ name: "GameHeader", headers: ["A"], rowSet: [] }] }, /result set LineScore not found/],
  ])("%#: a wrong shape is refused with the field", (scraper, payload, message) => {
    expect(() => scraper.countRecords(payload)).toThrow(message);
  });

  test("an empty day is a valid per-game payload with no records", () => {
    expect(nbacTeamBoxscoreScraper.countRecords([])).toBe(0);
    expect(nbacPlayByPlayScraper.countRecords([])).toBe(0);
  });
});
