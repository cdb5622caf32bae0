import { readFileSync } from "node:fs";
import { runCliWithEnv } from "../support/cli";
import { startGcpTestEnv, type GcpTestEnv } from "../support/gcp-test-env";
import { describeWithSamples, samplePath } from "../support/samples";
import { startScriptedServer, type ScriptedHttpServer } from "../support/scripted-http-server";

const DATE = "2025-03-15";

describeWithSamples("scrape on the gcp backend (the scraper job as the stacks run it: `scrape nbac_player_boxscore --date D`)", () => {
  const leaguegamelog = readFileSync(samplePath("nbac_player_boxscore", DATE, "leaguegamelog.json"), "utf8");
  let gcp: GcpTestEnv;
  let server: ScriptedHttpServer;
  beforeAll(async () => {
    gcp = await startGcpTestEnv({ component: "scraper-nbac-player-boxscore" });
    server = await startScriptedServer();
    server.fallback = { status: 200, body: leaguegamelog, gzip: true };
  });
  afterAll(async () => {
    await server.stop();
    await gcp.stop();
  });

  test("uses the http source by default: the payload lands in the raw bucket and the phase-1 completion says http and 157 records", async () => {
    const result = await runCliWithEnv({ ...gcp.env, NBA_PROPS_HTTP_BASE_URL_NBA_STATS: server.baseUrl }, ["scrape", "nbac_player_boxscore", "--date", DATE, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: "success", records: 157, raw_runs: [] });
    expect(server.requests).toHaveLength(1);
    const stored = [...gcp.storage.objects.keys()].filter((k) => k.startsWith(`${gcp.bucket}/nba-com/nbac_player_boxscore/${DATE}/`));
    expect(stored).toHaveLength(1);
    expect(JSON.parse(gcp.storage.objects.get(stored[0]!)!.toString("utf8"))).toEqual(JSON.parse(leaguegamelog));
    const completions = gcp.pubsub.published.filter((m) => m.topic === "nba-phase1-scrapers-complete");
    expect(completions).toHaveLength(1);
    expect(completions[0]!.json).toMatchObject({ processor_name: "nbac_player_boxscore", status: "success", record_count: 157, metadata: { source_kind: "http" } });
  });
});
