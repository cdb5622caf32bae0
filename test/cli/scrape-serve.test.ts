import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { resolveBackend } from "../../runtime/cli/backend-option";
import { UsageError } from "../../runtime/cli/exit-codes";
import { GcpEnvironmentError } from "../../runtime/platform/gcp/gcp-environment";
import { openPlatform } from "../../runtime/platform/open-platform";
import { runCliCaptured } from "../support/cli";
import { useTempDir } from "../support/temp-dir";

describe("--backend local|gcp", () => {
  test("the flag wins, then NBA_PROPS_BACKEND, then local; a bad value names where it came from", () => {
    expect(resolveBackend(undefined, {})).toBe("local");
    expect(resolveBackend(undefined, { NBA_PROPS_BACKEND: "gcp" })).toBe("gcp");
    expect(resolveBackend("local", { NBA_PROPS_BACKEND: "gcp" })).toBe("local");
    expect(() => resolveBackend(undefined, { NBA_PROPS_BACKEND: "aws" })).toThrow(new UsageError("NBA_PROPS_BACKEND=aws: expected one of local, gcp"));
  });

  test("opening gcp without the stacks' environment fails at start-up, naming every missing variable", async () => {
    const opened = openPlatform({ backend: "gcp", dataDir: "unused", env: {} });
    await expect(opened).rejects.toBeInstanceOf(GcpEnvironmentError);
    await expect(opened).rejects.toMatchObject({
      problems: [
        expect.stringMatching(/^NBA_PROPS_COMPONENT is missing \(one of the catalog roles \(.*raw-processors.*\)\)$/),
        "NBA_PROPS_ENV is missing (dev or prod)",
        expect.stringMatching(/^GOOGLE_CLOUD_PROJECT is missing /),
        expect.stringMatching(/^NBA_PROPS_REGION is missing /),
        expect.stringMatching(/^NBA_PROPS_BIGQUERY_LOCATION is missing /),
      ],
    });
    await expect(opened).rejects.toThrow(/^GCP environment is invalid: NBA_PROPS_COMPONENT is missing/);
  });
});

describe("nba-props scrape", () => {
  const tmp = useTempDir("scrape");

  test("stores the payload, publishes phase 1, and locally runs the raw processor on it", async () => {
    // The box scores are judged against the schedule's games for the date, so the schedule comes first.
    expect((await runCliCaptured(["scrape", "nbac_schedule", "--date", "2025-03-15", "--data-dir", join(tmp(), "d"), "--json"])).code).toBe(0);
    const result = await runCliCaptured(["scrape", "nbac_player_boxscore", "--date", "2025-03-15", "--data-dir", join(tmp(), "d"), "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      scraper: "nbac_player_boxscore",
      scope: "2025-03-15",
      status: "success",
      raw_runs: [{ processor: "nbac_player_boxscores", status: "success" }],
    });
  });

  test.each([
    [["scrape", "nbac_nothing"], /unknown scraper "nbac_nothing"/],
    [["scrape", "nbac_schedule", "--date", "someday"], /--date: "someday" is not a date/],
    [["scrape", "nbac_schedule", "--backend", "gcp", "--replay-dir", "."], /--replay-dir is only used with --source replay/],
    [["scrape", "nbac_schedule", "--source", "live"], /'live' is invalid\. Allowed choices are sim, replay, http/],
    [["scrape", "nbac_schedule", "--backend", "gcp", "--source", "sim"], /sim source invents data/],
    [["pipeline", "--date", "2025-03-15", "--backend", "gcp"], /--backend gcp needs --source replay/],
    [["serve", "--role", "exporter"], /--role exporter: no such service role/],
  ])("%j is a usage error", async (argv, message) => {
    const result = await runCliCaptured(argv);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
  });
});

describe("nba-props serve as a process", () => {
  const tmp = useTempDir("serve-process");

  test("answers /health/live, and on SIGTERM exits 0 well inside Cloud Run's 10 s grace period", async () => {
    const port = 18000 + Math.floor(Math.random() * 1000);
    const child = spawn(process.execPath, [resolve(__dirname, "../../bin/nba-props.js"), "serve", "--role", "raw-processors", "--data-dir", join(tmp(), "d")], {
      env: { ...process.env, PORT: String(port), NBA_PROPS_BACKEND: "local" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    try {
      let live = 0;
      for (let i = 0; i < 120 && live !== 200; i++) {
        live = await fetch(`http://127.0.0.1:${port}/health/live`).then(
          (r) => r.status,
          () => 0,
        );
        if (live !== 200) await new Promise((r) => setTimeout(r, 250));
      }
      expect(live).toBe(200);
      const signalled = Date.now();
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect(stderr).toMatch(/SIGTERM: stopping raw-processors/);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
