import { readFileSync } from "node:fs";

/**
 * The process holding a DuckDB file lock, from DuckDB's own lock message ("Conflicting lock is
 * held in /usr/bin/node (PID 1234)"); DuckDB reports no structured field for it. Null when the
 * message is not a lock conflict.
 */
export function lockHolderPid(message: string): number | null {
  if (!/Could not set lock on file/i.test(message)) return null;
  const pid = /\(PID (\d+)\)/.exec(message)?.[1];
  return pid === undefined ? 0 : Number(pid);
}

/** What a process is, for an operator: its command line where the system shows it. */
export function describeProcess(pid: number): string {
  if (pid <= 0) return "another process";
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
    return cmdline ? `process ${pid} (${cmdline.length > 160 ? `${cmdline.slice(0, 157)}...` : cmdline})` : `process ${pid}`;
  } catch (err) {
    return `process ${pid}${(err as NodeJS.ErrnoException).code === "ENOENT" ? "" : ` (${(err as Error).message})`}`;
  }
}
