import { COMMENT_MARKER, UNKNOWN_AFTER_APPLY, code, formatChange, renderJson, renderMarkdown, reviewChanges, type Review } from "../../infra/review";
import { changed, created, destroyed, schema } from "./support/changes";

function sampleReview(): Review {
  const table = { table_id: "games", schema: schema(["game_id", "STRING"], ["points", "INT64"]), time_partitioning: { type: "DAY", field: "game_date" } };
  return reviewChanges({
    stacks: [
      {
        name: "nba-props-dev",
        source: "synthesized",
        changes: [
          destroyed("google_bigquery_table", table, "nba_raw--games"),
          changed("google_bigquery_table", table, { ...table, schema: schema(["game_id", "STRING"], ["assists", "INT64"]) }, "nba_raw--box"),
          changed("google_cloud_scheduler_job", { name: "j", retry_config: { retry_count: 3 } }, { name: "j", retry_config: { retry_count: 1 } }, "j"),
          created("google_pubsub_topic", { name: "t" }, "t"),
        ],
      },
      { name: "nba-props-prod", source: "plan", changes: [] },
    ],
    policyViolations: [{ rule: "pubsub-topic-has-subscription", severity: "error", resource: "nba-props-dev/google_pubsub_topic.t", message: "no subscription reads this topic" }],
  });
}

describe("markdown for a pull-request comment", () => {
  const markdown = renderMarkdown(sampleReview());
  const lines = markdown.split("\n");

  test("the first line is the verdict, with counts of what the findings are about", () => {
    expect(lines[0]).toMatch(/^\*\*Plan review: HIGH RISK\*\*: 4 high-risk findings and 1 medium-risk finding in 4 changes \(/);
    expect(lines[0]).toContain("2 BigQuery data deleted");
    expect(lines[0]).toContain("1 policy violation");
  });

  test("a counts table per stack and in total", () => {
    expect(markdown).toContain("| stack | create | update | replace | destroy |");
    expect(markdown).toContain("| nba-props-dev | 1 | 1 | 1 | 1 |");
    expect(markdown).toContain("| **total** | 1 | 1 | 1 | 1 |");
  });

  test("high-risk findings come before medium ones, each naming its address, reason and rule", () => {
    const high = markdown.indexOf("### High risk");
    const medium = markdown.indexOf("### Medium risk");
    expect(high).toBeGreaterThan(0);
    expect(medium).toBeGreaterThan(high);
    expect(markdown).toContain("- `s/google_bigquery_table.nba_raw--games`: table games is destroyed with all its data _(bigquery-data-deleted)_");
    expect(markdown.indexOf("retry limits change")).toBeGreaterThan(medium);
  });

  test("each stack's changes are collapsed, grouped by action and type, with diffs; schemas as columns", () => {
    expect(markdown).toContain("<details>\n<summary>nba-props-dev (from the synthesized outputs): 1 to create, 1 to update, 1 to replace, 1 to destroy</summary>");
    expect(markdown).toContain("<summary>nba-props-prod (from the recorded plan): 0 to create, 0 to update, 0 to replace, 0 to destroy</summary>");
    expect(markdown).toContain("- `google_bigquery_table` (1): `nba_raw--games`");
    expect(markdown).toContain("- `nba_raw--box` (replaced because schema changes)");
    expect(markdown).toContain("    - `schema`: removed `points`; added `assists` (INT64 NULLABLE)");
    expect(markdown).toContain("    - `retry_config.retry_count`: `3` → `1`");
  });

  test("ends with the hidden marker the workflow finds its comment by", () => {
    expect(markdown.trimEnd().endsWith(COMMENT_MARKER)).toBe(true);
    expect(markdown.split(COMMENT_MARKER)).toHaveLength(2);
  });

  test("stack details that would not fit are summarized, never cut mid-way", () => {
    const short = renderMarkdown(sampleReview(), 1500);
    expect(short.length).toBeLessThanOrEqual(1500 + 200);
    expect(short).not.toContain("<details>");
    expect(short).toContain("Details of nba-props-dev, nba-props-prod are too long for a comment");
    expect(short).toContain(COMMENT_MARKER);
  });

  test("no changes says so", () => {
    const none = renderMarkdown(reviewChanges({ stacks: [{ name: "s", source: "synthesized", changes: [] }], policyViolations: [] }));
    expect(none.split("\n")[0]).toBe("**Plan review: NO CHANGES**: nothing to create, update, replace or destroy");
  });

  test("values with backticks or HTML cannot break the comment", () => {
    expect(code("a`b")).toBe("``a`b``");
    const review = reviewChanges({
      stacks: [{ name: "s", source: "synthesized", changes: [changed("google_pubsub_topic", { name: "t", labels: { x: "<b>" } }, { name: "t", labels: { x: "`</details>`" } })] }],
      policyViolations: [],
    });
    expect(renderMarkdown(review)).toContain("`` `</details>` ``");
  });
});

describe("long values in diffs", () => {
  test("two long values are shown from just before where they differ", () => {
    const before = `metric.type="x" AND ${"a".repeat(200)} AND one_of("s1")`;
    const after = `metric.type="x" AND ${"a".repeat(200)} AND one_of("s1","s2")`;
    const [from, to] = formatChange(before, after);
    expect(from.startsWith("…")).toBe(true);
    expect(to).toContain('"s1","s2")');
    expect(to.length).toBeLessThanOrEqual(120);
  });

  test("short values are shown whole, and a removed value as (unset)", () => {
    expect(formatChange("600s", undefined)).toEqual(["600s", "(unset)"]);
  });

  test("values known only after apply share one line; an update with nothing visible says so", () => {
    const plan = (before: Record<string, unknown>, after: Record<string, unknown>) => ({ ...changed("google_bigquery_table", before, after), source: "plan" as const });
    const review = reviewChanges({
      stacks: [
        {
          name: "s",
          source: "plan",
          changes: [plan({ etag: "a", id: "x", description: "old" }, { etag: UNKNOWN_AFTER_APPLY, id: UNKNOWN_AFTER_APPLY, description: "new" }), { ...plan({ a: "(sensitive)" }, { a: "(sensitive)" }), name: "quiet" }],
        },
      ],
      policyViolations: [],
    });
    const markdown = renderMarkdown(review);
    expect(markdown).toContain("    - `description`: `old` → `new`\n    - known after apply: `etag`, `id`");
    expect(markdown).toContain("  - `quiet`\n    - only sensitive values change");
  });
});

describe("JSON output", () => {
  test("has exactly verdict, counts and findings at the top level", () => {
    const json = JSON.parse(renderJson(sampleReview())) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["verdict", "counts", "findings"]);
    expect(json.verdict).toBe("high");
    expect(json.counts).toEqual({ create: 1, update: 1, replace: 1, destroy: 1 });
    expect(json.findings).toContainEqual({
      risk: "high",
      address: "s/google_bigquery_table.nba_raw--box",
      kind: "google_bigquery_table",
      reason: expect.stringContaining("replaced"),
      rule: "bigquery-data-deleted",
    });
  });
});
