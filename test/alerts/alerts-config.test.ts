import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { AlertsConfigError, DEFAULT_ALERTS_CONFIG_FILE, loadAlertsConfig, parseAlertsConfig } from "../../runtime/alerts/alerts-config";
import { openAlertRouter } from "../../runtime/alerts/open-alert-router";
import { routeAlert } from "../../runtime/alerts/route-alert";
import { catalog } from "../../runtime/catalog";
import { silentLogger } from "../../runtime/monitoring/logger";
import { FileDocStore } from "../../runtime/platform/local/file-doc-store";
import { InProcessBus } from "../../runtime/platform/local/in-process-bus";
import { openLocalPlatform } from "../../runtime/platform/local/local-platform";
import { fixedClock } from "../../runtime/platform/ports/clock";

const raw = (): Record<string, unknown> => parseYaml(readFileSync(DEFAULT_ALERTS_CONFIG_FILE, "utf8")) as Record<string, unknown>;

function problemsOf(input: unknown): string[] {
  try {
    parseAlertsConfig(input, "configs/alerts.yaml");
  } catch (err) {
    if (err instanceof AlertsConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

const GCP_ENV = { SLACK_WEBHOOK_URL: "https://hooks.slack.test/services/T/B/X", SMTP_HOST: "smtp.example.org", SMTP_PORT: "587", SMTP_FROM: "alerts@example.org" };

function routerFor(profile: string, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "nba-props-alerts-config-"));
  try {
    return openAlertRouter({ docStore: new FileDocStore(dir), clock: fixedClock("2025-03-16T00:00:00Z"), logger: silentLogger(), bus: new InProcessBus({ topics: catalog.topics }), profile, env });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("configs/alerts.yaml", () => {
  test("the shipped file parses, and every profile routes every severity", () => {
    const config = loadAlertsConfig();
    const routed = (profile: string) => (["info", "warning", "error", "critical"] as const).map((s) => routeAlert(config.profiles[profile]?.routes ?? [], s, "run_failed"));
    const expected: Record<string, string[][]> = {
      local: [["console"], ["console"], ["console"], ["console"]],
      // What openGcpPlatform uses until Secret Manager values are read at start-up: everything to Cloud Logging.
      "gcp-log": [["log"], ["log"], ["log"], ["log"]],
      gcp: [["log"], ["log"], ["slack", "log"], ["slack", "email", "log"]],
    };
    expect(Object.keys(config.profiles).sort()).toEqual(Object.keys(expected).sort());
    for (const profile of Object.keys(config.profiles)) expect([profile, routed(profile)]).toEqual([profile, expected[profile]]);
    expect(config.limits.default).toEqual({ window_seconds: 3600, summary_threshold: 500, hourly_cap: 3 });
  });

  test("an unknown key is an error naming the file and the key", () => {
    const input = { ...raw(), retry: { max_attempts: 4, initial_delay_ms: 500, max_delay_ms: 8000, jitter: true } };
    expect(() => parseAlertsConfig(input, "configs/alerts.yaml")).toThrow("configs/alerts.yaml: invalid alerts config");
    expect(problemsOf(input)).toEqual(["retry.jitter: unknown key"]);
  });

  test("a secret value in the file is refused: channels only name environment variables", () => {
    const input = { ...raw(), channels: { slack: { kind: "slack", webhook_url: "https://hooks.slack.com/services/T/B/secret" } }, profiles: { local: { routes: [{ channels: ["slack"] }] } } };
    expect(problemsOf(input)).toEqual(["channels.slack.webhook_url: unknown key"]);
  });

  test("a route to an undeclared channel, and a profile without a catch-all route, are errors", () => {
    expect(problemsOf({ ...raw(), profiles: { local: { routes: [{ channels: ["pager"] }] } } })).toEqual([
      'profiles.local.routes.0.channels: "pager" is not a declared channel; declared: console, log, slack, email',
    ]);
    expect(problemsOf({ ...raw(), profiles: { local: { routes: [{ severities: ["error"], channels: ["console"] }] } } })).toEqual([
      expect.stringContaining("profiles.local.routes: the last route must match everything"),
    ]);
  });

  test("a file that is not YAML names the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "nba-props-alerts-yaml-"));
    try {
      writeFileSync(join(dir, "alerts.yaml"), "channels: [unclosed\n");
      expect(() => loadAlertsConfig(join(dir, "alerts.yaml"))).toThrow(`${join(dir, "alerts.yaml")}: invalid alerts config`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("start-up", () => {
  test("the gcp profile without its secrets fails at start-up, naming every missing variable", () => {
    let error: unknown;
    try {
      routerFor("gcp", {});
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AlertsConfigError);
    expect((error as AlertsConfigError).problems).toEqual([
      'profile gcp: channel "slack": environment variable SLACK_WEBHOOK_URL (the Slack incoming-webhook URL) is not set',
      'profile gcp: channel "email": environment variable SMTP_HOST (the SMTP host) is not set',
      'profile gcp: channel "email": environment variable SMTP_FROM (the sender address) is not set',
    ]);
  });

  test("the gcp profile starts when its secrets are in the environment (gcp-log needs none); half an SMTP login is an error", () => {
    expect(() => routerFor("gcp", GCP_ENV)).not.toThrow();
    expect(() => routerFor("gcp-log", {})).not.toThrow();
    expect(() => routerFor("gcp", { ...GCP_ENV, SMTP_USER: "alerts" })).toThrow('channel "email": set both SMTP_USER and SMTP_PASSWORD, or neither');
    expect(() => routerFor("staging", GCP_ENV)).toThrow('no routing profile "staging"; profiles: local, gcp-log, gcp');
  });

  test("openLocalPlatform refuses to start with a route to an unconfigured channel, and its notifier is the router", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nba-props-alerts-platform-"));
    try {
      await expect(openLocalPlatform({ dataDir: dir, logger: silentLogger(), alerts: { profile: "gcp", env: {} } })).rejects.toThrow("SLACK_WEBHOOK_URL");
      const lines: string[] = [];
      const platform = await openLocalPlatform({ dataDir: dir, logger: silentLogger(), alertStream: { write: (t: string) => lines.push(t) }, clock: fixedClock("2025-03-16T05:00:00Z") });
      try {
        for (let i = 0; i < 3; i++) await platform.notifier.notify({ severity: "warning", title: "late payload", message: `attempt ${i}`, context: { scope: "2025-03-15" } });
        expect(lines).toEqual(["[alert warning] late payload: attempt 0\n"]);
        expect(await platform.notifier.books()).toMatchObject({ raised: 3, delivered: 1, pending: 2, balanced: true });
      } finally {
        await platform.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
