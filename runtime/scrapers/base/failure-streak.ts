/** One scraper's failure streak, as stored in the doc store (one document per scraper). */
export interface FailureStreak {
  readonly scraper: string;
  readonly consecutive_failures: number;
  /** Whether this streak has raised its alert (it raises one, however long it lasts). */
  readonly alerted: boolean;
  readonly first_failure_at: string | null;
  readonly last_failure_at: string | null;
  readonly last_error: string | null;
  readonly last_success_at: string | null;
  readonly last_run_id: string;
}

export interface ScrapeOutcome {
  readonly ok: boolean;
  readonly at: string;
  readonly runId: string;
  readonly error?: string;
}

/** What the streak asks for: one alert when it reaches the threshold, one notice when it ends after that. */
export type StreakNotice = "threshold_reached" | "recovered" | null;

export interface StreakPlan {
  readonly next: FailureStreak;
  readonly notice: StreakNotice;
  /** The failures the ended streak counted (for a recovery notice). */
  readonly endedStreak: number;
}

/** The next state of a scraper's streak after one run, and what to tell an operator (pure). */
export function planFailureStreak(scraper: string, previous: FailureStreak | null, outcome: ScrapeOutcome, threshold: number): StreakPlan {
  const failures = previous?.consecutive_failures ?? 0;
  const alerted = previous?.alerted ?? false;
  if (outcome.ok) {
    return {
      next: { scraper, consecutive_failures: 0, alerted: false, first_failure_at: null, last_failure_at: previous?.last_failure_at ?? null, last_error: previous?.last_error ?? null, last_success_at: outcome.at, last_run_id: outcome.runId },
      notice: alerted ? "recovered" : null,
      endedStreak: failures,
    };
  }
  const count = failures + 1;
  const reached = count >= threshold && !alerted;
  return {
    next: {
      scraper,
      consecutive_failures: count,
      alerted: alerted || reached,
      first_failure_at: failures === 0 ? outcome.at : (previous?.first_failure_at ?? outcome.at),
      last_failure_at: outcome.at,
      last_error: (outcome.error ?? "failed").slice(0, 1000),
      last_success_at: previous?.last_success_at ?? null,
      last_run_id: outcome.runId,
    },
    notice: reached ? "threshold_reached" : null,
    endedStreak: 0,
  };
}
