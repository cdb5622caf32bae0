import {
  SENSITIVE_VALUE,
  UNKNOWN_AFTER_APPLY,
  actionOf,
  compareSchemas,
  diffAttributes,
  diffStack,
  normalizeAttributes,
  overlayMarkers,
  parseSchema,
  replacementCauses,
  schemaChangeForcesReplacement,
  type StackState,
} from "../../infra/review";
import { schema } from "./support/changes";

describe("normalizing synthesized JSON and plan values to one shape", () => {
  test("a plan's one-item block list equals CDKTF's single block; null and [] are absent", () => {
    const fromSynth = normalizeAttributes({ "//": { metadata: {} }, depends_on: ["x"], dead_letter_policy: { max_delivery_attempts: 5 }, labels: { a: "b" } });
    const fromPlan = normalizeAttributes({ dead_letter_policy: [{ max_delivery_attempts: 5, dead_letter_topic: null }], labels: { a: "b" }, filter: null, bigquery_config: [] });
    expect(fromPlan).toEqual(fromSynth);
    expect(fromSynth).toEqual({ dead_letter_policy: { max_delivery_attempts: 5 }, labels: { a: "b" } });
  });

  test("lists of plain values and lists of several blocks stay lists", () => {
    expect(normalizeAttributes({ clustering: ["a"], env: [{ name: "A" }, { name: "B" }] })).toEqual({ clustering: ["a"], env: [{ name: "A" }, { name: "B" }] });
  });

  test("unknown and sensitive markers overwrite values at their paths", () => {
    const value = { a: "1", b: [{ token: "secret", keep: "x" }] };
    expect(overlayMarkers(value, { a: true, b: [{ token: true }] }, "M")).toEqual({ a: "M", b: [{ token: "M", keep: "x" }] });
    expect(overlayMarkers(value, false, SENSITIVE_VALUE)).toBe(value);
    expect(overlayMarkers(undefined, { id: true }, UNKNOWN_AFTER_APPLY)).toEqual({ id: UNKNOWN_AFTER_APPLY });
  });
});

describe("attribute diffs", () => {
  test("name each changed leaf by its path, lists of blocks by index", () => {
    const before = normalizeAttributes({ retry_policy: { minimum_backoff: "10s" }, env: [{ name: "A", value: "1" }, { name: "B", value: "2" }], clustering: ["a", "b"] });
    const after = normalizeAttributes({ retry_policy: { minimum_backoff: "5s" }, env: [{ name: "A", value: "1" }, { name: "B", value: "3" }], clustering: ["b", "a"], ttl: "1s" });
    expect(diffAttributes(before, after)).toEqual([
      { path: "clustering", before: ["a", "b"], after: ["b", "a"] },
      { path: "env[1].value", before: "2", after: "3" },
      { path: "retry_policy.minimum_backoff", before: "10s", after: "5s" },
      { path: "ttl", before: undefined, after: "1s" },
    ]);
  });

  test("equal attributes have no diff", () => {
    expect(diffAttributes({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual([]);
  });
});

describe("replacement without a plan (the provider's ForceNew attributes)", () => {
  const table = { table_id: "t", dataset_id: "d", time_partitioning: { type: "DAY", field: "game_date" }, clustering: ["a"], schema: schema(["a", "STRING"], ["b", "INT64"]) };

  test.each([
    ["the partition field", { time_partitioning: { type: "DAY", field: "other" } }, ["time_partitioning.field"]],
    ["the table id", { table_id: "t2" }, ["table_id"]],
    ["a column type", { schema: schema(["a", "STRING"], ["b", "STRING"]) }, ["schema"]],
    ["clustering (updated in place)", { clustering: ["b"] }, []],
    ["the partition expiration (updated in place)", { time_partitioning: { type: "DAY", field: "game_date", expiration_ms: 1 } }, []],
    ["a dropped column alone (dropped in place)", { schema: schema(["a", "STRING"]) }, []],
    ["an added NULLABLE column", { schema: schema(["a", "STRING"], ["b", "INT64"], ["c", "STRING"]) }, []],
  ])("google_bigquery_table: %s", (_what, change, causes) => {
    expect(replacementCauses("google_bigquery_table", normalizeAttributes(table), normalizeAttributes({ ...table, ...change }))).toEqual(causes);
  });

  test("an IAM member cannot be updated; a subscription's topic forces replacement, its retention does not", () => {
    expect(replacementCauses("google_project_iam_member", { role: "a", member: "x" }, { role: "a", member: "y" })).toHaveLength(1);
    expect(replacementCauses("google_pubsub_subscription", { topic: "a" }, { topic: "b" })).toEqual(["topic"]);
    expect(replacementCauses("google_pubsub_subscription", { message_retention_duration: "1s" }, { message_retention_duration: "2s" })).toEqual([]);
  });

  test("schema changes follow the provider: mode loosening is in place, tightening and drop-with-add are not", () => {
    const forces = (before: string, after: string): boolean => schemaChangeForcesReplacement(compareSchemas(parseSchema(before)!, parseSchema(after)!));
    expect(forces(schema(["a", "STRING", "REQUIRED"]), schema(["a", "STRING", "NULLABLE"]))).toBe(false);
    expect(forces(schema(["a", "STRING", "NULLABLE"]), schema(["a", "STRING", "REQUIRED"]))).toBe(true);
    expect(forces(schema(["a", "STRING"], ["b", "STRING"]), schema(["a", "STRING"], ["c", "STRING"]))).toBe(true);
    expect(forces(schema(["a", "STRING"]), schema(["a", "STRING"], ["c", "STRING", "REQUIRED"]))).toBe(true);
    expect(forces(schema(["a", "INTEGER"]), schema(["a", "INT64"]))).toBe(false);
    expect(parseSchema("${var.schema}")).toBeUndefined();
  });
});

describe("a synthesized stack diff", () => {
  const stack = (resources: Record<string, Record<string, unknown>>): StackState => ({
    name: "s",
    resources: new Map(Object.entries(resources).map(([key, attributes]) => [key, { type: key.split(".")[0]!, name: key.split(".")[1]!, attributes: normalizeAttributes(attributes) }])),
  });

  test("classifies create, update, replace and destroy by address", () => {
    const base = stack({ "google_pubsub_topic.a": { name: "a" }, "google_pubsub_topic.b": { name: "b", labels: { x: "1" } }, "google_pubsub_topic.c": { name: "c" } });
    const head = stack({ "google_pubsub_topic.b": { name: "b", labels: { x: "2" } }, "google_pubsub_topic.c": { name: "c2" }, "google_pubsub_topic.d": { name: "d" } });
    expect(diffStack(base, head).map((c) => [c.address, c.action])).toEqual([
      ["s/google_pubsub_topic.a", "destroy"],
      ["s/google_pubsub_topic.b", "update"],
      ["s/google_pubsub_topic.c", "replace"],
      ["s/google_pubsub_topic.d", "create"],
    ]);
  });

  test("an identical stack has no changes", () => {
    expect(diffStack(stack({ "google_pubsub_topic.a": { name: "a" } }), stack({ "google_pubsub_topic.a": { name: "a" } }))).toEqual([]);
  });
});

describe("plan actions", () => {
  test.each([
    [["create"], "create"],
    [["update"], "update"],
    [["delete"], "destroy"],
    [["delete", "create"], "replace"],
    [["create", "delete"], "replace"],
    [["no-op"], undefined],
    [["read"], undefined],
    [["forget"], undefined],
  ] as const)("%j is %s", (actions, expected) => {
    expect(actionOf(actions)).toBe(expected);
  });
});
