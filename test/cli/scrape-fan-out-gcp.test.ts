import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { nbacSchedule } from "../../runtime/catalog/tables/nbac-schedule";
import { TEAMS } from "../../runtime/domain/teams";
import { openGcpPlatform } from "../../runtime/platform/gcp/open-gcp-platform";
import { scraperDefinitions } from "../../runtime/scrapers";
import { DEFAULT_SCRAPERS_CONFIG_FILE } from "../../runtime/scrapers/config/scrapers-config";
import { ReplaySource } from "../../runtime/scrapers/sources/replay-source";
import { runCliWithEnv } from "../support/cli";
import { EVENTS_PATH, boxscorePath, eventOddsPath, playByPlayPath, rosterPath, startFanOutFake } from "../support/fan-out-fake";
import { startGcpTestEnv, type GcpTestEnv } from "../support/gcp-test-env";
import type { FakeAnswer, HttpFake } from "../support/http-fake";
import { SAMPLES_DIR, describeWithSamples, samplePath } from "../support/samples";
import { scheduleRow } from "../support/schedule-row";

const BOX_DATE = "2025-01-15";
const PBP_DATE = "2025-01-06";
const PARTIAL_DATE = "2025-01-20";
const NO_GAMES_DATE = "2025-01-21";
const ODDS_DATE = "2024-01-24";
const EVENT = "cd0bc7d0c238f4446ce1c03d0cea7ec4";
const OTHER_EVENT = "0123456789abcdef0123456789abcdef";

const boxscore = readFileSync(samplePath("nbac_team_boxscore", BOX_DATE, "0022400561.json"), "utf8");
const playByPlay = gunzipSync(readFileSync(samplePath("nbac_play_by_play", PBP_DATE, "0022400500.json.gz"))).toString("utf8");
const gameLines = readFileSync(samplePath("oddsa_game_lines", ODDS_DATE, `${EVENT}.json`), "utf8");

/** A live player_points answer for the sample's event: two players at one book (no sample of this market exists). */
const playerProps = {
  id: EVENT,
  sport_key: "basketball_nba",
  commence_time: "2024-01-25T03:20:30Z",
  home_team: "Golden State Warriors",
  away_team: "Atlanta Hawks",
  bookmakers: [
    {
      key: "draftkings",
      title: "DraftKings",
      last_update: "2024-01-24T22:00:00Z",
      markets: [
        {
          key: "player_points",
          last_update: "2024-01-24T22:00:00Z",
          outcomes: [
            { name: "Over", description: "Stephen Curry", price: 1.87, point: 27.5 },
            { name: "Under", description: "Stephen Curry", price: 1.95, point: 27.5 },
            { name: "Over", description: "Trae Young", price: 1.91, point: 26.5 },
            { name: "Under", description: "Trae Young", price: 1.91, point: 26.5 },
          ],
        },
      ],
    },
  ],
};

/** One commonteamroster answer per team (a one-player roster: the shape is what matters here). */
const roster = (teamId: number): unknown => ({
  resource: "commonteamroster",
  parameters: { TeamID: teamId, LeagueID: "00", Season: "2024" },
  resultSets: [{ name: "CommonTeamRoster", headers: ["TeamID", "SEASON", "PLAYER", "NUM", "POSITION", "PLAYER_ID"], rowSet: [[teamId, "2024", "Test Player", "1", "G", teamId - 1610612000]] }],
});

const json = (value: unknown): FakeAnswer => ({ status: 200, json: value });

/** Spreads and totals outcomes of the sample, counted by hand from its structure. */
function outcomes(eventOdds: string): number {
  const { data } = JSON.parse(eventOdds) as { data: { bookmakers: { markets: { outcomes: unknown[] }[] }[] } };
  return data.bookmakers.reduce((n, b) => n + b.markets.reduce((m, market) => m + market.outcomes.length, 0), 0);
}

describeWithSamples("scrape of a per-game, per-event or per-team source on the gcp backend: the date is fanned out", () => {
  let gcp: GcpTestEnv;
  let server: HttpFake;
  let env: Record<string, string>;
  let configDir: string;
  const answers = new Map<string, FakeAnswer>();

  beforeAll(async () => {
    gcp = await startGcpTestEnv({ component: "scraper-nbac-team-boxscore" });
    server = await startFanOutFake(answers);
    answers.set(boxscorePath("0022400561"), { status: 200, body: Buffer.from(boxscore), headers: { "content-type": "application/json" } });
    answers.set(boxscorePath("0022400601"), { status: 200, body: Buffer.from(boxscore), headers: { "content-type": "application/json" } });
    answers.set(playByPlayPath("0022400500"), { status: 200, body: Buffer.from(playByPlay), headers: { "content-type": "application/json" } });
    answers.set(EVENTS_PATH, json([
      { id: EVENT, sport_key: "basketball_nba", commence_time: "2024-01-25T03:20:30Z", home_team: "Golden State Warriors", away_team: "Atlanta Hawks" },
      // The next ET day: not a game of 2024-01-24.
      { id: OTHER_EVENT, sport_key: "basketball_nba", commence_time: "2024-01-26T00:10:00Z", home_team: "Boston Celtics", away_team: "Miami Heat" },
    ]));
    answers.set(eventOddsPath(EVENT), { status: 200, body: Buffer.from(gameLines), headers: { "content-type": "application/json" } });
    for (const team of TEAMS) answers.set(rosterPath(team.teamId), json(roster(team.teamId)));
    // The shipped settings, with rate limits a test can wait for (stats.nba.com allows 20 a minute).
    configDir = mkdtempSync(join(tmpdir(), "fan-out-config-"));
    const config = parseYaml(readFileSync(DEFAULT_SCRAPERS_CONFIG_FILE, "utf8")) as { sources: Record<string, { rate_limit: { requests_per_minute: number } }> };
    for (const source of Object.values(config.sources)) source.rate_limit.requests_per_minute = 6000;
    writeFileSync(join(configDir, "scrapers.yaml"), stringifyYaml(config));
    env = {
      ...gcp.env,
      ODDS_API_KEY: "test-odds-key",
      ...Object.fromEntries(["NBA_STATS", "NBA_CDN", "ODDS_API"].map((s) => [`NBA_PROPS_HTTP_BASE_URL_${s}`, server.url])),
    };
    // The stored schedule the per-game scrapes fan out from (the nbac_schedule job loads it on GCP).
    const platform = await openGcpPlatform(gcp.env);
    try {
      await platform.warehouse.merge(nbacSchedule, [
        scheduleRow("0022400561", { canonical_game_id: "20250115_NYK_PHI", game_date: BOX_DATE, home_team_tricode: "PHI", away_team_tricode: "NYK", home_team_score: 119, away_team_score: 125, winning_team_tricode: "NYK" }),
        scheduleRow("0022400500", { canonical_game_id: "20250106_LAC_MIN", game_date: PBP_DATE, home_team_tricode: "MIN", away_team_tricode: "LAC", home_team_score: 108, away_team_score: 106, winning_team_tricode: "MIN" }),
        scheduleRow("0022400601", { canonical_game_id: "20250120_NYK_GSW", game_date: PARTIAL_DATE }),
        scheduleRow("0022400602", { canonical_game_id: "20250120_LAL_BOS", game_date: PARTIAL_DATE, home_team_tricode: "BOS", away_team_tricode: "LAL", winning_team_tricode: "BOS" }),
      ].map((r) => ({ ...r, source_kind: "http" })));
    } finally {
      await platform.close();
    }
  });
  afterAll(async () => {
    await server.stop();
    await gcp.stop();
    rmSync(configDir, { recursive: true, force: true });
  });

  async function scrape(scraper: string, date: string): Promise<{ code: number; report: Record<string, unknown> }> {
    const result = await runCliWithEnv(env, ["scrape", scraper, "--date", date, "--scrapers-config", join(configDir, "scrapers.yaml"), "--json"]);
    expect(result.stderr).toBe("");
    return { code: result.code, report: JSON.parse(result.stdout) as Record<string, unknown> };
  }

  function stored(scraper: string, date: string): unknown[] {
    const keys = [...gcp.storage.objects.keys()].filter((k) => k.includes(`/${scraper}/${date}/`));
    return keys.map((k) => JSON.parse(gcp.storage.objects.get(k)!.toString("utf8")) as unknown);
  }

  const completions = (scraper: string): Record<string, unknown>[] =>
    gcp.pubsub.published.filter((m) => m.topic === "nba-phase1-scrapers-complete" && (m.json as { processor_name?: string }).processor_name === scraper).map((m) => m.json as Record<string, unknown>);

  test.each([
    ["nbac_team_boxscore", BOX_DATE, [JSON.parse(boxscore)], 2],
    ["nbac_play_by_play", PBP_DATE, [JSON.parse(playByPlay)], 571],
    ["oddsa_game_lines", ODDS_DATE, [JSON.parse(gameLines)], outcomes(gameLines)],
  ])("scrape %s --date %s --backend gcp: one array of the per-game/per-event answers, as the replay layout holds them", async (scraper, date, payload, records) => {
    const { code, report } = await scrape(scraper, date);
    expect(code).toBe(0);
    expect(report).toMatchObject({ status: "success", records, raw_runs: [] });
    expect(stored(scraper, date)).toEqual([payload]);
    // What the replay source serves from the captured folder: the raw processors read both alike.
    const definition = scraperDefinitions.find((d) => d.spec.name === scraper)!;
    const replayed = await new ReplaySource(SAMPLES_DIR).fetch(definition, { key: date, gameDate: date });
    expect(stored(scraper, date)).toEqual([JSON.parse(replayed.text)]);
    expect(completions(scraper)).toEqual([expect.objectContaining({ status: "success", record_count: records, metadata: expect.objectContaining({ source_kind: "http" }) as unknown })]);
  });

  test("scrape oddsa_player_props: the events endpoint, then the player_points odds of the date's one event", async () => {
    answers.set(eventOddsPath(EVENT), json(playerProps));
    const { code, report } = await scrape("oddsa_player_props", ODDS_DATE);
    answers.set(eventOddsPath(EVENT), { status: 200, body: Buffer.from(gameLines) });
    expect(code).toBe(0);
    expect(report).toMatchObject({ status: "success", records: 2 });
    expect(stored("oddsa_player_props", ODDS_DATE)).toEqual([[playerProps]]);
    const oddsCalls = server.requests.filter((r) => r.path === eventOddsPath(EVENT) && r.query.markets === "player_points");
    expect(oddsCalls).toHaveLength(1);
    expect(server.requests.some((r) => r.path === eventOddsPath(OTHER_EVENT))).toBe(false);
  });

  test("scrape nbac_team_roster: the 30 teams, one request each, stored as one payload of 30 responses", async () => {
    const before = server.requests.length;
    const { code, report } = await scrape("nbac_team_roster", BOX_DATE);
    expect(code).toBe(0);
    expect(report).toMatchObject({ status: "success", records: 30 });
    expect(server.requests.slice(before).filter((r) => r.path === "/stats/commonteamroster")).toHaveLength(30);
    expect(stored("nbac_team_roster", BOX_DATE)).toEqual([TEAMS.map((t) => roster(t.teamId))]);
  });

  test("a game whose box score cannot be fetched makes the scrape partial, naming the game; the fetched game is stored and published", async () => {
    const { code, report } = await scrape("nbac_team_boxscore", PARTIAL_DATE);
    expect(code).toBe(0);
    expect(report).toMatchObject({ status: "partial", records: 2, error_message: expect.stringMatching(/1 request\(s\) failed: 0022400602 \(nbac_team_boxscore: GET .* 404/) as unknown });
    expect(stored("nbac_team_boxscore", PARTIAL_DATE)).toEqual([[JSON.parse(boxscore)]]);
    expect(completions("nbac_team_boxscore").filter((m) => m.game_date === PARTIAL_DATE)).toEqual([
      expect.objectContaining({ status: "partial", record_count: 2, metadata: expect.objectContaining({ missing_parts: ["0022400602"] }) as unknown }),
    ]);
  });

  test("a date without games is no_data: nothing requested, nothing stored, one no_data completion that says why", async () => {
    const before = server.requests.length;
    const { code, report } = await scrape("nbac_play_by_play", NO_GAMES_DATE);
    expect(code).toBe(0);
    expect(report).toMatchObject({ status: "no_data", records: 0 });
    expect(server.requests.length).toBe(before);
    expect(stored("nbac_play_by_play", NO_GAMES_DATE)).toEqual([]);
    expect(completions("nbac_play_by_play").filter((m) => m.game_date === NO_GAMES_DATE)).toEqual([
      expect.objectContaining({ status: "no_data", record_count: 0, metadata: expect.objectContaining({ empty_reason: "no_games_scheduled" }) as unknown }),
    ]);
  });

  test("a season whose schedule is not loaded fails the scrape (never a day without games)", async () => {
    const { code, report } = await scrape("nbac_team_boxscore", "2023-11-01");
    expect(code).toBe(1);
    expect(report).toMatchObject({ status: "failed", error_message: expect.stringMatching(/holds no game of season 2023-24: load nbac_schedule first/) as unknown });
  });
});
