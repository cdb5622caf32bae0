import type { Review } from "../../infra/review";
import { testEnvironment, testProdEnvironment } from "../infra/support/environments";
import { mustGet, synthToTemp, type Synthesized } from "../infra/support/synth";
import {
  applyEdits,
  mapColumns,
  mapSchedule,
  mapSubscription,
  mapTable,
  withTopic,
  withoutAlertPolicy,
  withoutSchedule,
  withoutTable,
  withoutTopic,
} from "./support/catalog-variants";
import { changeAt, mutatedCopy, reviewDirs, rulesAt } from "./support/review-fixtures";

// One base (the real catalog) and one head with many known changes, each on its own resource, so
// one synthesis per side classifies them all. Changes the catalog cannot express (a removed
// dead-letter policy, a public member, a broad role) are made on a copy of the head's JSON.
const environments = [testEnvironment(), testProdEnvironment()];

// The base declares two more topics than the real catalog, so the head can remove one and change the other.
const baseCatalog = applyEdits([
  withTopic("nba-phase6-export-trigger", "phase-orchestrator", "phase-orchestrator"),
  withTopic("nba-predictions-trigger", "phase-orchestrator", "phase-orchestrator"),
]);

const headCatalog = applyEdits([
  withoutTable("nba_raw.nbac_play_by_play"),
  mapTable("nba_raw.nbac_injury_report", (t) => (t.partitioning.kind === "time" ? { ...t, partitioning: { ...t.partitioning, field: "game_date" } } : t)),
  mapTable("nba_raw.bdl_player_boxscores", (t) => ({ ...t, clustering: ["game_date", "player_lookup"] })),
  mapColumns("nba_raw.odds_api_player_points_props", (cols) => cols.filter((c) => c.name !== "minutes_before_tipoff")),
  mapColumns("nba_raw.nbac_scoreboard_v2", (cols) => cols.map((c) => (c.name === "live_clock" ? { ...c, type: "INT64" } : c))),
  mapColumns("nba_raw.nbac_team_rosters", (cols) => [...cols, { name: "jersey_color", type: "STRING", mode: "NULLABLE", description: "Jersey color" }]),
  mapTable("nba_raw.nbac_player_movement", (t) => ({ ...t, description: `${t.description} Updated.` })),
  withTopic("nba-phase7-extra", "phase-orchestrator", "raw-processors"),
  withoutTopic("nba-phase6-export-trigger"),
  mapSubscription("nba-phase2-raw-complete--phase-orchestrator", (s) => ({ ...s, messageRetentionSeconds: 86400 })),
  mapSubscription("nba-phase3-analytics-complete--phase-orchestrator", (s) => ({ ...s, maxDeliveryAttempts: s.maxDeliveryAttempts + 5 })),
  mapSubscription("nba-predictions-trigger--phase-orchestrator", (s) => ({ ...s, retry: { ...s.retry, minimumBackoffSeconds: 20 } })),
  withoutSchedule("nbac-player-boxscore-evening"),
  mapSchedule("nbac-player-boxscore-overnight", (s) => ({ ...s, retryCount: 0 })),
  withoutAlertPolicy("oldest-unacked-message"),
], baseCatalog);

const DEV = "nba-props-dev";
const PROD = "nba-props-prod";

let base: Synthesized;
let head: Synthesized;
let mutated: { dir: string; cleanup(): void };
let review: Review;

beforeAll(() => {
  base = synthToTemp({ catalog: baseCatalog, environments });
  head = synthToTemp({ catalog: headCatalog, environments });
  mutated = mutatedCopy(head, (stacks) => {
    const dev = mustGet(stacks, DEV).resource;
    const subs = dev.google_pubsub_subscription ?? {};
    delete subs["nba-phase1-scrapers-complete--raw-processors"]?.dead_letter_policy;
    delete subs["nba-phase2-raw-complete-dlq--alert-dispatcher"];
    dev.google_project_iam_member = { ...dev.google_project_iam_member, "ci-editor": { project: "nba-props-test-dev", role: "roles/editor", member: "serviceAccount:ci@nba-props-test-dev.iam.gserviceaccount.com" } };
    const invoker = dev.google_cloud_run_v2_service_iam_member?.["pubsub-push-invoker--raw-processors"];
    if (invoker) invoker.member = "allUsers";
    const dispatcher = dev.google_cloud_run_v2_service?.["alert-dispatcher"];
    if (dispatcher) dispatcher.template = { ...(dispatcher.template as object), service_account: "${google_service_account.raw-processors.email}" };
    const alert = dev.google_monitoring_alert_policy?.["failed-runs"];
    if (alert) alert.enabled = false;
    const dispatcherPush = subs["nba-phase1-scrapers-complete-dlq--alert-dispatcher"]?.push_config as Record<string, unknown> | undefined;
    if (dispatcherPush) delete dispatcherPush.oidc_token;
    const orchestrator = dev.google_cloud_run_v2_service?.["phase-orchestrator"];
    if (orchestrator) orchestrator.ingress = "INGRESS_TRAFFIC_ALL";
    delete dev.google_monitoring_alert_policy?.["component-failing--scraper-nbac-schedule"];
  });
  review = reviewDirs(base.dir, mutated.dir);
});
afterAll(() => {
  base.cleanup();
  head.cleanup();
  mutated.cleanup();
});

/** Review-rule findings only (policy findings are asserted separately). */
const reviewRulesAt = (address: string): string[] => rulesAt(review, address).filter((r) => !r.startsWith("policy/"));

const EXPECTED = [
    ["google_bigquery_table.nba_raw--nbac_play_by_play", "destroy", ["bigquery-data-deleted:high"]],
    ["google_bigquery_table.nba_raw--nbac_injury_report", "replace", ["bigquery-data-deleted:high", "bigquery-partitioning-or-clustering-changed:high"]],
    ["google_bigquery_table.nba_raw--bdl_player_boxscores", "update", ["bigquery-partitioning-or-clustering-changed:high"]],
    ["google_bigquery_table.nba_raw--odds_api_player_points_props", "update", ["bigquery-column-removed-or-retyped:high"]],
    ["google_bigquery_table.nba_raw--nbac_scoreboard_v2", "replace", ["bigquery-column-removed-or-retyped:high", "bigquery-data-deleted:high"]],
    ["google_bigquery_table.nba_raw--nbac_team_rosters", "update", []],
    ["google_bigquery_table.nba_raw--nbac_player_movement", "update", []],
    ["google_pubsub_topic.nba-phase7-extra", "create", []],
    ["google_pubsub_subscription.nba-phase7-extra--raw-processors", "create", []],
    ["google_pubsub_topic.nba-phase6-export-trigger", "destroy", ["pubsub-topic-or-subscription-deleted:high"]],
    ["google_pubsub_subscription.nba-phase6-export-trigger--phase-orchestrator", "destroy", ["pubsub-topic-or-subscription-deleted:high"]],
    ["google_pubsub_subscription.nba-phase2-raw-complete--phase-orchestrator", "update", ["pubsub-message-retention-shortened:high"]],
    ["google_pubsub_subscription.nba-phase3-analytics-complete--phase-orchestrator", "update", ["retry-or-attempt-limits-changed:medium"]],
    ["google_pubsub_subscription.nba-predictions-trigger--phase-orchestrator", "update", ["retry-or-attempt-limits-changed:medium"]],
    ["google_cloud_scheduler_job.nbac-player-boxscore-evening", "destroy", ["scheduler-job-deleted:high"]],
    ["google_cloud_scheduler_job.nbac-player-boxscore-overnight", "update", ["retry-or-attempt-limits-changed:medium"]],
    ["google_monitoring_alert_policy.oldest-unacked-message", "destroy", ["builtin-metric-alert-removed:medium"]],
    // Made on the JSON: what the catalog cannot express.
    ["google_pubsub_subscription.nba-phase1-scrapers-complete--raw-processors", "update", ["pubsub-dead-letter-policy-removed:high"]],
    ["google_pubsub_subscription.nba-phase2-raw-complete-dlq--alert-dispatcher", "destroy", ["pubsub-topic-or-subscription-deleted:high"]],
    ["google_project_iam_member.ci-editor", "create", ["iam-widened:high"]],
    ["google_cloud_run_v2_service_iam_member.pubsub-push-invoker--raw-processors", "replace", ["iam-widened:high"]],
    ["google_cloud_run_v2_service.alert-dispatcher", "update", ["cloud-run-service-account-changed:medium"]],
    ["google_monitoring_alert_policy.failed-runs", "update", ["monitoring-alert-removed-or-disabled:medium"]],
    ["google_pubsub_subscription.nba-phase1-scrapers-complete-dlq--alert-dispatcher", "update", ["push-authentication-removed:high"]],
    ["google_cloud_run_v2_service.phase-orchestrator", "update", ["cloud-run-ingress-widened:high"]],
    ["google_monitoring_alert_policy.component-failing--scraper-nbac-schedule", "destroy", ["builtin-metric-alert-removed:medium"]],
] as const;

/** Removing a topic also removes its dead-letter topic and that topic's subscription. */
const CASCADED = [
  "google_pubsub_topic.nba-phase6-export-trigger-dlq",
  "google_pubsub_subscription.nba-phase6-export-trigger-dlq--alert-dispatcher",
  // The removed play-by-play table takes its raw processor, and so that processor's silence alert.
  "google_monitoring_alert_policy.processor-silent--nbac_play_by_play-phase_2_raw",
];

describe("every known change is classified with its action and risk", () => {
  test.each(EXPECTED)("%s: %s %j", (resource, action, rules) => {
    const address = `${DEV}/${resource}`;
    expect(changeAt(review, address).action).toBe(action);
    expect(reviewRulesAt(address)).toEqual([...rules].sort());
  });

  test("no review rule fires on anything else", () => {
    const flagged = new Set(review.findings.filter((f) => f.address.startsWith(`${DEV}/`) && !f.rule.startsWith("policy/")).map((f) => f.address));
    const expected = new Set([...EXPECTED.filter(([, , rules]) => rules.length > 0).map(([resource]) => `${DEV}/${resource}`), ...CASCADED.map((r) => `${DEV}/${r}`)]);
    expect(flagged).toEqual(expected);
  });

  test("catalog changes reach every stack; JSON edits made to dev only stay there", () => {
    expect(changeAt(review, `${PROD}/google_bigquery_table.nba_raw--nbac_play_by_play`).action).toBe("destroy");
    expect(reviewRulesAt(`${PROD}/google_bigquery_table.nba_raw--nbac_injury_report`)).toEqual(["bigquery-data-deleted:high", "bigquery-partitioning-or-clustering-changed:high"]);
    expect(reviewRulesAt(`${PROD}/google_pubsub_subscription.nba-phase1-scrapers-complete--raw-processors`)).toEqual([]);
  });

  test("reasons name what is lost", () => {
    const reasons = review.findings.filter((f) => f.address.startsWith(`${DEV}/`)).map((f) => f.reason);
    expect(reasons).toContain("table nbac_play_by_play is destroyed with all its data");
    expect(reasons).toContain("column minutes_before_tipoff (INT64) is removed from table odds_api_player_points_props with its data");
    expect(reasons).toContain("column live_clock of table nbac_scoreboard_v2 changes type from STRING to INT64; the table is replaced and all its data deleted");
    expect(reasons).toContainEqual(expect.stringMatching(/^partitioning changes from DAY on report_date to DAY on game_date: the table is replaced/));
    expect(reasons).toContainEqual(expect.stringMatching(/keeps messages 1 day instead of 7 days/));
    expect(reasons).toContainEqual(expect.stringMatching(/^grants roles\/run\.invoker to allUsers \(anyone on the internet\)/));
  });

  test("the replaced table says which attribute forces it", () => {
    expect(changeAt(review, `${DEV}/google_bigquery_table.nba_raw--nbac_injury_report`).replacedBecause).toEqual(["time_partitioning.field"]);
    expect(changeAt(review, `${DEV}/google_bigquery_table.nba_raw--nbac_scoreboard_v2`).replacedBecause).toEqual(["schema"]);
  });

  test("updates carry attribute-level diffs", () => {
    expect(changeAt(review, `${DEV}/google_pubsub_subscription.nba-phase3-analytics-complete--phase-orchestrator`).attributeDiffs).toEqual([
      { path: "dead_letter_policy.max_delivery_attempts", before: 15, after: 20 },
    ]);
  });

  test("the head's policy violations are findings too, with the policy rule as kind", () => {
    const subscription = `${DEV}/google_pubsub_subscription.nba-phase1-scrapers-complete--raw-processors`;
    expect(review.findings).toContainEqual({
      risk: "high",
      address: subscription,
      kind: "pubsub-subscription-dead-letter-policy",
      reason: "policy pubsub-subscription-dead-letter-policy: has no dead_letter_policy",
      rule: "policy/pubsub-subscription-dead-letter-policy",
    });
    expect(rulesAt(review, `${DEV}/google_project_iam_member.ci-editor`)).toContain("policy/iam-no-primitive-roles:high");
  });

  test("the verdict is high, high findings come first, counts add up", () => {
    expect(review.verdict).toBe("high");
    const risks = review.findings.map((f) => f.risk);
    expect(risks.indexOf("medium")).toBeGreaterThan(risks.lastIndexOf("high"));
    const all = review.stacks.flatMap((s) => s.changes);
    expect(review.counts).toEqual({
      create: all.filter((c) => c.action === "create").length,
      update: all.filter((c) => c.action === "update").length,
      replace: all.filter((c) => c.action === "replace").length,
      destroy: all.filter((c) => c.action === "destroy").length,
    });
    expect(review.counts.create).toBeGreaterThan(0);
  });
});

describe("environment changes", () => {
  let unprotected: Synthesized;
  let protectionReview: Review;
  beforeAll(() => {
    unprotected = synthToTemp({ catalog: baseCatalog, environments: [testEnvironment(), testProdEnvironment({ deletionProtection: false })] });
    protectionReview = reviewDirs(base.dir, unprotected.dir);
  });
  afterAll(() => unprotected.cleanup());

  test("turning off prod deletion protection is high risk on every protected resource, and touches nothing in dev", () => {
    expect(protectionReview.verdict).toBe("high");
    expect(protectionReview.stacks.find((s) => s.name === DEV)?.changes).toEqual([]);
    for (const resource of ["google_bigquery_table.nba_raw--nbac_schedule", "google_firestore_database.default", "google_cloud_run_v2_service.raw-processors", "google_storage_bucket.raw-payloads"]) {
      expect(rulesAt(protectionReview, `${PROD}/${resource}`)).toContain("deletion-protection-disabled:high");
    }
    expect(new Set(protectionReview.findings.map((f) => f.rule))).toEqual(new Set(["deletion-protection-disabled"]));
    expect(protectionReview.counts).toMatchObject({ create: 0, replace: 0, destroy: 0 });
    expect(protectionReview.counts.update).toBeGreaterThan(25);
  });
});

describe("an identical pair", () => {
  let again: Synthesized;
  beforeAll(() => {
    again = synthToTemp({ catalog: baseCatalog, environments });
  });
  afterAll(() => again.cleanup());

  test("synthesized twice, it reports no changes and no findings", () => {
    const same = reviewDirs(base.dir, again.dir);
    expect(same.verdict).toBe("no-changes");
    expect(same.findings).toEqual([]);
    expect(same.counts).toEqual({ create: 0, update: 0, replace: 0, destroy: 0 });
    expect(same.stacks.map((s) => s.name)).toEqual([DEV, PROD]);
  });
});
