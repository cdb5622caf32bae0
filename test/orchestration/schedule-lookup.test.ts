import { isTransient, OrchestrationError } from "../../runtime/orchestration/orchestration-error";
import { resilientScheduleLookup, warehouseScheduleSource, type ScheduleSource } from "../../runtime/orchestration/schedule-lookup";
import { nbacSchedule } from "../../runtime/catalog/tables/nbac-schedule";
import { DuckDbWarehouse } from "../../runtime/platform/local/duckdb-warehouse";

const FAST = { timeoutMs: 400, attemptTimeoutMs: 150, maxAttempts: 3, initialBackoffMs: 5 };

function scripted(answers: readonly ("hang" | "fail" | number)[]): ScheduleSource & { calls: number; aborts: number } {
  const source = {
    calls: 0,
    aborts: 0,
    gamesOn(_date: string, signal: AbortSignal) {
      const answer = answers[Math.min(source.calls, answers.length - 1)];
      source.calls += 1;
      if (answer === "fail") return Promise.reject(new Error("503 from the schedule source"));
      if (typeof answer === "number") return Promise.resolve({ games: answer, finalGames: 0 });
      return new Promise<never>((_, reject) => signal.addEventListener("abort", () => (source.aborts += 1, reject(new Error("aborted")))));
    },
  };
  return source;
}

async function failure(promise: Promise<unknown>): Promise<OrchestrationError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof OrchestrationError) return err;
    throw err;
  }
  throw new Error("expected a failure");
}

describe("resilient schedule lookup", () => {
  test("a hanging source fails within the overall timeout, every call aborted, as a transient error", async () => {
    const source = scripted(["hang"]);
    const started = Date.now();
    const err = await failure(resilientScheduleLookup(source, FAST)("2025-03-15"));
    const elapsed = Date.now() - started;
    expect(err.code).toBe("SCHEDULE_LOOKUP_FAILED");
    expect(isTransient(err)).toBe(true);
    expect(elapsed).toBeLessThan(FAST.timeoutMs + 1_500);
    expect(source.calls).toBeLessThanOrEqual(FAST.maxAttempts);
    expect(source.aborts).toBe(source.calls);
  });

  test("failures are retried a bounded number of times, then reported, never as an empty day", async () => {
    const source = scripted(["fail"]);
    const err = await failure(resilientScheduleLookup(source, FAST)("2025-03-15"));
    expect(source.calls).toBe(3);
    expect(err.message).toMatch(/2025-03-15 failed: 503 from the schedule source/);
  });

  test("a transient failure then an answer returns the answer", async () => {
    const source = scripted(["fail", "hang", 7]);
    await expect(resilientScheduleLookup(source, FAST)("2025-03-15")).resolves.toEqual({ games: 7, finalGames: 0 });
    expect(source.calls).toBe(3);
  });

  test("an empty day is returned only when the source really answered 0 games", async () => {
    await expect(resilientScheduleLookup(scripted([0]), FAST)("2025-07-04")).resolves.toEqual({ games: 0, finalGames: 0 });
  });

  test("the warehouse source reads nba_raw.nbac_schedule", async () => {
    const warehouse = await DuckDbWarehouse.open({ path: ":memory:" });
    try {
      await warehouse.ensureTables([nbacSchedule]);
      const lookup = resilientScheduleLookup(warehouseScheduleSource(warehouse), FAST);
      await expect(lookup("2025-03-15")).resolves.toEqual({ games: 0, finalGames: 0 });
    } finally {
      await warehouse.close();
    }
  });

  test("a warehouse that cannot answer is an error, not an empty schedule", async () => {
    const warehouse = await DuckDbWarehouse.open({ path: ":memory:" });
    try {
      // No tables: the query fails.
      const err = await failure(resilientScheduleLookup(warehouseScheduleSource(warehouse), FAST)("2025-03-15"));
      expect(err.code).toBe("SCHEDULE_LOOKUP_FAILED");
    } finally {
      await warehouse.close();
    }
  });
});
