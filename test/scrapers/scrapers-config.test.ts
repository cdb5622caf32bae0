import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { catalog } from "../../runtime/catalog";
import { DEFAULT_SCRAPERS_CONFIG_FILE, ScrapersConfigError, loadScrapersConfig, parseScrapersConfig } from "../../runtime/scrapers/config/scrapers-config";
import { DEFAULT_BASE_URLS, HTTP_REQUESTS } from "../../runtime/scrapers/sources/http-request-table";
import { useTempDir } from "../support/temp-dir";

/** Every scraper issue 8 names (DOMAIN §1, §3.1b); the catalog gains the rest as their engineers merge. */
const ALL_SCRAPERS = [
  "nbac_schedule",
  "nbac_player_boxscore",
  "nbac_team_boxscore",
  "nbac_play_by_play",
  "nbac_injury_report",
  "nbac_team_roster",
  "nbac_scoreboard_v2",
  "nbac_player_movement",
  "bdl_box_scores",
  "oddsa_events",
  "oddsa_player_props",
  "oddsa_game_lines",
  "bp_events",
  "bp_player_props",
];

const raw = (): Record<string, unknown> => parseYaml(readFileSync(DEFAULT_SCRAPERS_CONFIG_FILE, "utf8")) as Record<string, unknown>;

function problemsOf(input: unknown): string[] {
  try {
    parseScrapersConfig(input, "configs/scrapers.yaml");
  } catch (err) {
    if (err instanceof ScrapersConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

function withScraper(entry: Record<string, unknown>): Record<string, unknown> {
  const config = raw();
  return { ...config, scrapers: { ...(config.scrapers as Record<string, unknown>), nbac_schedule: entry } };
}

describe("configs/scrapers.yaml", () => {
  const tmp = useTempDir("scrapers-config");

  test("the shipped file parses and covers the 14 scrapers of issue 8, each with a live endpoint, and nothing else", () => {
    const config = loadScrapersConfig();
    expect(Object.keys(config.scrapers).sort()).toEqual([...ALL_SCRAPERS].sort());
    expect(Object.keys(HTTP_REQUESTS).sort()).toEqual([...ALL_SCRAPERS].sort());
  });

  test("its scrapers are exactly the catalog's: an entry no scraper runs, or a scraper with no entry, is an error", () => {
    expect(Object.keys(loadScrapersConfig().scrapers).sort()).toEqual(catalog.scrapers.map((s) => s.name).sort());
  });

  test.each(catalog.scrapers.map((s) => [s.name, s.critical]))("catalog scraper %s has an entry (critical in the catalog = criticality critical)", (name, critical) => {
    const entry = loadScrapersConfig().scrapers[name];
    expect(entry).toBeDefined();
    expect(entry!.criticality === "critical").toBe(critical);
  });

  test("defaults live in the schema: an entry with only its criticality gets them", () => {
    const config = parseScrapersConfig(withScraper({ criticality: "optional" }));
    expect(config.scrapers.nbac_schedule).toEqual({
      criticality: "optional",
      attempts: 3,
      backoff: { initial_ms: 1000, max_ms: 30_000, jitter: "decorrelated" },
      timeout_ms: 30_000,
      no_retry_status_codes: [400, 401, 403, 404, 422],
      max_retry_after_ms: 120_000,
      alert_after_consecutive_failures: 3,
    });
  });

  test("an unknown key is an error naming the key and the allowed ones", () => {
    expect(problemsOf(withScraper({ criticality: "critical", retries: 8 }))).toEqual([
      "scrapers.nbac_schedule.retries: unknown key; allowed keys: criticality, attempts, backoff, timeout_ms, no_retry_status_codes, max_retry_after_ms, alert_after_consecutive_failures",
    ]);
    const config = raw();
    const sources = config.sources as Record<string, Record<string, unknown>>;
    expect(problemsOf({ ...config, sources: { ...sources, bdl: { ...sources.bdl, burst: 3 } } })).toEqual([
      "sources.bdl.burst: unknown key; allowed keys: rate_limit, circuit_breaker",
    ]);
    expect(problemsOf({ ...config, retry: {} })).toEqual(["retry: unknown key; allowed keys: sources, scrapers"]);
  });

  test("bad values name the key and the value received", () => {
    expect(problemsOf(withScraper({ criticality: "vital", attempts: 0 }))).toEqual([
      'scrapers.nbac_schedule.criticality: Invalid option: expected one of "critical"|"important"|"optional" (received "vital")',
      "scrapers.nbac_schedule.attempts: Too small: expected number to be >=1 (received 0)",
    ]);
    expect(problemsOf(withScraper({ criticality: "critical", no_retry_status_codes: [403, 429] }))).toEqual([
      "scrapers.nbac_schedule.no_retry_status_codes: 429 is answered by waiting for Retry-After; it cannot be a no-retry code (received [403,429])",
    ]);
    expect(problemsOf(withScraper({ criticality: "critical", backoff: { initial_ms: 5000, max_ms: 100 } }))).toEqual([
      'scrapers.nbac_schedule.backoff: backoff.initial_ms must not exceed backoff.max_ms (received {"initial_ms":5000,"max_ms":100})',
    ]);
    const config = raw();
    const { bdl: _dropped, ...sources } = config.sources as Record<string, unknown>;
    expect(problemsOf({ ...config, sources })).toEqual([expect.stringMatching(/^sources\.bdl: /)]);
  });

  test("a file that is not YAML is an error naming the file", () => {
    const file = join(tmp(), "scrapers.yaml");
    writeFileSync(file, "scrapers: [unclosed\n");
    expect(() => loadScrapersConfig(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: invalid scrapers config\\n  cannot read as YAML`));
  });
});

describe("the live endpoint table", () => {
  const scopes: Record<string, string> = {
    nbac_schedule: "2024-25",
    nbac_team_boxscore: "0022400561",
    nbac_play_by_play: "0022400500",
    nbac_team_roster: "NYK",
    oddsa_player_props: "e912304de2b2ce35b473ce2ecd3d1502",
    oddsa_game_lines: "e912304de2b2ce35b473ce2ecd3d1502",
  };

  test.each(ALL_SCRAPERS)("%s builds a request on its source's real host", (name) => {
    const endpoint = HTTP_REQUESTS[name]!;
    const target = endpoint.target({ key: scopes[name] ?? "2025-01-15", gameDate: "2025-01-15" });
    const url = new URL(target.path, DEFAULT_BASE_URLS[endpoint.family]);
    expect(url.protocol).toBe("https:");
    expect(url.pathname).toBe(target.path);
  });

  test("per-game, per-event and per-team endpoints say what their scope key must be", () => {
    expect(() => HTTP_REQUESTS.nbac_play_by_play!.target({ key: "2025-01-06", gameDate: "2025-01-06" })).toThrow(/scope key must be the NBA game id/);
    expect(() => HTTP_REQUESTS.oddsa_player_props!.target({ key: "2025-01-06", gameDate: "2025-01-06" })).toThrow(/The Odds API event id/);
    expect(HTTP_REQUESTS.nbac_team_roster!.target({ key: "NYK", gameDate: "2025-01-06" }).query).toMatchObject({ TeamID: "1610612752", Season: "2024-25" });
    expect(() => HTTP_REQUESTS.nbac_team_roster!.target({ key: "XXX", gameDate: "2025-01-06" })).toThrow(/per team/);
  });
});
