import { readFileSync } from "node:fs";
import { parseBdlBoxScores } from "../../../runtime/processors/raw/bdl-player-boxscores";
import type { RawParseContext } from "../../../runtime/processors/raw/raw-processor";
import { ProcessorError } from "../../../runtime/processors/base/processor-error";
import { bdlBoxScoresScraper } from "../../../runtime/scrapers/bdl-box-scores";
import { nbacPlayerBoxscoreScraper } from "../../../runtime/scrapers/nbac-player-boxscore";
import { nbacScheduleScraper } from "../../../runtime/scrapers/nbac-schedule";
import { parseLeagueGameLog } from "../../../runtime/processors/raw/nbac-player-boxscores";
import { describeWithSamples, samplePath } from "../../support/samples";

const context = (gameDate: string): RawParseContext => ({
  source: "/replay/box_scores.json",
  objectUri: "file:///objects/box_scores.json",
  scope: gameDate,
  gameDate,
  processedAt: "2024-01-16T10:00:00.000Z",
});

interface SampleGame {
  home_team_score: number;
  visitor_team_score: number;
  home_team: { abbreviation: string; players: { pts: number }[] };
  visitor_team: { abbreviation: string; players: { pts: number }[] };
}

const player = (overrides: Record<string, unknown> = {}) => ({
  min: "31", fgm: 9, fga: 17, fg3m: 2, fg3a: 6, ftm: 4, fta: 4, oreb: 1, dreb: 5, reb: 6, ast: 7, stl: 1, blk: 0, turnover: 2, pf: 3, pts: 24,
  player: { id: 115, first_name: "Stephen", last_name: "Curry" },
  ...overrides,
});

const game = (overrides: Record<string, unknown> = {}) => ({
  date: "2024-01-15", season: 2023, status: "Final", period: 4, postseason: false, home_team_score: 24, visitor_team_score: 0,
  home_team: { abbreviation: "GSW", players: [player()] },
  visitor_team: { abbreviation: "MEM", players: [] },
  ...overrides,
});

describe("Ball Don't Lie box-score parser", () => {
  test("a player line becomes a row keyed by the canonical game id, minutes as published, season as BDL's start year", () => {
    const { rows, quarantined, filtered } = parseBdlBoxScores({ data: [game()], meta: {} }, context("2024-01-15"));
    expect(quarantined).toEqual([]);
    expect(filtered).toBe(0);
    expect(rows).toEqual([
      expect.objectContaining({
        game_id: "20240115_MEM_GSW", game_date: "2024-01-15", season_year: 2023, game_status: "Final", team_abbr: "GSW", opponent_team_abbr: "MEM", is_home: true,
        bdl_player_id: 115, player_full_name: "Stephen Curry", player_lookup: "stephencurry", minutes: "31:00", points: 24, turnovers: 2, plus_minus: null,
        data_source: "bdl_box_scores", source_file_path: "file:///objects/box_scores.json",
      }),
    ]);
    expect(rows[0]!.data_hash).toMatch(/^[0-9a-f]{16}$/);
  });

  test('"00" minutes is a DNP row kept with null minutes; an empty day is valid', () => {
    const dnp = player({ min: "00", pts: 0, player: { id: 7, first_name: "Gary", last_name: "Payton II" } });
    const { rows } = parseBdlBoxScores({ data: [game({ home_team: { abbreviation: "GSW", players: [player(), dnp] } })] }, context("2024-01-15"));
    expect(rows[1]).toMatchObject({ player_lookup: "garypaytonii", minutes: null, points: 0 });
    expect(parseBdlBoxScores({ data: [] }, context("2024-01-15"))).toEqual({ rows: [], quarantined: [], filtered: 0 });
  });

  test("lines of a game that is not final are counted as filtered, never stored (only a Final file replaces a game)", () => {
    const { rows, filtered } = parseBdlBoxScores({ data: [game({ status: "2024-01-16T00:30:00Z" })] }, context("2024-01-15"));
    expect(rows).toEqual([]);
    expect(filtered).toBe(1);
  });

  test.each([
    [{ min: "3l" }, "min", "3l"],
    [{ pts: "24" }, "pts", "24"],
    [{ player: { id: 9, first_name: "Bad", last_name: null } }, "player.last_name", null],
    [{ player: { id: 9.5, first_name: "Bad", last_name: "Line" } }, "player.id", 9.5],
  ])("a player line with %p is quarantined naming the field and value", (override, field, value) => {
    const { rows, quarantined } = parseBdlBoxScores({ data: [game({ home_team: { abbreviation: "GSW", players: [player(), player({ player: { id: 9, first_name: "Bad", last_name: "Line" }, ...override })] } })] }, context("2024-01-15"));
    expect(rows).toHaveLength(1);
    expect(quarantined).toEqual([{ source: "/replay/box_scores.json", record: expect.stringContaining("data[0].home_team.players[1]"), field, value, reason: expect.any(String), index: expect.any(Number) }]);
  });

  test("a game-level error (a team outside the league, another date) quarantines that game's lines", () => {
    const { rows, quarantined } = parseBdlBoxScores({ data: [game({ home_team: { abbreviation: "SEA", players: [player()] } }), game({ date: "2024-01-14" })] }, context("2024-01-15"));
    expect(rows).toEqual([]);
    expect(quarantined.map((q) => [q.field, q.value])).toEqual([["home_team.abbreviation", "SEA"], ["date", "2024-01-14"]]);
  });

  test("a payload that is not BDL's shape is refused as a whole by the processor and by the scraper, naming the field", () => {
    expect(() => parseBdlBoxScores({ games: [] }, context("2024-01-15"))).toThrow(ProcessorError);
    expect(() => parseBdlBoxScores({ games: [] }, context("2024-01-15"))).toThrow(/payload field data/);
    expect(() => bdlBoxScoresScraper.countRecords({ data: [{ ...game(), home_team: { abbreviation: "GSW" } }] })).toThrow(/field data\.0\.home_team\.players/);
  });
});

describe("Ball Don't Lie sim", () => {
  const options = { seed: 7, today: "2025-04-30" };
  const date = "2025-03-15";

  test("the same games and points as the sim's leaguegamelog, plus DNP rows, and the record count the scraper publishes", () => {
    const payload = bdlBoxScoresScraper.simulate({ key: date, gameDate: date }, options);
    const { rows, quarantined, filtered } = parseBdlBoxScores(payload, context(date));
    expect(quarantined).toEqual([]);
    expect(filtered).toBe(0);
    expect(bdlBoxScoresScraper.countRecords(payload)).toBe(rows.length);
    const official = parseLeagueGameLog(nbacPlayerBoxscoreScraper.simulate({ key: date, gameDate: date }, options), context(date)).rows;
    expect(official.length).toBeGreaterThan(100);
    const key = (r: Readonly<Record<string, unknown>>) => `${String(r.game_id)}|${String(r.player_lookup)}|${String(r.points)}`;
    expect(rows.filter((r) => r.minutes !== null).map(key).sort()).toEqual(official.map(key).sort());
    expect(rows.some((r) => r.minutes === null)).toBe(true);
  });

  test("per game, the players' points equal the sim schedule's final scores", () => {
    const schedule = nbacScheduleScraper.simulate({ key: "2024-25", gameDate: date }, options) as { leagueSchedule: { gameDates: { games: { gameDateEst: string; gameCode: string; homeTeam: { teamTricode: string; score: number }; awayTeam: { teamTricode: string; score: number } }[] }[] } };
    const games = schedule.leagueSchedule.gameDates.flatMap((d) => d.games).filter((g) => g.gameDateEst.startsWith(date));
    expect(games.length).toBeGreaterThan(0);
    const { rows } = parseBdlBoxScores(bdlBoxScoresScraper.simulate({ key: date, gameDate: date }, options), context(date));
    for (const g of games) {
      for (const side of [g.homeTeam, g.awayTeam]) {
        const sum = rows.filter((r) => r.game_id === `20250315_${g.awayTeam.teamTricode}_${g.homeTeam.teamTricode}` && r.team_abbr === side.teamTricode).reduce((a, r) => a + Number(r.points), 0);
        expect({ team: side.teamTricode, sum }).toEqual({ team: side.teamTricode, sum: side.score });
      }
    }
  });

  test("games not final yet (after the sim's today) are listed without players", () => {
    const payload = bdlBoxScoresScraper.simulate({ key: date, gameDate: date }, { seed: 7, today: date }) as { data: { status: string; home_team: { players: unknown[] } }[] };
    expect(payload.data.length).toBeGreaterThan(0);
    for (const g of payload.data) expect([g.status === "Final", g.home_team.players.length]).toEqual([false, 0]);
    expect(bdlBoxScoresScraper.countRecords(payload)).toBe(0);
  });
});

describeWithSamples("Ball Don't Lie on the real capture", () => {
  test("2024-01-15: 11 games, every line parses, per game the players' points add up to the score fields", () => {
    const payload = JSON.parse(readFileSync(samplePath("bdl_box_scores/2024-01-15/box_scores.json"), "utf8")) as { data: SampleGame[] };
    const { rows, quarantined, filtered } = parseBdlBoxScores(payload, context("2024-01-15"));
    expect(quarantined).toEqual([]);
    expect(filtered).toBe(0);
    expect(bdlBoxScoresScraper.countRecords(payload)).toBe(rows.length);
    expect(payload.data).toHaveLength(11);
    expect(new Set(rows.map((r) => r.game_id)).size).toBe(11);
    expect(rows).toHaveLength(384);
    for (const g of payload.data) {
      const id = `20240115_${g.visitor_team.abbreviation}_${g.home_team.abbreviation}`;
      const sum = (team: string) => rows.filter((r) => r.game_id === id && r.team_abbr === team).reduce((a, r) => a + Number(r.points), 0);
      expect({ id, home: sum(g.home_team.abbreviation), visitor: sum(g.visitor_team.abbreviation) }).toEqual({ id, home: g.home_team_score, visitor: g.visitor_team_score });
    }
    expect(new Set(rows.map((r) => `${String(r.game_id)}|${String(r.player_lookup)}`)).size).toBe(rows.length);
  });
});
