import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { catalog } from "../../runtime/catalog";
import { transitionFor } from "../../runtime/orchestration/transition-handler";
import { runGates } from "../../runtime/orchestration/gates";
import { httpHealthProbe, localHealthProbe, type HealthProbe } from "../../runtime/orchestration/health-probe";
import { blockingValidationResults, latestValidationChecks, phaseProcessorNames } from "../../runtime/orchestration/validation-gate";
import { writeValidationResult } from "../../runtime/drills/orchestration-harness";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";

const spec = transitionFor("phase3-to-phase4");
const DATE = "2025-03-15";

describe("validation gate (nba_orchestration.validation_results, latest result per check)", () => {
  let platform: TestPlatform;
  let run = 0;
  const write = (fields: { processor?: string; processorType?: string; check?: string; passed: boolean; severity?: string; at: string; gameDate?: string }): Promise<void> =>
    writeValidationResult(platform, {
      runId: `r${++run}`,
      gameDate: fields.gameDate ?? DATE,
      processor: fields.processor ?? "team_defense_game_summary",
      processorType: fields.processorType ?? "analytics",
      check: fields.check ?? "teams_per_game",
      passed: fields.passed,
      severity: fields.severity ?? "critical",
      at: new Date(fields.at),
    });

  beforeEach(async () => {
    platform = await openTestPlatform();
  });
  afterEach(() => platform.warehouse.close());

  test("no results: nothing blocks", async () => {
    await expect(blockingValidationResults(platform.warehouse, spec, DATE)).resolves.toEqual([]);
  });

  test("a failed critical or error check blocks; warnings and passes do not", async () => {
    await write({ check: "teams_per_game", passed: false, severity: "critical", at: "2025-03-16T08:00:00Z" });
    await write({ check: "valid_team_abbreviations", passed: false, severity: "error", at: "2025-03-16T08:00:00Z" });
    await write({ check: "defensive_rating_bounds", passed: false, severity: "warning", at: "2025-03-16T08:00:00Z" });
    await write({ check: "no_duplicate_entries", passed: true, at: "2025-03-16T08:00:00Z" });
    const blocking = await blockingValidationResults(platform.warehouse, spec, DATE);
    expect(blocking.map((b) => `${b.check_name}:${b.severity}`)).toEqual(["teams_per_game:critical", "valid_team_abbreviations:error"]);
  });

  test("a check fixed and re-run passes: only its latest result counts", async () => {
    await write({ passed: false, at: "2025-03-16T08:00:00Z" });
    await write({ passed: true, at: "2025-03-16T09:00:00Z" });
    await expect(blockingValidationResults(platform.warehouse, spec, DATE)).resolves.toEqual([]);
    await write({ passed: false, at: "2025-03-16T10:00:00Z" });
    await expect(blockingValidationResults(platform.warehouse, spec, DATE)).resolves.toHaveLength(1);
  });

  test("other dates and other phases' processors do not block this one", async () => {
    await write({ passed: false, gameDate: "2025-03-14", at: "2025-03-15T08:00:00Z" });
    await write({ processor: "nbac_player_boxscores", processorType: "raw", passed: false, at: "2025-03-16T08:00:00Z" });
    await expect(blockingValidationResults(platform.warehouse, spec, DATE)).resolves.toEqual([]);
    const raw = await latestValidationChecks(platform.warehouse, "phase_2_raw", phaseProcessorNames("phase_2_raw", catalog.transitions), DATE);
    expect(raw.map((c) => c.processor_name)).toEqual(["nbac_player_boxscores"]);
  });

  test("a failure recorded before the set's first completion judged rows since rewritten: it does not block the new set; one recorded since does", async () => {
    await write({ passed: false, at: "2025-03-16T08:00:00Z" });
    await expect(blockingValidationResults(platform.warehouse, spec, DATE, "2025-03-16T09:00:00.000Z")).resolves.toEqual([]);
    await expect(blockingValidationResults(platform.warehouse, spec, DATE, "2025-03-16T08:00:00.000Z")).resolves.toHaveLength(1);
    await write({ passed: false, at: "2025-03-16T09:30:00Z" });
    await expect(blockingValidationResults(platform.warehouse, spec, DATE, "2025-03-16T09:00:00.000Z")).resolves.toHaveLength(1);
  });

  test("a range result covering the date counts", async () => {
    await writeValidationResult(platform, { runId: "range", gameDate: DATE, processor: "player_game_summary", check: "points_equal_score", passed: false, severity: "error", at: new Date("2025-03-16T07:00:00Z") });
    await expect(blockingValidationResults(platform.warehouse, spec, DATE)).resolves.toHaveLength(1);
  });

  test("unreadable results fail the gate closed", async () => {
    const broken = { ...platform, warehouse: { ...platform.warehouse, dialect: platform.warehouse.dialect, query: () => Promise.reject(new Error("connection reset")) } };
    const checks = await runGates({ platform: broken, health: localHealthProbe(broken) }, spec, DATE);
    expect(checks.find((c) => c.gate === "validation")).toEqual({ gate: "validation", passed: false, detail: "validation results unreadable: connection reset" });
    expect(checks.find((c) => c.gate === "health")?.passed).toBe(false);
  });
});

describe("health probes", () => {
  let server: Server;
  let url = "";
  let answer: number | "hang" = 200;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (answer === "hang") return;
      res.statusCode = req.url === "/health/ready" ? answer : 404;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const probe = (): HealthProbe => httpHealthProbe((role) => (role === "precompute-processors" ? `${url}/` : undefined), { timeoutMs: 300 });

  test("GET <url>/health/ready answering 200 is healthy", async () => {
    answer = 200;
    await expect(probe().check("precompute-processors", new AbortController().signal)).resolves.toMatchObject({ healthy: true });
  });

  test("a 503 is unhealthy, naming the status", async () => {
    answer = 503;
    await expect(probe().check("precompute-processors", new AbortController().signal)).resolves.toEqual({ healthy: false, detail: expect.stringMatching(/\/health\/ready answered 503$/) });
  });

  test("no answer within the timeout is unhealthy, and the probe returns promptly", async () => {
    answer = "hang";
    const started = Date.now();
    await expect(probe().check("precompute-processors", new AbortController().signal)).resolves.toEqual({ healthy: false, detail: expect.stringMatching(/did not answer within 300 ms/) });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  test("a role without a service URL is unhealthy, never assumed healthy", async () => {
    await expect(probe().check("exporter", new AbortController().signal)).resolves.toEqual({ healthy: false, detail: "exporter: no service URL configured" });
  });

  test("a probe that hangs inside the gate fails the health gate within the gate timeout", async () => {
    const platform = await openTestPlatform();
    try {
      const hanging: HealthProbe = { check: () => new Promise(() => undefined) };
      const checks = await runGates({ platform, health: hanging, healthTimeoutMs: 100 }, spec, DATE);
      expect(checks.find((c) => c.gate === "health")).toEqual({ gate: "health", passed: false, detail: "precompute-processors: no answer within 100 ms" });
    } finally {
      await platform.warehouse.close();
    }
  });

  test("locally, ready means warehouse and doc store reachable", async () => {
    const platform = await openTestPlatform();
    try {
      await expect(localHealthProbe(platform).check("precompute-processors", new AbortController().signal)).resolves.toEqual({ healthy: true, detail: "precompute-processors: warehouse and doc store reachable" });
    } finally {
      await platform.warehouse.close();
    }
  });
});
