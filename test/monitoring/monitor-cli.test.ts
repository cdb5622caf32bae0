import { catalog } from "../../runtime/catalog";
import { openLocalPlatform } from "../../runtime/platform/local/local-platform";
import { fixedClock } from "../../runtime/platform/ports/clock";
import { silentLogger } from "../../runtime/monitoring/logger";
import { runCliCaptured } from "../support/cli";
import { useTempDir } from "../support/temp-dir";

describe("nba-props monitor sweep", () => {
  const dir = useTempDir("monitor-cli");

  test("--help describes dead and stalled runs and the JSON", async () => {
    const r = await runCliCaptured(["monitor", "sweep", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/stuck_dead/);
    expect(r.stdout).toMatch(/--backend/);
  });

  test("--backend gcp without the stacks' environment stops naming the missing variables; an unknown backend is a usage error", async () => {
    const gcp = await runCliCaptured(["monitor", "sweep", "--backend", "gcp"]);
    expect(gcp).toMatchObject({ code: 1, stdout: "" });
    expect(gcp.stderr).toMatch(/GCP environment is invalid: .*NBA_PROPS_COMPONENT is missing/);
    const other = await runCliCaptured(["monitor", "sweep", "--backend", "aws"]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/'aws' is invalid\. Allowed choices are local, gcp/);
    expect((await runCliCaptured(["monitor", "sweep", "--republish-limit", "many"])).code).toBe(2);
  });

  test("fails a run that stopped long ago once, alerts once, and prints the sweep as JSON", async () => {
    const dataDir = `${dir()}/data`;
    const past = await openLocalPlatform({ dataDir, clock: fixedClock(new Date(Date.now() - 3600_000)), logger: silentLogger() });
    const run = await past.ledger.start({ processorName: "player_game_summary", phase: "phase_3_analytics", scope: "2025-03-15", gameDate: "2025-03-15", sourceKind: "sim" });
    await past.close();
    const first = await runCliCaptured(["monitor", "sweep", "--backend", "local", "--data-dir", dataDir, "--json"]);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ running_runs: 1, stuck: [expect.objectContaining({ run_id: run.run_id, code: "stuck_dead", processor_name: "player_game_summary", republished: false })] });
    expect(first.stderr).toMatch(/\[alert critical\] player_game_summary 2025-03-15 stopped beating/);
    const second = await runCliCaptured(["monitor", "sweep", "--data-dir", dataDir]);
    expect(second).toMatchObject({ code: 0, stderr: "" });
    expect(second.stdout).toMatch(/0 running run\(s\).*\nno stuck runs/);
  });

  test("the catalog sweeps every minute, and its job args are a command the CLI parses", async () => {
    const schedule = catalog.schedules.find((s) => s.target.role === "stuck-sweeper");
    expect(schedule).toMatchObject({ cron: "* * * * *", target: { kind: "job", args: ["monitor", "sweep", "--backend", "gcp"] } });
    const role = catalog.roles.find((r) => r.name === "stuck-sweeper");
    expect(role).toMatchObject({ kind: "job", args: schedule?.target.kind === "job" ? schedule.target.args : [] });
    const args = schedule?.target.kind === "job" ? schedule.target.args : [];
    // Parsed through to the action: here it stops only at opening GCP without the stacks' environment.
    const r = await runCliCaptured([...args]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/GCP environment is invalid/);
    const local = await runCliCaptured([...args.slice(0, -1), "local", "--data-dir", `${dir()}/empty`, "--json"]);
    expect(local.code).toBe(0);
    expect(JSON.parse(local.stdout)).toMatchObject({ running_runs: 0, stuck: [] });
  });
});
