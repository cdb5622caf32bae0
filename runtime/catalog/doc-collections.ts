import type { DocCollectionSpec } from "./types";

export const docCollections: readonly DocCollectionSpec[] = [
  { name: "processor_runs", description: "Run ledger: one document per run with one final status.", ttlField: "expire_at" },
  { name: "processor_heartbeats", description: "One heartbeat per (processor, scope) carrying progress; bounded, never one per run.", ttlField: "expire_at" },
  { name: "phase_completions", description: "Completions per phase and game date, and whether the next phase was triggered." },
  { name: "alert_state", description: "Persisted alert rate limits and aggregation windows.", ttlField: "expire_at" },
  { name: "alert_outbox", description: "Every alert message before it is sent, its delivery per channel, and the dead-lettered ones kept for replay." },
  { name: "pipeline_sources", description: "How the local pipeline last fed a data dir (source flags), so validation can print a runnable remediation." },
  { name: "quarantine", description: "Records that failed validation, with file, record, field and reason.", ttlField: "expire_at" },
  { name: "scraper_failures", description: "One document per scraper: its consecutive failed runs and whether that streak has alerted (RELIABILITY row 8)." },
  { name: "source_breakers", description: "One document per live source: its circuit breaker's state, so a breaker opened by one job execution holds for the next." },
];
