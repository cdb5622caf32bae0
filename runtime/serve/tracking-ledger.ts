import type { RunRecord } from "../monitoring/run-record";
import { RunLedger, type RunOutcome, type RunStart } from "../monitoring/run-ledger";

export const SHUTDOWN_ERROR_TYPE = "SHUTDOWN";

/**
 * The run ledger of a serving process: it knows which runs are open, so a shutdown can give
 * each one its one final status instead of leaving it `running` forever. A run closed by the
 * shutdown is not finished a second time when its work returns late.
 */
export class TrackingLedger extends RunLedger {
  private readonly open = new Map<string, RunRecord>();
  private readonly closedByShutdown = new Map<string, RunRecord>();

  override async start(start: RunStart): Promise<RunRecord> {
    const run = await super.start(start);
    this.open.set(run.run_id, run);
    return run;
  }

  override async finish(run: RunRecord, outcome: RunOutcome): Promise<RunRecord> {
    const closed = this.closedByShutdown.get(run.run_id);
    if (closed) return closed;
    this.open.delete(run.run_id);
    return super.finish(run, outcome);
  }

  openRuns(): readonly RunRecord[] {
    return [...this.open.values()];
  }

  /** Fails every open run with the reason; returns them as finished. */
  async failOpenRuns(reason: string): Promise<RunRecord[]> {
    const failed: RunRecord[] = [];
    for (const run of this.openRuns()) {
      this.open.delete(run.run_id);
      const finished = await super.finish(run, { status: "failed", rowsWritten: 0, errorType: SHUTDOWN_ERROR_TYPE, errorMessage: reason });
      this.closedByShutdown.set(run.run_id, finished);
      failed.push(finished);
    }
    return failed;
  }
}
