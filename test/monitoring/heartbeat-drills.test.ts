import { runCliCaptured } from "../support/cli";

async function drill(name: string): Promise<Record<string, unknown>> {
  const result = await runCliCaptured(["drill", name, "--json"]);
  expect(result.stderr).toBe("");
  const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
  expect(Object.keys(parsed)).toEqual(expect.arrayContaining(["drill", "passed", "detection_seconds", "alerts_sent", "ledger_status", "heartbeat_documents"]));
  expect(result.code).toBe(parsed.passed ? 0 : 1);
  return parsed;
}

describe("heartbeat drills (simulated clock, embedded adapters)", () => {
  test("processor-hang: detected within 3 minutes of the last beat, one alert, one failed ledger record", async () => {
    const r = await drill("processor-hang");
    expect(r).toMatchObject({ drill: "processor-hang", passed: true, alerts_sent: 1, ledger_status: "failed", ledger_records: 1, error_type: "stuck_dead", heartbeat_documents: 1, heartbeat_status: ["failed"] });
    expect(r.detection_seconds).toBeGreaterThan(90);
    expect(r.detection_seconds).toBeLessThanOrEqual(180);
  });

  test("processor-stall: detected once its declared limit passes, within one sweep of it", async () => {
    const r = await drill("processor-stall");
    expect(r).toMatchObject({ drill: "processor-stall", passed: true, alerts_sent: 1, ledger_status: "failed", error_type: "stuck_stalled", heartbeat_status: ["failed"] });
    expect(r.detection_seconds).toBeGreaterThanOrEqual(r.stall_limit_seconds as number);
    expect(r.detection_seconds).toBeLessThanOrEqual((r.stall_limit_seconds as number) + 60);
  });

  test("heartbeat-store-down: the run completes with warnings and no alert; its heartbeat ends completed", async () => {
    const r = await drill("heartbeat-store-down");
    expect(r).toMatchObject({ drill: "heartbeat-store-down", passed: true, alerts_sent: 0, ledger_status: "no_data", heartbeat_documents: 1, heartbeat_status: ["completed"], run_error: null });
    expect(r.heartbeat_write_failures).toBeGreaterThan(0);
  });

  test("crash-mid-run: once the sweeper has passed, no heartbeat says running and each dead run failed once", async () => {
    const r = await drill("crash-mid-run");
    expect(r).toMatchObject({ drill: "crash-mid-run", passed: true, alerts_sent: 2, ledger_status: "failed", heartbeat_documents: 3 });
    expect(Object.values(r.heartbeat_status as Record<string, string>).sort()).toEqual(["completed", "failed", "failed"]);
    expect(r.detection_seconds).toBeLessThanOrEqual(180);
  });
});
