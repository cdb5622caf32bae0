import { hostname } from "node:os";
import type { RunRecord } from "./run-record";

/** Whether the process that owns a `running` run is gone (so the run can never finish by itself). */
export function ownerIsGone(run: Partial<Pick<RunRecord, "owner_pid" | "owner_host">>, here = hostname()): boolean {
  // Records written before owners were recorded: no process alive today can still own them.
  if (typeof run.owner_pid !== "number") return true;
  // Another machine's process cannot be checked from here; leave its runs alone.
  if (run.owner_host !== here) return false;
  if (run.owner_pid === process.pid) return false;
  try {
    process.kill(run.owner_pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Whether this very process owns the run. */
export function ownedHere(run: Pick<RunRecord, "owner_pid" | "owner_host">, here = hostname()): boolean {
  return run.owner_pid === process.pid && run.owner_host === here;
}
