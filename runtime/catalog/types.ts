/**
 * The catalog's vocabulary. Everything the platform has (tables, topics, scrapers, processors,
 * runtime roles, schedules, alerts) is declared once as data of these shapes; infra/ and
 * runtime/ both read it, so neither side can grow a resource the other does not know about.
 */

export type ColumnType = "STRING" | "INT64" | "FLOAT64" | "NUMERIC" | "BOOL" | "DATE" | "TIMESTAMP" | "JSON";
export type ColumnMode = "REQUIRED" | "NULLABLE" | "REPEATED";

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly mode: ColumnMode;
  readonly description: string;
}

export type DatasetName =
  | "nba_raw"
  | "nba_reference"
  | "nba_analytics"
  | "nba_precompute"
  | "nba_predictions"
  | "nba_orchestration";

export type WriteStrategy = "MERGE_UPDATE" | "APPEND_ALWAYS" | "INSERT_NEW_ONLY" | "CHECK_BEFORE_INSERT";

/** Daily time partitioning on a DATE column (or DATE(timestamp) when `field` is a TIMESTAMP). */
export interface TimePartitioning {
  readonly kind: "time";
  readonly field: string;
  /** BigQuery rejects queries that do not filter on the partition field; keeps scans bounded. */
  readonly requirePartitionFilter: boolean;
  /** Why the filter is not required, when it is not (policy checks insist on a reason). */
  readonly requirePartitionFilterWaiver?: string;
  readonly expirationDays?: number;
}

/** A table that is deliberately not partitioned, with the reason written down. */
export interface NoPartitioning {
  readonly kind: "none";
  readonly reason: string;
}

export interface TableSpec {
  readonly dataset: DatasetName;
  readonly name: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  readonly partitioning: TimePartitioning | NoPartitioning;
  readonly clustering: readonly string[];
  /** Natural key: what MERGE matches on and what "no duplicate keys" means. */
  readonly key: readonly string[];
  /** How rows are written (DOMAIN §3.0); MERGE_UPDATE when not declared. */
  readonly writeStrategy?: WriteStrategy;
  /** Column that decides which of two rows with the same key is newest (staging dedupe). */
  readonly versionColumn: string;
  /**
   * Share of a run's records (0..1) that may be quarantined while the good rows still load (the
   * run is then `partial`); beyond it nothing is written and the run fails. Default 0.
   */
  readonly quarantineTolerance?: number;
}

export type Phase = "phase_1_scrapers" | "phase_2_raw" | "phase_3_analytics" | "phase_4_precompute" | "phase_5_predictions";

export type RoleKind = "service" | "job";

/**
 * A runtime role is one deployable component: a Cloud Run service (consumes pushes) or a
 * Cloud Run job (run by a scheduler or by hand). Each gets its own service account; its grants
 * are derived from what its processors read and write.
 */
export interface RoleSpec {
  readonly name: string;
  readonly kind: RoleKind;
  readonly description: string;
  /** Arguments passed to the `nba-props` entry point of the one runtime image. */
  readonly args: readonly string[];
  readonly datasetsRead: readonly DatasetName[];
  readonly datasetsWritten: readonly DatasetName[];
  readonly bucketsRead: readonly BucketName[];
  readonly bucketsWritten: readonly BucketName[];
  readonly publishesTo: readonly string[];
  readonly usesDocStore: boolean;
  readonly secrets: readonly string[];
  /** Longest a single request or task may run before it is aborted. */
  readonly timeoutSeconds: number;
  /** Services only: how much push traffic it takes at once (sized against a backfill burst, docs/deploy.md). */
  readonly capacity?: ServiceCapacity;
}

/**
 * What one Cloud Run service can take at once. Pub/Sub counts every 429 ("no instance free") as a
 * failed delivery, so concurrency x maxInstances, the time a message takes and the subscription's
 * backoff and attempts are sized together (catalogProblems checks the arithmetic).
 */
export interface ServiceCapacity {
  /** Requests one instance handles at once. */
  readonly concurrency: number;
  /** Most instances running at once. */
  readonly maxInstances: number;
  /** Longest one pushed message takes to handle (p99, BigQuery jobs included). */
  readonly secondsPerMessage: number;
}

export interface RetryPolicySpec {
  readonly minimumBackoffSeconds: number;
  readonly maximumBackoffSeconds: number;
}

export interface SubscriptionSpec {
  readonly name: string;
  /** The Cloud Run service (role) the messages are pushed to. */
  readonly consumer: string;
  readonly pushPath: string;
  readonly ackDeadlineSeconds: number;
  readonly maxDeliveryAttempts: number;
  readonly retry: RetryPolicySpec;
  readonly messageRetentionSeconds: number;
}

export interface TopicSpec {
  readonly name: string;
  readonly description: string;
  readonly subscriptions: readonly SubscriptionSpec[];
  /** The role whose push subscription reads the topic's dead letters. */
  readonly deadLetterConsumer: string;
  /** Attempts and backoff of the dead-letter subscription (sized like any push, runtime/catalog/push-load.ts). */
  readonly deadLetterMaxDeliveryAttempts: number;
  readonly deadLetterRetry: RetryPolicySpec;
  /** Most messages one ET game date puts on the topic (sizes the backfill burst). */
  readonly messagesPerDate: number;
  /** How long the topic itself keeps published messages, so a subscription can seek back and replay. Pub/Sub allows 10 min to 31 days. */
  readonly messageRetentionSeconds: number;
}

export type BucketName = "raw-payloads" | "exports";

export interface BucketSpec {
  readonly name: BucketName;
  readonly description: string;
  /** Objects older than this are deleted. */
  readonly deleteAfterDays: number;
  /** Objects older than this move to colder (cheaper) storage. */
  readonly coldlineAfterDays?: number;
}

export type ScrapeScope = "date" | "season";

export interface ScraperSpec {
  readonly name: string;
  readonly description: string;
  readonly scope: ScrapeScope;
  /** Object path family: payloads land under `<family>/<scraper>/<key>/<timestamp>.json`. */
  readonly family: string;
  readonly role: string;
  readonly critical: boolean;
  /** A run whose progress has not moved for this long is stalled (the stuck sweeper fails it). */
  readonly stallLimitSeconds: number;
  /** The live source fans a date out by the stored schedule (nba_raw.nbac_schedule): its job reads that dataset. */
  readonly readsSchedule?: true;
}

export interface ProcessorSpec {
  readonly name: string;
  readonly phase: Phase;
  readonly description: string;
  readonly role: string;
  /** Scrapers (phase 2) or tables `dataset.table` (phase 3+) this processor reads. */
  readonly inputs: readonly string[];
  /** The `dataset.table` this processor writes. */
  readonly output: string;
  readonly critical: boolean;
  /** A run whose progress has not moved for this long is stalled (the stuck sweeper fails it). */
  readonly stallLimitSeconds: number;
}

export interface ScheduleSpec {
  readonly name: string;
  readonly description: string;
  /** Cron in America/New_York. */
  readonly cron: string;
  readonly target:
    | { readonly kind: "job"; readonly role: string; readonly args: readonly string[] }
    | { readonly kind: "service"; readonly role: string; readonly path: string; readonly body: Readonly<Record<string, string>> };
  /** Scheduler retries for one firing (never more than this many attempts). */
  readonly retryCount: number;
  readonly attemptDeadlineSeconds: number;
}

export interface LogMetricSpec {
  readonly name: string;
  readonly description: string;
  /** The structured log event the runtime writes (`jsonPayload.event`). */
  readonly event: string;
  /** Extra filters on jsonPayload fields: equal to the value, or to any of the values. */
  readonly where: Readonly<Record<string, string | readonly string[]>>;
  readonly labels: readonly string[];
}

export type AlertSeverity = "critical" | "error" | "warning";

export type AlertCondition =
  | {
      readonly kind: "log_metric_above";
      readonly metric: string;
      readonly threshold: number;
      readonly windowSeconds: number;
    }
  | {
      readonly kind: "pubsub_backlog";
      /** Subscriptions whose undelivered count is watched: "dead_letter" = every dead-letter subscription. */
      readonly subscriptions: "dead_letter";
      readonly threshold: number;
      readonly windowSeconds: number;
    }
  | {
      readonly kind: "pubsub_oldest_unacked";
      readonly subscriptions: "phase";
      readonly thresholdSeconds: number;
      readonly windowSeconds: number;
    }
  | {
      /**
       * No run of a processor or scraper counted by `metric` for `windowSeconds`, including never:
       * one policy per processor and scraper. The metric must count runs that found no games as
       * alive, so a date without games does not page.
       */
      readonly kind: "log_metric_absent";
      readonly metric: string;
      readonly per: "runner";
      readonly windowSeconds: number;
    }
  | {
      /**
       * On Google's own metrics, one policy per runtime role: a Cloud Run job execution that
       * failed, a service answering 5xx, or a Cloud Scheduler attempt on the role that failed.
       * Catches what the runtime cannot log itself (a crash at start, an image that does not run).
       */
      readonly kind: "runtime_failure";
      readonly per: "role";
      readonly windowSeconds: number;
    };

export interface AlertPolicySpec {
  readonly name: string;
  readonly description: string;
  readonly severity: AlertSeverity;
  readonly condition: AlertCondition;
  /** What an operator should do first; shown in the alert. */
  readonly runbook: string;
  /** The `nba-props` command that diagnoses it (`<role>`, `<processor>` are filled in per policy). */
  readonly diagnose: string;
}

/** A document-store collection; `ttlField` makes the store delete documents once that time passes. */
export interface DocCollectionSpec {
  readonly name: string;
  readonly description: string;
  readonly ttlField?: string;
}

/**
 * How a date is being processed, from its game date against today in ET: `same_day` for today's
 * and tomorrow's slates (pre-game context), `overnight` for the last few days (post-game), and
 * `backfill` for older dates re-run from stored payloads.
 */
export type TransitionMode = "overnight" | "same_day" | "backfill";

export interface ExpectedProcessor {
  /** Processor name as it appears in completion messages (the table it writes, for processors not built yet). */
  readonly processor: string;
  /** A critical processor must have completed before the next phase may start. */
  readonly critical: boolean;
}

/** After `afterMinutes` from the first completion, `minCompleted` expected processors are enough (DOMAIN §6.4, 4->5). */
export interface CompletionRelaxation {
  readonly afterMinutes: number;
  readonly minCompleted: number;
}

/**
 * A phase transition: completions of `from` are recorded per game date; once the expected set of
 * the date's mode is complete and the gates pass (health of `nextRole`, blocking validation of
 * `from`'s output for that date), `to` is started.
 */
export interface TransitionSpec {
  readonly name: string;
  readonly from: Phase;
  readonly to: Phase;
  /** Topic the completions of `from` arrive on. */
  readonly completionTopic: string;
  /**
   * Topic published when the gates pass. `null`: the consumer of `completionTopic` starts `to`
   * itself (phase 2 completions are pushed straight to the analytics service).
   */
  readonly triggerTopic: string | null;
  /** The service that runs `to`; its readiness is a gate. */
  readonly nextRole: string;
  /** An empty list: this mode is not started by completions (its schedule starts it). */
  readonly expected: Readonly<Record<TransitionMode, readonly ExpectedProcessor[]>>;
  /** With every critical processor done, this share of the expected set is enough (1 = all). */
  readonly minCompletedFraction: number;
  readonly relaxations: readonly CompletionRelaxation[];
}
