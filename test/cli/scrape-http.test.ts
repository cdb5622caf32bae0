import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { runCliWithEnv as withEnv } from "../support/cli";
import { describeWithSamples, samplePath } from "../support/samples";
import { startScriptedServer, type ScriptedHttpServer } from "../support/scripted-http-server";
import { useTempDir } from "../support/temp-dir";

const DATE = "2025-03-15";

describeWithSamples("nba-props scrape --source http (the live endpoint on a loopback server serving the real 2025-03-15 leaguegamelog)", () => {
  const tmp = useTempDir("scrape-http");
  let server: ScriptedHttpServer;
  let base: Record<string, string>;
  const leaguegamelog = readFileSync(samplePath("nbac_player_boxscore", DATE, "leaguegamelog.json"), "utf8");
  const schedule = gunzipSync(readFileSync(samplePath("nbac_schedule", "2024-25", "schedule.json.gz"))).toString("utf8");

  beforeEach(async () => {
    server = await startScriptedServer();
    server.fallback = { status: 200, body: leaguegamelog, gzip: true };
    base = { NBA_PROPS_HTTP_BASE_URL_NBA_STATS: server.baseUrl, NBA_PROPS_BACKEND: "local" };
  });
  afterEach(() => server.stop());

  test("locally: one GET of stats.nba.com's leaguegamelog path, the payload stored, the raw processor loads its 157 player lines", async () => {
    const dataDir = join(tmp(), "local");
    // Box scores are judged against the schedule: it is scraped first, from the same live source.
    server.script({ status: 200, body: schedule, gzip: true });
    const loaded = await withEnv(base, ["scrape", "nbac_schedule", "--source", "http", "--date", DATE, "--data-dir", dataDir, "--json"]);
    expect(loaded.code).toBe(0);
    const result = await withEnv(base, ["scrape", "nbac_player_boxscore", "--source", "http", "--date", DATE, "--data-dir", dataDir, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      scraper: "nbac_player_boxscore",
      scope: DATE,
      game_date: DATE,
      status: "success",
      records: 157,
      raw_runs: [{ processor: "nbac_player_boxscores", status: "success", rows_written: 157 }],
    });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.url).toMatch(/^\/stats\/scheduleleaguev2\?/);
    expect(server.requests[1]!.url).toMatch(/^\/stats\/leaguegamelog\?.*DateFrom=03%2F15%2F2025/);

    // The data dir now holds live data: the sim source is refused there.
    const sim = await withEnv(base, ["scrape", "nbac_player_boxscore", "--source", "sim", "--date", DATE, "--data-dir", dataDir]);
    expect(sim.code).toBe(2);
    expect(sim.stderr).toMatch(/holds http data and this run's source is sim/);
  });

  test("a 403 is not retried: the run fails (exit 1) naming the URL, the status and one attempt", async () => {
    server.fallback = { status: 403, body: "blocked" };
    const result = await withEnv(base, ["scrape", "nbac_player_boxscore", "--source", "http", "--date", DATE, "--data-dir", join(tmp(), "blocked"), "--json"]);
    expect(result.code).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: "failed",
      error_message: expect.stringMatching(new RegExp(`^nbac_player_boxscore: GET ${server.baseUrl}/stats/leaguegamelog\\?\\S+ answered HTTP 403 \\(1 attempt\\)$`)),
    });
  });

  test("a base-URL variable naming no source is refused, naming it", async () => {
    const result = await withEnv({ ...base, NBA_PROPS_HTTP_BASE_URL_ESPN: "http://127.0.0.1:1" }, ["scrape", "nbac_player_boxscore", "--source", "http", "--date", DATE, "--data-dir", join(tmp(), "bad")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/NBA_PROPS_HTTP_BASE_URL_ESPN names no source/);
    expect(server.requests).toHaveLength(0);
  });
});
