import { buckets } from "./buckets";
import { datasets } from "./datasets";
import { tableId } from "./define-table";
import { docCollections } from "./doc-collections";
import { alertPolicies, logMetrics } from "./monitoring";
import { processors } from "./processors";
import { pushLoadProblems } from "./push-load";
import { roles } from "./roles";
import { schedules } from "./schedules";
import { scrapers } from "./scrapers";
import { tables } from "./tables";
import { topics } from "./topics";
import { transitions } from "./transitions";
import type {
  AlertPolicySpec,
  DatasetName,
  Phase,
  TransitionMode,
  BucketSpec,
  DocCollectionSpec,
  LogMetricSpec,
  ProcessorSpec,
  RoleSpec,
  ScheduleSpec,
  ScraperSpec,
  TableSpec,
  TopicSpec,
  TransitionSpec,
} from "./types";
import type { DatasetSpec } from "./datasets";

/** The whole system, as data. infra/ is a function of this plus an environment file. */
export interface Catalog {
  readonly datasets: readonly DatasetSpec[];
  readonly tables: readonly TableSpec[];
  readonly topics: readonly TopicSpec[];
  readonly buckets: readonly BucketSpec[];
  readonly docCollections: readonly DocCollectionSpec[];
  readonly scrapers: readonly ScraperSpec[];
  readonly processors: readonly ProcessorSpec[];
  readonly roles: readonly RoleSpec[];
  readonly schedules: readonly ScheduleSpec[];
  readonly logMetrics: readonly LogMetricSpec[];
  readonly alertPolicies: readonly AlertPolicySpec[];
  readonly transitions: readonly TransitionSpec[];
}

export const catalog: Catalog = {
  datasets,
  tables,
  topics,
  buckets,
  docCollections,
  scrapers,
  processors,
  roles,
  schedules,
  logMetrics,
  alertPolicies,
  transitions,
};

/**
 * Cross-references between catalog entries. Returns every problem (empty = consistent), so a
 * test can show them all at once instead of the first.
 */
export function catalogProblems(c: Catalog = catalog): string[] {
  const problems: string[] = [];
  const unique = (what: string, names: readonly string[]): void => {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) problems.push(`${what} ${n} is declared twice`);
      seen.add(n);
    }
  };
  unique("table", c.tables.map(tableId));
  unique("topic", c.topics.map((t) => t.name));
  unique("role", c.roles.map((r) => r.name));
  unique("schedule", c.schedules.map((s) => s.name));
  unique("scraper", c.scrapers.map((s) => s.name));
  unique("processor", c.processors.map((p) => p.name));
  unique("log metric", c.logMetrics.map((m) => m.name));
  unique("alert policy", c.alertPolicies.map((a) => a.name));

  const roleNames = new Set(c.roles.map((r) => r.name));
  const services = new Set(c.roles.filter((r) => r.kind === "service").map((r) => r.name));
  const topicNames = new Set(c.topics.map((t) => t.name));
  const tableIds = new Set(c.tables.map(tableId));
  const datasetNames = new Set(c.datasets.map((d) => d.name));
  const scraperNames = new Set(c.scrapers.map((s) => s.name));
  const bucketNames = new Set(c.buckets.map((b) => b.name));
  const metricNames = new Set(c.logMetrics.map((m) => m.name));

  for (const t of c.tables) if (!datasetNames.has(t.dataset)) problems.push(`table ${tableId(t)} is in undeclared dataset ${t.dataset}`);
  for (const topic of c.topics) {
    if (topic.subscriptions.length === 0) problems.push(`topic ${topic.name} has no subscription`);
    if (!services.has(topic.deadLetterConsumer)) problems.push(`topic ${topic.name} dead letters go to ${topic.deadLetterConsumer}, which is not a service`);
    for (const s of topic.subscriptions) {
      if (!services.has(s.consumer)) problems.push(`subscription ${s.name} pushes to ${s.consumer}, which is not a service`);
    }
    if (!c.roles.some((r) => r.publishesTo.includes(topic.name))) problems.push(`topic ${topic.name} has no publisher`);
  }
  for (const r of c.roles) {
    for (const t of r.publishesTo) if (!topicNames.has(t)) problems.push(`role ${r.name} publishes to unknown topic ${t}`);
    for (const d of [...r.datasetsRead, ...r.datasetsWritten]) if (!datasetNames.has(d)) problems.push(`role ${r.name} uses unknown dataset ${d}`);
    for (const b of [...r.bucketsRead, ...r.bucketsWritten]) if (!bucketNames.has(b)) problems.push(`role ${r.name} uses unknown bucket ${b}`);
  }
  for (const s of c.scrapers) if (!roleNames.has(s.role)) problems.push(`scraper ${s.name} runs in unknown role ${s.role}`);
  for (const p of c.processors) {
    if (!roleNames.has(p.role)) problems.push(`processor ${p.name} runs in unknown role ${p.role}`);
    if (!tableIds.has(p.output)) problems.push(`processor ${p.name} writes unknown table ${p.output}`);
    for (const input of p.inputs) {
      const known = p.phase === "phase_2_raw" ? scraperNames.has(input) : tableIds.has(input);
      if (!known) problems.push(`processor ${p.name} reads unknown input ${input}`);
    }
    const role = c.roles.find((r) => r.name === p.role);
    const outputDataset = p.output.split(".")[0];
    if (role && outputDataset && !role.datasetsWritten.some((d) => d === outputDataset)) {
      problems.push(`processor ${p.name} writes ${p.output} but role ${p.role} may not write ${outputDataset}`);
    }
  }
  for (const s of c.schedules) {
    const role = c.roles.find((r) => r.name === s.target.role);
    if (!role) problems.push(`schedule ${s.name} targets unknown role ${s.target.role}`);
    else if (role.kind !== (s.target.kind === "job" ? "job" : "service")) problems.push(`schedule ${s.name} targets ${role.name} as a ${s.target.kind}, but it is a ${role.kind}`);
  }
  for (const a of c.alertPolicies) {
    const cond = a.condition;
    if ((cond.kind === "log_metric_above" || cond.kind === "log_metric_absent") && !metricNames.has(cond.metric)) {
      problems.push(`alert ${a.name} watches undefined metric ${cond.metric}`);
    }
    if (cond.kind === "log_metric_absent") {
      // Calendar-aware silence: a run that found no games is alive, or the off-season pages every day.
      const status = c.logMetrics.find((m) => m.name === cond.metric)?.where.status;
      const counted = typeof status === "string" ? [status] : (status ?? []);
      if (!counted.includes("no_data")) problems.push(`alert ${a.name} watches ${cond.metric}, which does not count no_data runs: a date without games would page`);
    }
    if (!a.diagnose.startsWith("nba-props ")) problems.push(`alert ${a.name} names no nba-props command to diagnose it`);
  }
  for (const d of c.datasets) {
    if (d.timeTravelHours < 48 || d.timeTravelHours > 168 || d.timeTravelHours % 24 !== 0) problems.push(`dataset ${d.name} time travel ${d.timeTravelHours} h is not 48-168 h in whole days`);
  }
  for (const t of c.topics) {
    if (t.messageRetentionSeconds < 600 || t.messageRetentionSeconds > 31 * 86400) problems.push(`topic ${t.name} retention ${t.messageRetentionSeconds} s is outside Pub/Sub's 10 min-31 days`);
  }
  problems.push(...pushLoadProblems(c));
  problems.push(...transitionProblems(c));
  return problems;
}

/** Datasets a phase writes, so a transition may wait on a table whose processor is not built yet. */
const PHASE_DATASETS: Readonly<Record<Phase, readonly DatasetName[]>> = {
  phase_1_scrapers: [],
  phase_2_raw: ["nba_raw"],
  phase_3_analytics: ["nba_analytics"],
  phase_4_precompute: ["nba_precompute", "nba_predictions"],
  phase_5_predictions: ["nba_predictions"],
};

function transitionProblems(c: Catalog): string[] {
  const problems: string[] = [];
  for (const t of c.transitions) {
    const source = c.topics.find((topic) => topic.name === t.completionTopic);
    const next = c.roles.find((r) => r.name === t.nextRole);
    if (!source) problems.push(`transition ${t.name} listens on unknown topic ${t.completionTopic}`);
    if (!next || next.kind !== "service") problems.push(`transition ${t.name} starts ${t.nextRole}, which is not a service`);
    const handlers = source?.subscriptions.map((s) => s.consumer) ?? [];
    if (t.triggerTopic === null) {
      if (!handlers.includes(t.nextRole)) problems.push(`transition ${t.name} has no trigger topic, so ${t.nextRole} must consume ${t.completionTopic}`);
    } else {
      const trigger = c.topics.find((topic) => topic.name === t.triggerTopic);
      if (!trigger) problems.push(`transition ${t.name} publishes unknown topic ${t.triggerTopic}`);
      else if (!trigger.subscriptions.some((s) => s.consumer === t.nextRole)) problems.push(`transition ${t.name}: ${t.nextRole} does not consume ${t.triggerTopic}`);
      for (const handler of handlers) {
        const role = c.roles.find((r) => r.name === handler);
        if (role && !role.publishesTo.includes(t.triggerTopic)) problems.push(`transition ${t.name}: ${handler} handles ${t.completionTopic} but may not publish ${t.triggerTopic}`);
      }
    }
    const datasetsOfPhase = PHASE_DATASETS[t.from];
    for (const mode of Object.keys(t.expected) as TransitionMode[]) {
      for (const e of t.expected[mode]) {
        const processor = c.processors.find((p) => p.name === e.processor);
        const table = c.tables.find((tb) => tb.name === e.processor && datasetsOfPhase.includes(tb.dataset));
        if (processor ? processor.phase !== t.from : !table) problems.push(`transition ${t.name} (${mode}) expects ${e.processor}, which is neither a ${t.from} processor nor a table it writes`);
      }
    }
    if (!(t.minCompletedFraction > 0 && t.minCompletedFraction <= 1)) problems.push(`transition ${t.name}: minCompletedFraction must be in (0, 1]`);
  }
  return problems;
}
