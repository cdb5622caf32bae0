import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { runCliCaptured } from "../support/cli";
import { useTempDir } from "../support/temp-dir";
import { queryRows } from "../support/warehouse-queries";

const BIN = resolve(__dirname, "../../bin/nba-props.js");
const DATE_LINE = /^(\d{4}-\d{2}-\d{2}) \[\d+\/\d+\]/;

interface Killed {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  /** Dates the process reported finished (one stderr line each) before it was stopped. */
  readonly finished: string[];
}

/** Runs the CLI as a real process and sends `signal` once `afterDates` dates have finished. */
function runAndStop(args: readonly string[], afterDates: number, signal: NodeJS.Signals): Promise<Killed> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let buffered = "";
    const finished: string[] = [];
    let sent = false;
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const date = DATE_LINE.exec(line)?.[1];
        if (date && !sent) finished.push(date);
      }
      if (!sent && finished.length >= afterDates) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on("error", fail);
    child.on("exit", (code, sig) => done({ code, signal: sig, stdout, finished }));
  });
}

/** Every finished date must have both team rows of every game the schedule has that day. */
async function analyticsComplete(dataDir: string, dates: readonly string[]): Promise<Record<string, [number, number]>> {
  const out: Record<string, [number, number]> = {};
  for (const date of dates) {
    const [games] = await queryRows(dataDir, `SELECT COUNT(*) AS n FROM nba_raw.nbac_schedule WHERE game_date = DATE '${date}' AND game_status = 3`);
    const [teams] = await queryRows(dataDir, `SELECT COUNT(*) AS n FROM nba_analytics.team_offense_game_summary WHERE game_date = DATE '${date}'`);
    out[date] = [Number(teams?.n), 2 * Number(games?.n)];
  }
  return out;
}

async function runningRecords(dataDir: string): Promise<unknown[]> {
  return JSON.parse((await runCliCaptured(["runs", "--data-dir", dataDir, "--status", "running", "--limit", "999", "--json"])).stdout) as unknown[];
}

describe("interrupting and killing a real sim range (the operator's Ctrl-C and kill -9)", () => {
  const tmp = useTempDir("kill");
  const range = ["pipeline", "--date", "2025-01-01", "--to", "2025-01-25", "--source", "sim"];

  test("killed outright, then rerun and stopped with SIGINT: nothing says running, finished dates are complete, exit 130 with totals", async () => {
    const dataDir = join(tmp(), "data");
    const killed = await runAndStop([...range, "--data-dir", dataDir], 2, "SIGKILL");
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.finished.length).toBeGreaterThanOrEqual(2);

    // The rerun closes what the killed process left running (abandoned), then stops on SIGINT after the date in hand.
    const stopped = await runAndStop([...range, "--data-dir", dataDir], 1, "SIGINT");
    expect(stopped.code).toBe(130);
    expect(stopped.stdout).toMatch(/Totals\n/);
    expect(stopped.stdout).toMatch(/phase\s+processor\s+runs\s+success\s+partial\s+no_data\s+failed\s+blocked\s+rows written/);
    expect(stopped.stdout).toMatch(/Interrupted by SIGINT after (\d+) of 25 date\(s\) \(2025-01-01 \.\. /);

    expect(await runningRecords(dataDir)).toEqual([]);
    const failed = JSON.parse((await runCliCaptured(["runs", "--data-dir", dataDir, "--status", "failed", "--limit", "999", "--json"])).stdout) as { error_type: string }[];
    expect(failed.filter((r) => r.error_type !== "abandoned" && r.error_type !== "interrupted")).toEqual([]);
    const finished = [...new Set([...killed.finished, ...stopped.finished])];
    for (const [date, [have, want]] of Object.entries(await analyticsComplete(dataDir, finished))) {
      expect(want).toBeGreaterThan(0);
      expect({ date, have }).toEqual({ date, have: want });
    }
    // Two real processes through several sim dates, each with every source of a day.
  }, 240_000);
});
