import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSynthesizedStacks, type SynthesizedStack } from "../../infra/policy";
import { PlanFormatError, PlanStackError, parsePlan, planReview, readPlanFile, renderMarkdown, type Review, type TerraformPlan } from "../../infra/review";
import { catalog } from "../../runtime/catalog";
import { testEnvironment } from "../infra/support/environments";
import { synthToTemp, type Synthesized } from "../infra/support/synth";
import { changeAt, rulesAt } from "./support/review-fixtures";

const FIXTURE = join(__dirname, "fixtures", "plan-nba-props-dev.json");
const DEV = "nba-props-dev";

// The head is the real catalog with the real environment files, whose dev project the recorded
// plan was made for; the plan alone decides what changes in that stack.
let head: Synthesized;
let headStacks: SynthesizedStack[];
let review: Review;

beforeAll(() => {
  head = synthToTemp();
  headStacks = loadSynthesizedStacks(head.dir);
  review = planReview({ head: headStacks, plan: { plan: readPlanFile(FIXTURE) } });
});
afterAll(() => head.cleanup());

const fixtureJson = (): Record<string, unknown> => JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>;

describe("a recorded terraform show -json plan", () => {
  test("is matched to the stack deploying to its provider's project", () => {
    expect(review.stacks.map((s) => [s.name, s.source])).toEqual([[DEV, "plan"]]);
  });

  test.each([
    ["google_bigquery_table.nba_raw--nbac_play_by_play", "destroy", ["bigquery-data-deleted:high"]],
    ["google_bigquery_table.nba_raw--nbac_injury_report", "replace", ["bigquery-data-deleted:high", "bigquery-partitioning-or-clustering-changed:high"]],
    ["google_pubsub_subscription.nba-phase1-scrapers-complete--raw-processors", "update", ["pubsub-dead-letter-policy-removed:high"]],
    ["google_pubsub_subscription.nba-phase2-raw-complete--analytics-processors", "update", ["pubsub-message-retention-shortened:high"]],
    ["google_pubsub_topic.nba-phase7-extra", "create", []],
    ["google_monitoring_notification_channel.slack--nba-alerts", "update", []],
  ] as const)("%s: %s %j", (resource, action, rules) => {
    const address = `${DEV}/${resource}`;
    expect(changeAt(review, address).action).toBe(action);
    expect(rulesAt(review, address)).toEqual([...rules].sort());
  });

  test("no-op and data-source reads are not changes; counts follow the actions", () => {
    expect(review.counts).toEqual({ create: 1, update: 3, replace: 1, destroy: 1 });
    expect(review.verdict).toBe("high");
  });

  test("a replace says why: the plan's replace_paths, list indexes dropped", () => {
    expect(changeAt(review, `${DEV}/google_bigquery_table.nba_raw--nbac_injury_report`).replacedBecause).toEqual(["time_partitioning.field"]);
  });

  test("values known only after apply are shown as such", () => {
    expect(changeAt(review, `${DEV}/google_bigquery_table.nba_raw--nbac_injury_report`).attributeDiffs).toContainEqual({
      path: "time_partitioning.expiration_ms",
      before: 0,
      after: "(known after apply)",
    });
  });

  test("sensitive values never reach the review", () => {
    const markdown = renderMarkdown(review);
    expect(markdown).not.toMatch(/SECRET/);
    expect(JSON.stringify(review)).not.toMatch(/SECRET/);
  });

  test("the stack can be named explicitly, and an unknown one is refused", () => {
    const plan = readPlanFile(FIXTURE);
    expect(planReview({ head: headStacks, plan: { plan, stack: "nba-props-prod" } }).stacks.map((s) => s.name)).toEqual(["nba-props-prod"]);
    expect(() => planReview({ head: headStacks, plan: { plan, stack: "nba-props-qa" } })).toThrow(PlanStackError);
  });

  test("a plan for a project no stack deploys to needs --stack", () => {
    const json = fixtureJson();
    json.configuration = { provider_config: { google: { expressions: { project: { constant_value: "someone-else" } } } } };
    const plan = parsePlan(json, "other.json");
    expect(() => planReview({ head: headStacks, plan: { plan } })).toThrow(/cannot tell which stack .* project someone-else.*pass --stack/);
  });
});

describe("input that is not a plan is refused, naming the field", () => {
  const attempt = (mutate: (json: Record<string, unknown>) => void): string => {
    const json = fixtureJson();
    mutate(json);
    try {
      parsePlan(json, "plan.json");
    } catch (err) {
      if (err instanceof PlanFormatError) return err.message;
      throw err;
    }
    throw new Error("the plan was accepted");
  };

  test("a missing format_version", () => {
    expect(attempt((j) => delete j.format_version)).toMatch(/^plan\.json is not a terraform show -json plan: format_version: /);
  });

  test("another major version of the format", () => {
    expect(attempt((j) => (j.format_version = "2.0"))).toMatch(/format_version: must be 1\.x/);
  });

  test("an action Terraform does not have", () => {
    expect(attempt((j) => ((j.resource_changes as { change: { actions: string[] } }[])[1]!.change.actions = ["destroy"]))).toMatch(/resource_changes\[1\]\.change\.actions\[0\]/);
  });

  test("a state file (no planned_values, no resource_changes)", () => {
    expect(attempt((j) => {
      delete j.planned_values;
      delete j.resource_changes;
    })).toMatch(/planned_values: missing: .*state file/);
  });

  test("text that is not JSON", () => {
    expect(() => readPlanFile(__filename)).toThrow(/is not JSON/);
  });
});

describe("a plan reproducing a synthesized base/head diff", () => {
  // What Terraform would plan for the same change: the synthesized bodies in plan shape (nested
  // blocks as lists, no CDKTF metadata), computed attributes Terraform adds, and actions as
  // Terraform decides them (the repartitioned table is replaced because of its partition field).
  type Body = Record<string, unknown>;
  type Stack = { resource: Record<string, Record<string, Body>> };
  const MAPS = new Set(["labels", "user_labels", "headers", "limits", "attributes"]);
  const isObj = (v: unknown): v is Body => typeof v === "object" && v !== null && !Array.isArray(v);
  const planShape = (body: Body): Body =>
    Object.fromEntries(
      Object.entries(body)
        .filter(([k]) => k !== "//" && k !== "depends_on")
        .map(([k, v]) => [k, isObj(v) && !MAPS.has(k) ? [planShape(v)] : Array.isArray(v) ? (v as unknown[]).map((x): unknown => (isObj(x) ? planShape(x) : x)) : v]),
    );
  const sameBody = (a: Body | undefined, b: Body | undefined): boolean => JSON.stringify(planShape(a ?? {})) === JSON.stringify(planShape(b ?? {}));

  function planOf(base: Stack, next: Stack, replaced: Readonly<Record<string, (string | number)[][]>>): TerraformPlan {
    const keys = new Set<string>();
    for (const tf of [base, next]) for (const [type, byName] of Object.entries(tf.resource)) for (const name of Object.keys(byName)) keys.add(`${type}.${name}`);
    const resourceChanges = [...keys].sort().map((key) => {
      const [type = "", name = ""] = key.split(/\.(.*)/s);
      const before = base.resource[type]?.[name];
      const after = next.resource[type]?.[name];
      const id = `projects/nba-props-dev/${type}/${name}`;
      const actions = !before ? ["create"] : !after ? ["delete"] : sameBody(before, after) ? ["no-op"] : replaced[key] ? ["delete", "create"] : ["update"];
      return {
        address: key,
        mode: "managed",
        type,
        name,
        provider_name: "registry.terraform.io/hashicorp/google",
        change: {
          actions,
          before: before ? { ...planShape(before), id, etag: "BwYZ" } : null,
          after: after ? planShape(after) : null,
          after_unknown: after ? { id: !before || Boolean(replaced[key]), etag: true } : {},
          before_sensitive: before ? {} : false,
          after_sensitive: after ? {} : false,
          ...(replaced[key] ? { replace_paths: replaced[key] } : {}),
        },
        ...(replaced[key] ? { action_reason: "replace_because_cannot_update" } : {}),
      };
    });
    return parsePlan({ format_version: "1.2", terraform_version: "1.9.8", planned_values: { root_module: {} }, resource_changes: resourceChanges }, "reproduced.json");
  }

  let base: Synthesized;
  let changed: Synthesized;
  beforeAll(() => {
    // One stack each side keeps this fast; the catalog edits are the ones synthesized-review covers.
    const environments = [testEnvironment()];
    base = synthToTemp({ environments });
    changed = synthToTemp({
      environments,
      catalog: {
        ...catalog,
        tables: catalog.tables
          .filter((t) => t.name !== "nbac_play_by_play")
          .map((t) => (t.name === "nbac_injury_report" && t.partitioning.kind === "time" ? { ...t, partitioning: { ...t.partitioning, field: "game_date" } } : t)),
        processors: catalog.processors.filter((p) => p.output !== "nba_raw.nbac_play_by_play").map((p) => ({ ...p, inputs: p.inputs.filter((i) => i !== "nba_raw.nbac_play_by_play") })),
        // The 2->3 transition no longer waits for the processor that wrote it.
        transitions: catalog.transitions.map((t) => ({ ...t, expected: { ...t.expected, overnight: t.expected.overnight.filter((e) => e.processor !== "nbac_play_by_play"), backfill: t.expected.backfill.filter((e) => e.processor !== "nbac_play_by_play") } })),
        topics: catalog.topics.map((t) => ({ ...t, subscriptions: t.subscriptions.map((s) => (s.name === "nba-phase2-raw-complete--phase-orchestrator" ? { ...s, messageRetentionSeconds: 3600 } : s)) })),
      },
    });
  });
  afterAll(() => {
    base.cleanup();
    changed.cleanup();
  });

  test("yields the same findings and counts as comparing the synthesized outputs", () => {
    const stack = "nba-props-dev";
    const baseStacks = loadSynthesizedStacks(base.dir);
    const headStacks = loadSynthesizedStacks(changed.dir);
    const plan = planOf(base.json.get(stack) as Stack, changed.json.get(stack) as Stack, {
      "google_bigquery_table.nba_raw--nbac_injury_report": [["time_partitioning", 0, "field"]],
    });
    const fromSynth = planReview({ base: baseStacks, head: headStacks });
    const fromPlan = planReview({ base: baseStacks, head: headStacks, plan: { plan } });
    expect(fromPlan.stacks.map((s) => s.source)).toEqual(["plan"]);
    expect(fromSynth.findings.length).toBeGreaterThanOrEqual(4);
    expect(fromPlan.findings).toEqual(fromSynth.findings);
    expect(fromPlan.counts).toEqual(fromSynth.counts);
    expect(fromPlan.verdict).toBe(fromSynth.verdict);
  });
});
