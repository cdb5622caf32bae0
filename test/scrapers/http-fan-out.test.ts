import type { ScraperDefinition } from "../../runtime/scrapers/base/scraper-definition";
import { SOURCE_FAMILIES, parseScrapersConfig, type ScrapersConfig } from "../../runtime/scrapers/config/scrapers-config";
import { catalog } from "../../runtime/catalog/catalog";
import { FAN_OUT, type FanOutGame } from "../../runtime/scrapers/sources/date-fan-out";
import { HTTP_REQUESTS, SOURCE_CREDENTIALS } from "../../runtime/scrapers/sources/http-request-table";
import { HttpSource } from "../../runtime/scrapers/sources/http-source";
import { secretValueVariable } from "../../infra/stacks/context";
import { TEAMS } from "../../runtime/domain/teams";
import { startHttpFake, type FakeAnswer, type HttpFake } from "../support/http-fake";
import { EVENTS_PATH, boxscorePath, eventOddsPath, fanOutKey, playByPlayPath, rosterPath, startFanOutFake } from "../support/fan-out-fake";

function scraper(name: string): ScraperDefinition {
  return {
    spec: { name, description: name, scope: "date", family: "test", role: `scraper-${name}`, critical: false, stallLimitSeconds: 60 },
    countRecords: () => 0,
    simulate: () => ({}),
  };
}

const FANNED = ["nbac_team_boxscore", "nbac_play_by_play", "oddsa_player_props", "oddsa_game_lines", "nbac_team_roster", "oddsa_events"];

/** Fast, jitter-free settings: 2 attempts, no-retry 404, a breaker that stays closed. */
function testConfig(breakerFailures = 50): ScrapersConfig {
  const source = { rate_limit: { requests_per_minute: 6000 }, circuit_breaker: { consecutive_failures: breakerFailures, half_open_after_ms: 60_000 } };
  const entry = { criticality: "optional", attempts: 2, backoff: { initial_ms: 5, max_ms: 10, jitter: "none" }, timeout_ms: 2000 };
  return parseScrapersConfig({ sources: Object.fromEntries(SOURCE_FAMILIES.map((f) => [f, source])), scrapers: Object.fromEntries(FANNED.map((n) => [n, entry])) });
}

const DATE = "2024-01-24";
const game = (nbaGameId: string, gameStatus: number): FanOutGame => ({ nbaGameId, gameStatus });
const json = (value: unknown): FakeAnswer => ({ status: 200, json: value });
const EVENT_A = "cd0bc7d0c238f4446ce1c03d0cea7ec4";
const EVENT_B = "0123456789abcdef0123456789abcdef";
const EVENT_NEXT_DAY = "fedcba9876543210fedcba9876543210";

let server: HttpFake;
let answers: Map<string, FakeAnswer>;
const sources: HttpSource[] = [];

function source(schedule?: readonly FanOutGame[] | Error, breakerFailures?: number): HttpSource {
  const lookups: string[] = [];
  const http = new HttpSource({
    config: testConfig(breakerFailures),
    env: { ODDS_API_KEY: "secret-key" },
    baseUrls: Object.fromEntries(SOURCE_FAMILIES.map((f) => [f, server.url])),
    ...(schedule === undefined
      ? {}
      : {
          scheduledGames: (date: string) => {
            lookups.push(date);
            return schedule instanceof Error ? Promise.reject(schedule) : Promise.resolve(schedule);
          },
        }),
  });
  sources.push(http);
  return http;
}

const requested = (): string[] => server.requests.map(fanOutKey);

beforeEach(async () => {
  answers = new Map();
  server = await startFanOutFake(answers);
});

afterEach(async () => {
  await Promise.all(sources.splice(0).map((s) => s.close()));
  await server.stop();
});

describe("the http source fans a date out into its games, events or teams", () => {
  test("per game: one request per tipped game of the stored schedule, answers stored as one array in game id order", async () => {
    answers.set(boxscorePath("0022400561"), json({ resource: "boxscore", id: 561 }));
    answers.set(boxscorePath("0022400560"), json({ resource: "boxscore", id: 560 }));
    const progress: [number, number][] = [];
    const fetched = await source([game("0022400561", 3), game("0022400560", 2), game("0022400562", 1)]).fetch(scraper("nbac_team_boxscore"), { key: DATE, gameDate: DATE }, (done, total) => progress.push([done, total]));
    expect(requested()).toEqual([boxscorePath("0022400560"), boxscorePath("0022400561")]);
    // The run's heartbeat hears of each part, so a long fan-out is progress, not a stall.
    expect(progress).toEqual([[0, 2], [1, 2]]);
    expect(JSON.parse(fetched.text)).toEqual([{ resource: "boxscore", id: 560 }, { resource: "boxscore", id: 561 }]);
    expect(fetched.missing).toBeUndefined();
    expect(fetched.empty).toBeUndefined();
    expect(fetched.origin).toContain(`${server.url}/stats/boxscoretraditionalv2?`);
  });

  test("play-by-play goes to the CDN path of each game", async () => {
    answers.set(playByPlayPath("0022400500"), json({ game: { gameId: "0022400500", actions: [] } }));
    const fetched = await source([game("0022400500", 3)]).fetch(scraper("nbac_play_by_play"), { key: DATE, gameDate: DATE });
    expect(requested()).toEqual([playByPlayPath("0022400500")]);
    expect(JSON.parse(fetched.text)).toEqual([{ game: { gameId: "0022400500", actions: [] } }]);
  });

  test("a game whose request fails is named with its reason (the run will be partial); the others are kept", async () => {
    answers.set(boxscorePath("0022400561"), json({ id: 561 }));
    const fetched = await source([game("0022400561", 3), game("0022400563", 3)]).fetch(scraper("nbac_team_boxscore"), { key: DATE, gameDate: DATE });
    expect(JSON.parse(fetched.text)).toEqual([{ id: 561 }]);
    expect(fetched.missing).toEqual([{ key: "0022400563", reason: expect.stringMatching(/nbac_team_boxscore: GET .*GameID=0022400563.* 404/) as unknown }]);
  });

  test("a failing game is retried like any call: a 500 then 200 loses nothing", async () => {
    let calls = 0;
    await server.stop();
    server = await startHttpFake(() => (++calls === 1 ? { status: 500, json: {} } : json({ ok: calls })));
    const fetched = await source([game("0022400561", 3)]).fetch(scraper("nbac_team_boxscore"), { key: DATE, gameDate: DATE });
    expect(calls).toBe(2);
    expect(JSON.parse(fetched.text)).toEqual([{ ok: 2 }]);
    expect(fetched.missing).toBeUndefined();
  });

  test("every game failing fails the fetch, naming them all", async () => {
    await expect(source([game("0022400561", 3), game("0022400563", 3)]).fetch(scraper("nbac_team_boxscore"), { key: DATE, gameDate: DATE })).rejects.toMatchObject({
      code: "SOURCE_FAILED",
      message: expect.stringMatching(/all 2 game requests failed \(0022400561, 0022400563\)/) as unknown,
    });
  });

  test("no game on the date is empty (no_games_scheduled); games not tipped yet are empty (source_not_final); nothing is requested", async () => {
    const none = await source([]).fetch(scraper("nbac_team_boxscore"), { key: DATE, gameDate: DATE });
    expect(none.empty).toBe("no_games_scheduled");
    const notYet = await source([game("0022400561", 1)]).fetch(scraper("nbac_play_by_play"), { key: DATE, gameDate: DATE });
    expect(notYet.empty).toBe("source_not_final");
    expect(server.requests).toHaveLength(0);
  });

  test("a schedule lookup that fails fails the fetch (never an empty day); without a lookup per-game scrapers refuse", async () => {
    await expect(source(new Error("warehouse down")).fetch(scraper("nbac_team_boxscore"), { key: DATE, gameDate: DATE })).rejects.toThrow(/schedule lookup failed.*warehouse down/);
    await expect(source().fetch(scraper("nbac_play_by_play"), { key: DATE, gameDate: DATE })).rejects.toThrow(/needs the stored schedule/);
    expect(server.requests).toHaveLength(0);
  });

  test("per event: the events of the ET date (commence_time is UTC), then each event's odds with the key", async () => {
    answers.set(EVENTS_PATH, json([
      // 03:20 UTC on the 25th is the evening of the 24th in Eastern time.
      { id: EVENT_A, commence_time: "2024-01-25T03:20:30Z", home_team: "Golden State Warriors", away_team: "Atlanta Hawks" },
      { id: EVENT_B, commence_time: "2024-01-25T00:10:00Z", home_team: "Boston Celtics", away_team: "Miami Heat" },
      { id: EVENT_NEXT_DAY, commence_time: "2024-01-26T00:10:00Z", home_team: "Boston Celtics", away_team: "New York Knicks" },
    ]));
    answers.set(eventOddsPath(EVENT_A), json({ id: EVENT_A }));
    answers.set(eventOddsPath(EVENT_B), json({ id: EVENT_B }));
    const fetched = await source().fetch(scraper("oddsa_game_lines"), { key: DATE, gameDate: DATE });
    expect(requested()).toEqual([EVENTS_PATH, eventOddsPath(EVENT_B), eventOddsPath(EVENT_A)]);
    expect(server.requests[0]!.query).toMatchObject({ commenceTimeFrom: "2024-01-24T05:00:00Z", commenceTimeTo: "2024-01-25T05:00:00Z", apiKey: "secret-key" });
    expect(server.requests[1]!.query).toMatchObject({ markets: "spreads,totals", apiKey: "secret-key" });
    expect(JSON.parse(fetched.text)).toEqual([{ id: EVENT_B }, { id: EVENT_A }]);
    expect(fetched.origin).not.toContain("secret-key");
  });

  test("historical events snapshots are read too; an event whose odds fail is named; player props ask for player_points", async () => {
    answers.set(EVENTS_PATH, json({ timestamp: "2024-01-24T16:00:00Z", data: [
      { id: EVENT_A, commence_time: "2024-01-25T03:20:30Z", home_team: "Golden State Warriors", away_team: "Atlanta Hawks" },
      { id: EVENT_B, commence_time: "2024-01-25T00:10:00Z", home_team: "Boston Celtics", away_team: "Miami Heat" },
    ] }));
    answers.set(eventOddsPath(EVENT_A), json({ id: EVENT_A }));
    const fetched = await source().fetch(scraper("oddsa_player_props"), { key: DATE, gameDate: DATE });
    expect(server.requests.find((r) => r.path === eventOddsPath(EVENT_A))?.query).toMatchObject({ markets: "player_points" });
    expect(JSON.parse(fetched.text)).toEqual([{ id: EVENT_A }]);
    expect(fetched.missing?.map((m) => m.key)).toEqual([EVENT_B]);
    expect(fetched.missing?.[0]?.reason).not.toContain("secret-key");
  });

  test("no event on the date is empty when the schedule has no game that day, and a real gap when it has games", async () => {
    answers.set(EVENTS_PATH, json([]));
    expect((await source([]).fetch(scraper("oddsa_game_lines"), { key: DATE, gameDate: DATE })).empty).toBe("no_games_scheduled");
    await expect(source([game("0022400561", 1)]).fetch(scraper("oddsa_game_lines"), { key: DATE, gameDate: DATE })).rejects.toThrow(/no event on 2024-01-24 while the schedule has 1 game/);
  });

  test("an events list that fails fails the fetch: the date's events are unknown", async () => {
    await expect(source().fetch(scraper("oddsa_player_props"), { key: DATE, gameDate: DATE })).rejects.toMatchObject({ code: "SOURCE_FAILED", message: expect.stringMatching(/oddsa_events: GET .*\/events\?.* 404/) as unknown });
    expect(requested()).toEqual([EVENTS_PATH]);
  });

  test("per team: the 30 teams' rosters, one request each with its NBA.com team id, stored as one array", async () => {
    for (const team of TEAMS) answers.set(rosterPath(team.teamId), json({ team: team.tricode }));
    const fetched = await source().fetch(scraper("nbac_team_roster"), { key: DATE, gameDate: DATE });
    expect(server.requests).toHaveLength(30);
    expect(new Set(server.requests.map((r) => r.query.TeamID))).toEqual(new Set(TEAMS.map((t) => String(t.teamId))));
    expect(server.requests[0]!.query).toMatchObject({ Season: "2023-24", LeagueID: "00" });
    expect((JSON.parse(fetched.text) as { team: string }[]).map((r) => r.team)).toEqual(TEAMS.map((t) => t.tricode));
  });

  test("once the source's breaker opens, the remaining parts fail fast without a request and are named", async () => {
    await server.stop();
    server = await startHttpFake(() => ({ status: 500, json: {} }));
    const http = source([game("0022400561", 3), game("0022400562", 3), game("0022400563", 3)], 2);
    await expect(http.fetch(scraper("nbac_team_boxscore"), { key: DATE, gameDate: DATE })).rejects.toThrow(/all 3 game requests failed/);
    // Two attempts open the breaker on the first game; the other two are refused without a request.
    expect(server.requests).toHaveLength(2);
  });

  test("declared equals running: exactly the scrapers fanned out by games or events declare reading the schedule, and their jobs may read nba_raw", () => {
    const bySchedule = Object.entries(FAN_OUT).filter(([, unit]) => unit !== "team").map(([name]) => name).sort();
    expect(catalog.scrapers.filter((s) => s.readsSchedule).map((s) => s.name).sort()).toEqual(bySchedule);
    for (const spec of catalog.scrapers) {
      expect([spec.name, catalog.roles.find((r) => r.name === spec.role)?.datasetsRead]).toEqual([spec.name, spec.readsSchedule ? ["nba_raw"] : []]);
    }
  });

  test("declared equals running: a scraper job gets exactly the API key secret its live endpoint sends, under the variable the http source reads", () => {
    for (const spec of catalog.scrapers) {
      const endpoint = HTTP_REQUESTS[spec.name];
      const credential = endpoint ? SOURCE_CREDENTIALS[endpoint.family] : undefined;
      const keySecrets = (catalog.roles.find((r) => r.name === spec.role)?.secrets ?? []).filter((name) => name.endsWith("-api-key"));
      expect([spec.name, keySecrets.map(secretValueVariable)]).toEqual([spec.name, credential ? [credential.env] : []]);
    }
  });
});
