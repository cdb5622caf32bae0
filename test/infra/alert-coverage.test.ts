import { readFileSync } from "node:fs";
import { join } from "node:path";
import { catalog } from "../../runtime/catalog";
import { runCliCaptured } from "../support/cli";
import { useTempDir } from "../support/temp-dir";
import { testEnvironment } from "./support/environments";
import { bodiesOf, mustGet, resourcesOf, synthToTemp, type Block, type Synthesized, type TerraformJson } from "./support/synth";

/**
 * Acceptance: every processor and scraper in the catalog is watched twice on the synthesized stack.
 *
 * 1. Failure on Google's own metrics: a policy with a threshold condition on
 *    run.googleapis.com/job/completed_execution_count (result="failed") for the Cloud Run job it
 *    runs in, or run.googleapis.com/request_count (5xx) for its service. Those fire when the
 *    container crashes before the runtime could log anything.
 * 2. Silence: a PromQL absent_over_time condition on a log-based metric for exactly that
 *    processor and phase. It does not fire on a date without games because the metric counts
 *    `run_finished` events whose status is no_data as well as success: below, the local pipeline
 *    runs on an off-season date (2025-07-15, no games), and every processor and scraper logs a
 *    run_finished event that the metric's filter matches (most of them with status no_data), so
 *    the series has a point that day and absent_over_time stays false. A processor that never
 *    ran has no point at all, and absent_over_time (unlike a classic absence condition) is true.
 */

const OFF_SEASON_DATE = "2025-07-15";
const runners = [
  ...catalog.scrapers.map((s) => ({ name: s.name, phase: "phase_1_scrapers", role: s.role })),
  ...catalog.processors.map((p) => ({ name: p.name, phase: p.phase, role: p.role })),
];

let synth: Synthesized;
let tf: TerraformJson;
beforeAll(() => {
  synth = synthToTemp({ environments: [testEnvironment()] });
  tf = mustGet(synth.json, "nba-props-dev");
});
afterAll(() => synth.cleanup());

type Condition = Record<string, Block | string | undefined>;
const conditionsOf = (policy: Block): Condition[] => (Array.isArray(policy.conditions) ? (policy.conditions as Condition[]) : []);
const allConditions = (): Condition[] => bodiesOf(tf, "google_monitoring_alert_policy").flatMap(conditionsOf);

function roleKind(role: string): "service" | "job" {
  const found = catalog.roles.find((r) => r.name === role);
  if (!found) throw new Error(`no role ${role}`);
  return found.kind;
}

/** The parts of a Cloud Logging filter this test evaluates: jsonPayload.<field>="v" or =("a" OR "b"). */
function jsonPayloadClauses(filter: string): Map<string, string[]> {
  const clauses = new Map<string, string[]>();
  for (const clause of filter.split(" AND ")) {
    const match = /^jsonPayload\.([A-Za-z_]+)=(.+)$/.exec(clause.trim());
    if (!match?.[1] || !match[2]) continue;
    const values = [...match[2].matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? "");
    clauses.set(match[1], values);
  }
  return clauses;
}

const matches = (entry: Record<string, unknown>, clauses: Map<string, string[]>): boolean =>
  [...clauses].every(([field, values]) => typeof entry[field] === "string" && values.includes(entry[field]));

describe("every processor and scraper has a built-in-metric failure alert", () => {
  test.each(runners.map((r) => [`${r.name} (${r.phase})`, r]))("%s", (_label, runner) => {
    const kind = roleKind(runner.role);
    const expected =
      kind === "job"
        ? ['metric.type="run.googleapis.com/job/completed_execution_count"', 'resource.type="cloud_run_job"', `resource.label.job_name="${runner.role}"`, 'metric.label.result="failed"']
        : ['metric.type="run.googleapis.com/request_count"', 'resource.type="cloud_run_revision"', `resource.label.service_name="${runner.role}"`, 'metric.label.response_code_class="5xx"'];
    const firing = allConditions().filter((c) => {
      const threshold = c.condition_threshold;
      if (typeof threshold !== "object") return false;
      const filter = String(threshold.filter);
      return expected.every((part) => filter.includes(part)) && threshold.comparison === "COMPARISON_GT" && threshold.threshold_value === 0;
    });
    expect(firing).toHaveLength(1);
  });
});

describe("every processor and scraper has a silence alert that a date without games does not fire", () => {
  let log: Record<string, unknown>[] = [];
  const tmp = useTempDir("off-season");

  beforeAll(async () => {
    const dataDir = join(tmp(), "data");
    const { code } = await runCliCaptured(["pipeline", "--date", OFF_SEASON_DATE, "--source", "sim", "--data-dir", dataDir, "--json"]);
    expect(code).toBe(0);
    log = readFileSync(join(dataDir, "nba-props.log"), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }, 60_000);

  test.each(runners.map((r) => [`${r.name} (${r.phase})`, r]))("%s", (_label, runner) => {
    const silence = allConditions()
      .map((c) => c.condition_prometheus_query_language)
      .filter((q): q is Block => typeof q === "object")
      .map((q) => String(q.query))
      .filter((query) => query.includes(`processor_name="${runner.name}"`) && query.includes(`phase="${runner.phase}"`));
    expect(silence).toHaveLength(1);
    const query = silence[0] ?? "";
    const metricName = /^absent_over_time\(logging_googleapis_com:user_([a-z0-9_]+)\{[^}]*\}\[\d+s\]\)$/.exec(query)?.[1];
    expect(metricName).toBeDefined();

    const metric = resourcesOf(tf, "google_logging_metric")[metricName ?? ""];
    expect(metric).toBeDefined();
    const clauses = jsonPayloadClauses(String(metric?.filter));
    expect(clauses.get("event")).toEqual(["run_finished"]);
    expect(clauses.get("status")).toEqual(expect.arrayContaining(["success", "no_data"]));

    // On the off-season date this runner logged a run the metric counts: the alert stays quiet.
    const counted = log.filter((e) => e.processor_name === runner.name && e.phase === runner.phase && matches(e, clauses));
    expect(counted.length).toBeGreaterThan(0);
  });

  test("on that date the date-scoped processors found no games and said so (no_data), which a success-only metric would have missed", () => {
    const seasonScoped = (input: string): boolean => catalog.scrapers.some((s) => s.name === input && s.scope === "season");
    // Rosters and the player movement feed are published every day, games or not; so is the registry built from rosters.
    const everyDay = ["nbac_team_rosters", "nbac_player_movement", "nba_players_registry"];
    const dateScoped = catalog.processors.filter((p) => !p.inputs.some(seasonScoped) && !everyDay.includes(p.name)).map((p) => p.name);
    const finished = log.filter((e) => e.event === "run_finished");
    const noData = finished.filter((e) => e.status === "no_data").map((e) => e.processor_name);
    expect(dateScoped.length).toBeGreaterThan(0);
    expect(noData).toEqual(expect.arrayContaining(dateScoped));
    expect(finished.filter((e) => e.status === "success").map((e) => e.processor_name)).toEqual(expect.arrayContaining(everyDay));
  });
});
