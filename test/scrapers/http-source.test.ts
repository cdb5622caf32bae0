import type { ScraperDefinition } from "../../runtime/scrapers/base/scraper-definition";
import { SOURCE_FAMILIES, parseScrapersConfig, type ScrapersConfig } from "../../runtime/scrapers/config/scrapers-config";
import { SOURCE_BREAKERS_COLLECTION, docStoreBreakerStates, type BreakerStates } from "../../runtime/scrapers/http/breaker-states";
import { HttpSourceError } from "../../runtime/scrapers/http/http-source-error";
import { HttpSource } from "../../runtime/scrapers/sources/http-source";
import { MemoryDocStore } from "../support/memory-doc-store";
import { startScriptedServer, type ScriptedHttpServer } from "../support/scripted-http-server";

/** A scraper as the http source sees it: only its name matters here. */
function scraper(name: string): ScraperDefinition {
  return {
    spec: { name, description: name, scope: "date", family: "test", role: `scraper-${name}`, critical: false, stallLimitSeconds: 60 },
    countRecords: () => 0,
    simulate: () => ({}),
  };
}

const BOX = scraper("nbac_player_boxscore");
const DAY = { key: "2025-03-15", gameDate: "2025-03-15" };

interface TestKnobs {
  readonly attempts?: number;
  readonly initialMs?: number;
  readonly timeoutMs?: number;
  readonly breakerFailures?: number;
  readonly halfOpenMs?: number;
  readonly requestsPerMinute?: number;
  readonly maxRetryAfterMs?: number;
}

/** A config with tiny, jitter-free waits, so the tests can assert them. */
function testConfig(knobs: TestKnobs = {}): ScrapersConfig {
  const source = {
    rate_limit: { requests_per_minute: knobs.requestsPerMinute ?? 6000 },
    circuit_breaker: { consecutive_failures: knobs.breakerFailures ?? 50, half_open_after_ms: knobs.halfOpenMs ?? 60_000 },
  };
  const entry = {
    criticality: "critical",
    attempts: knobs.attempts ?? 3,
    backoff: { initial_ms: knobs.initialMs ?? 40, max_ms: 1000, jitter: "none" },
    timeout_ms: knobs.timeoutMs ?? 2000,
    max_retry_after_ms: knobs.maxRetryAfterMs ?? 5000,
  };
  return parseScrapersConfig({
    sources: Object.fromEntries(SOURCE_FAMILIES.map((f) => [f, source])),
    scrapers: Object.fromEntries(["nbac_schedule", "nbac_player_boxscore", "oddsa_events", "bdl_box_scores", "nbac_team_boxscore"].map((n) => [n, entry])),
  });
}

let server: ScriptedHttpServer;
const sources: HttpSource[] = [];

function httpSource(knobs: TestKnobs = {}, env: Record<string, string> = {}, breakerStates?: BreakerStates): HttpSource {
  const baseUrls = Object.fromEntries(SOURCE_FAMILIES.map((f) => [f, server.baseUrl]));
  const source = new HttpSource({ config: testConfig(knobs), env, baseUrls, ...(breakerStates ? { breakerStates } : {}) });
  sources.push(source);
  return source;
}

async function failureOf(work: Promise<unknown>): Promise<HttpSourceError> {
  try {
    await work;
  } catch (err) {
    if (err instanceof HttpSourceError) return err;
    throw err;
  }
  throw new Error("expected the fetch to fail");
}

const gaps = (): number[] => server.requests.slice(1).map((r, i) => r.at - server.requests[i]!.at);

beforeEach(async () => {
  server = await startScriptedServer();
});

afterEach(async () => {
  await Promise.all(sources.splice(0).map((s) => s.close()));
  await server.stop();
});

describe("the http source against a loopback server", () => {
  test("200: the body (gzip decoded), from the real path with NBA.com's browser headers", async () => {
    server.script({ status: 200, body: '{"resultSets":[]}', gzip: true });
    const fetched = await httpSource().fetch(BOX, DAY);
    expect(fetched.text).toBe('{"resultSets":[]}');
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.url).toBe("/stats/leaguegamelog?Counter=1000&DateFrom=03%2F15%2F2025&DateTo=03%2F15%2F2025&Direction=DESC&LeagueID=00&PlayerOrTeam=P&Season=2024-25&SeasonType=Regular+Season&Sorter=DATE");
    expect(request!.headers).toMatchObject({ "x-nba-stats-origin": "stats", "x-nba-stats-token": "true", referer: "https://www.nba.com/", origin: "https://www.nba.com", "accept-encoding": "gzip, deflate, br" });
    expect(request!.headers["user-agent"]).toMatch(/^Mozilla\/5\.0/);
    expect(fetched.origin).toBe(`${server.baseUrl}${request!.url}`);
  });

  test("a body that does not decode (gzip claimed, not sent) fails once as PAYLOAD_NOT_JSON, not retried", async () => {
    server.fallback = { status: 200, body: "not gzip", headers: { "content-encoding": "gzip" } };
    await expect(httpSource({ attempts: 3, initialMs: 5 }).fetch(BOX, DAY)).rejects.toMatchObject({ code: "PAYLOAD_NOT_JSON", message: expect.stringMatching(/the body does not decode/) });
    expect(server.requests).toHaveLength(1);
  });

  test("500, 500, 200: three attempts, waiting the exponential backoff between them", async () => {
    server.script({ status: 500 }, { status: 500 });
    const fetched = await httpSource({ attempts: 3, initialMs: 60 }).fetch(BOX, DAY);
    expect(fetched.text).toBe("{}");
    expect(server.requests).toHaveLength(3);
    const [first, second] = gaps();
    expect(first).toBeGreaterThanOrEqual(55);
    expect(second).toBeGreaterThanOrEqual(115);
    expect(first).toBeLessThan(1000);
    expect(second).toBeLessThan(1000);
  });

  test("500 every time: retried up to the attempts, then an error naming scraper, URL, status and attempts", async () => {
    server.fallback = { status: 500 };
    const err = await failureOf(httpSource({ attempts: 4, initialMs: 5 }).fetch(BOX, DAY));
    expect(server.requests).toHaveLength(4);
    expect(err).toMatchObject({ code: "SOURCE_FAILED", scraper: "nbac_player_boxscore", reason: "status", status: 500, attempts: 4 });
    expect(err.message).toBe(`nbac_player_boxscore: GET ${server.baseUrl}${server.requests[0]!.url} answered HTTP 500 (4 attempts)`);
  });

  test.each([400, 401, 403, 404, 422])("%i is answered once, never retried (the default no-retry codes)", async (status) => {
    server.fallback = { status };
    const err = await failureOf(httpSource({ attempts: 5, initialMs: 5 }).fetch(BOX, DAY));
    expect(server.requests).toHaveLength(1);
    expect(err).toMatchObject({ reason: "status", status, attempts: 1 });
  });

  test("429 with Retry-After: 1 waits that second, not the (tiny) backoff, then succeeds", async () => {
    server.script({ status: 429, headers: { "retry-after": "1" } });
    await httpSource({ attempts: 3, initialMs: 5 }).fetch(BOX, DAY);
    expect(server.requests).toHaveLength(2);
    expect(gaps()[0]).toBeGreaterThanOrEqual(990);
    expect(gaps()[0]).toBeLessThan(2500);
  });

  test("429 asking for longer than max_retry_after_ms is not waited for: the call fails at once", async () => {
    server.fallback = { status: 429, headers: { "retry-after": "3600" } };
    const err = await failureOf(httpSource({ attempts: 3, maxRetryAfterMs: 10_000 }).fetch(BOX, DAY));
    expect(server.requests).toHaveLength(1);
    expect(err.message).toMatch(/answered HTTP 429 \(Retry-After 3600000 ms\) \(1 attempt\)$/);
  });

  test("a server that never answers: each attempt is aborted at the timeout (the socket is closed)", async () => {
    server.fallback = "never";
    const started = Date.now();
    const err = await failureOf(httpSource({ attempts: 2, initialMs: 5, timeoutMs: 150 }).fetch(BOX, DAY));
    const elapsed = Date.now() - started;
    expect(err).toMatchObject({ reason: "timeout", attempts: 2 });
    expect(err.message).toMatch(/no answer within 150 ms \(aborted\) \(2 attempts\)$/);
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(1500);
    expect(server.requests).toHaveLength(2);
    // The server sees each request closed by the client about when its timeout struck (the client's
    // clock starts before the request reaches the server, so the server sees a little less).
    await new Promise((r) => setTimeout(r, 50));
    for (const request of server.requests) {
      expect(request.closedAt).toBeDefined();
      expect(request.closedAt! - request.at).toBeGreaterThanOrEqual(100);
      expect(request.closedAt! - request.at).toBeLessThan(600);
    }
  });

  test("the breaker opens after N failed attempts, fails fast without a request, then half-opens and closes on success", async () => {
    server.fallback = { status: 503 };
    const source = httpSource({ attempts: 1, breakerFailures: 3, halfOpenMs: 300 });
    for (let i = 0; i < 3; i++) expect(await failureOf(source.fetch(BOX, DAY))).toMatchObject({ reason: "status", status: 503 });
    expect(server.requests).toHaveLength(3);

    // Open: fails fast, nothing reaches the server, and a sibling scraper of the same source is refused too.
    const started = Date.now();
    expect(await failureOf(source.fetch(BOX, DAY))).toMatchObject({ reason: "circuit_open", attempts: 0 });
    expect(await failureOf(source.fetch(scraper("nbac_schedule"), { key: "2024-25", gameDate: "2025-03-15" }))).toMatchObject({ reason: "circuit_open" });
    expect(Date.now() - started).toBeLessThan(100);
    expect(server.requests).toHaveLength(3);

    // Half-open after 300 ms: one trial call goes through; its success closes the breaker.
    await new Promise((r) => setTimeout(r, 350));
    server.fallback = { status: 200, body: "{}" };
    expect((await source.fetch(BOX, DAY)).text).toBe("{}");
    expect((await source.fetch(BOX, DAY)).text).toBe("{}");
    expect(server.requests).toHaveLength(5);
  });

  test("the breaker's state outlives the process: a job execution after the one that opened it fails fast, until half-open", async () => {
    const docStore = new MemoryDocStore();
    const states = docStoreBreakerStates(docStore, () => new Date("2025-03-16T10:00:00Z"));
    server.fallback = { status: 500 };
    const first = httpSource({ attempts: 1, breakerFailures: 2, halfOpenMs: 300 }, {}, states);
    await failureOf(first.fetch(BOX, DAY));
    await failureOf(first.fetch(BOX, DAY));
    expect(await docStore.get(SOURCE_BREAKERS_COLLECTION, "nba_stats")).toMatchObject({ source: "nba_stats", state: { ownState: { value: 1 } } });

    const next = httpSource({ attempts: 1, breakerFailures: 2, halfOpenMs: 300 }, {}, states);
    expect(await failureOf(next.fetch(BOX, DAY))).toMatchObject({ reason: "circuit_open", attempts: 0 });
    expect(server.requests).toHaveLength(2);

    await new Promise((r) => setTimeout(r, 350));
    server.fallback = { status: 200, body: "{}" };
    const later = httpSource({ attempts: 1, breakerFailures: 2, halfOpenMs: 300 }, {}, states);
    expect((await later.fetch(BOX, DAY)).text).toBe("{}");
    expect(await docStore.get(SOURCE_BREAKERS_COLLECTION, "nba_stats")).toMatchObject({ state: { ownState: { value: 0 } } });
  });

  test("a failed trial call in the half-open state opens the breaker again", async () => {
    server.fallback = { status: 500 };
    const source = httpSource({ attempts: 1, breakerFailures: 2, halfOpenMs: 200 });
    await failureOf(source.fetch(BOX, DAY));
    await failureOf(source.fetch(BOX, DAY));
    await new Promise((r) => setTimeout(r, 250));
    expect(await failureOf(source.fetch(BOX, DAY))).toMatchObject({ reason: "status", status: 500 });
    expect(await failureOf(source.fetch(BOX, DAY))).toMatchObject({ reason: "circuit_open" });
    expect(server.requests).toHaveLength(3);
  });

  test("4xx about one request does not count against the source's breaker", async () => {
    server.fallback = { status: 404 };
    const source = httpSource({ attempts: 1, breakerFailures: 2 });
    for (let i = 0; i < 4; i++) expect(await failureOf(source.fetch(BOX, DAY))).toMatchObject({ reason: "status", status: 404 });
    expect(server.requests).toHaveLength(4);
  });

  test("retries stop when the breaker opens mid-call: one retry layer, never more attempts than configured", async () => {
    server.fallback = { status: 500 };
    const err = await failureOf(httpSource({ attempts: 5, initialMs: 5, breakerFailures: 2 }).fetch(BOX, DAY));
    expect(server.requests).toHaveLength(2);
    expect(err).toMatchObject({ reason: "circuit_open", attempts: 2 });
  });

  test("the rate limit spaces request starts to one source", async () => {
    const source = httpSource({ requestsPerMinute: 600 });
    for (let i = 0; i < 4; i++) await source.fetch(BOX, DAY);
    expect(server.requests).toHaveLength(4);
    // 600 a minute: starts 100 ms apart, although the server answers at once. (The first request
    // also opens the connection, so its arrival is late by that; the gaps after it are the gate's.)
    // Arrivals carry scheduling noise on a loaded machine; two gate intervals still span 200 ms.
    const [, second, third] = gaps();
    expect(second! + third!).toBeGreaterThanOrEqual(170);
    for (const gap of [second!, third!]) expect(gap).toBeGreaterThanOrEqual(60);
  });

  test("The Odds API key goes in the query, never in the origin or an error", async () => {
    const key = "secret-odds-key-123";
    server.script({ status: 200, body: "[]" }, { status: 401 });
    const source = httpSource({}, { ODDS_API_KEY: key });
    const day = { key: "2025-03-09", gameDate: "2025-03-09" };
    const fetched = await source.fetch(scraper("oddsa_events"), day);
    expect(new URL(server.requests[0]!.url, server.baseUrl).searchParams.get("apiKey")).toBe(key);
    // 2025-03-09 is the day EDT starts: midnight ET is 05:00 UTC, the next midnight 04:00 UTC.
    expect(new URL(server.requests[0]!.url, server.baseUrl).searchParams.get("commenceTimeFrom")).toBe("2025-03-09T05:00:00Z");
    expect(new URL(server.requests[0]!.url, server.baseUrl).searchParams.get("commenceTimeTo")).toBe("2025-03-10T04:00:00Z");
    expect(fetched.origin).not.toContain(key);
    const err = await failureOf(source.fetch(scraper("oddsa_events"), day));
    expect(err.message).not.toContain(key);
    expect(err.url).not.toContain(key);
    expect(err).toMatchObject({ status: 401, attempts: 1 });
  });

  test("Ball Don't Lie gets its key in Authorization; a missing key fails before any request", async () => {
    await httpSource({}, { BDL_API_KEY: "bdl-key" }).fetch(scraper("bdl_box_scores"), { key: "2024-01-15", gameDate: "2024-01-15" });
    expect(server.requests[0]).toMatchObject({ url: "/v1/box_scores?date=2024-01-15", headers: expect.objectContaining({ authorization: "bdl-key" }) });
    const err = await failureOf(httpSource().fetch(scraper("bdl_box_scores"), { key: "2024-01-15", gameDate: "2024-01-15" }));
    expect(err).toMatchObject({ reason: "credential_missing" });
    expect(err.message).toMatch(/BDL_API_KEY is not set/);
    expect(server.requests).toHaveLength(1);
  });

  test("a scope the endpoint cannot use is refused before any request, saying what the key must be", async () => {
    // A date is fanned out into its games (http-fan-out.test.ts); anything else must be a game id.
    const err = await failureOf(httpSource().fetch(scraper("nbac_team_boxscore"), { key: "LAL", gameDate: "2025-03-15" }));
    expect(err.message).toMatch(/nbac_team_boxscore is called per game: scope key must be the NBA game id/);
    expect(server.requests).toHaveLength(0);
  });

  test("a scraper with no entry in the config is an error naming the file", async () => {
    await expect(httpSource().fetch(scraper("nbac_injury_report"), DAY)).rejects.toThrow(/scrapers\.nbac_injury_report: no entry for this scraper/);
  });
});
