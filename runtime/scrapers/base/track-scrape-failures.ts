import type { RunRecord } from "../../monitoring/run-record";
import type { Platform } from "../../platform/platform";
import type { NotificationSeverity } from "../../platform/ports/notifier";
import type { ScraperCallConfig } from "../config/scrapers-config";
import { planFailureStreak, type FailureStreak, type StreakNotice } from "./failure-streak";

/** The doc-store collection of failure streaks (catalog docCollections): one document per scraper. */
export const SCRAPER_FAILURES_COLLECTION = "scraper_failures";

const SEVERITY: Readonly<Record<ScraperCallConfig["criticality"], NotificationSeverity>> = { critical: "critical", important: "error", optional: "warning" };

/**
 * Counts a scraper's consecutive failed runs in the doc store (RELIABILITY row 8). Reaching the
 * configured threshold raises one alert; further failures raise none; the first success after
 * that says so once. The count is kept transactionally, so concurrent runs never lose one.
 */
export async function trackScrapeFailures(
  platform: Pick<Platform, "docStore" | "notifier">,
  scraper: string,
  call: Pick<ScraperCallConfig, "criticality" | "alert_after_consecutive_failures">,
  run: RunRecord,
  at: Date,
): Promise<StreakNotice> {
  const threshold = call.alert_after_consecutive_failures;
  const outcome = { ok: run.status !== "failed", at: at.toISOString(), runId: run.run_id, error: run.error_message ?? undefined };
  const plan = await platform.docStore.transaction(async (tx) => {
    const previous = (await tx.get(SCRAPER_FAILURES_COLLECTION, scraper)) as FailureStreak | null;
    const planned = planFailureStreak(scraper, previous, outcome, threshold);
    tx.set(SCRAPER_FAILURES_COLLECTION, scraper, { ...planned.next });
    return planned;
  });
  if (plan.notice === "threshold_reached") {
    await platform.notifier.notify({
      severity: SEVERITY[call.criticality],
      title: `scraper ${scraper} failed ${plan.next.consecutive_failures} times in a row`,
      message: `${scraper} has failed ${plan.next.consecutive_failures} consecutive runs since ${plan.next.first_failure_at ?? outcome.at}; last error: ${plan.next.last_error ?? "unknown"}. No further alert until it recovers.`,
      context: { scraper, consecutive_failures: plan.next.consecutive_failures, threshold, first_failure_at: plan.next.first_failure_at, run_id: run.run_id },
      source: scraper,
      category: "scraper_failure_streak",
      scope: scraper,
    });
  } else if (plan.notice === "recovered") {
    await platform.notifier.notify({
      severity: "info",
      title: `scraper ${scraper} recovered after ${plan.endedStreak} consecutive failures`,
      message: `${scraper} succeeded again (run ${run.run_id}) after ${plan.endedStreak} failed runs.`,
      context: { scraper, failed_runs: plan.endedStreak, run_id: run.run_id },
      source: scraper,
      category: "scraper_recovered",
      scope: scraper,
    });
  }
  return plan.notice;
}
