import { catalog } from "../catalog/catalog";
import type { RunRecord } from "../monitoring/run-record";

/**
 * Whether a failed scraper or raw run blocks its date's analytics: only when the catalog calls it
 * critical. A non-critical source (the team box score, which team offense replaces by the player
 * lines; play-by-play and the scoreboard, which no analytics read yet) fails on its own run,
 * alerted and counted in the exit code, without holding back tables that do not need it.
 */
export function blocksAnalytics(run: Pick<RunRecord, "phase" | "processor_name">): boolean {
  const spec =
    run.phase === "phase_1_scrapers"
      ? catalog.scrapers.find((s) => s.name === run.processor_name)
      : catalog.processors.find((p) => p.name === run.processor_name && p.phase === run.phase);
  return spec?.critical ?? true;
}
