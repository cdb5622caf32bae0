import { cpSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { catalog } from "../../runtime/catalog";
import { openLocalPlatform } from "../../runtime/platform/local/local-platform";
import { fixedClock } from "../../runtime/platform/ports/clock";
import { param, sql } from "../../runtime/platform/sql";
import { loadValidationConfigs, parseTableConfig } from "../../runtime/validation/load-validation-configs";
import { runValidation } from "../../runtime/validation/run-validation";
import { runCliCaptured } from "../support/cli";
import { describeWithSamples, SAMPLES_DIR } from "../support/samples";
import { useTempDir } from "../support/temp-dir";

interface CheckJson {
  key: string;
  severity: string;
  blocking: boolean;
  status: string;
  observed: number | null;
  threshold: number | null;
  sample: string[];
  remediation: string | null;
}
interface ValidationJson {
  status: string;
  tables: { table: string; status: string; queries: number; checks: CheckJson[] }[];
}

const DATE = "2025-03-15";
const GAME = "20250315_OKC_DET";

async function execSql(dataDir: string, statement: string): Promise<void> {
  const instance = await DuckDBInstance.create(join(dataDir, "warehouse.duckdb"));
  const connection = await instance.connect();
  try {
    await connection.run(statement);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function validate(dataDir: string, ...extra: string[]): Promise<{ code: number; json: ValidationJson }> {
  const result = await runCliCaptured(["validate", "--data-dir", dataDir, "--from", DATE, "--to", DATE, "--json", ...extra]);
  return { code: result.code, json: JSON.parse(result.stdout) as ValidationJson };
}

function check(json: ValidationJson, table: string, key: string): CheckJson {
  const found = json.tables.find((t) => t.table === table)?.checks.find((c) => c.key === key);
  if (!found) throw new Error(`no check ${table} ${key}`);
  return found;
}

describeWithSamples("validation on the real day 2025-03-15", () => {
  const tmp = useTempDir("validate");
  const pristine = () => join(tmp(), "pristine");
  let pipeline: { code: number; json: { validation?: ValidationJson; runs: unknown[] } };
  const copy = (name: string): string => {
    const dir = join(tmp(), name);
    cpSync(pristine(), dir, { recursive: true });
    return dir;
  };

  beforeAll(async () => {
    const result = await runCliCaptured(["pipeline", "--date", DATE, "--source", "replay", "--replay-dir", SAMPLES_DIR, "--data-dir", pristine(), "--json"]);
    pipeline = { code: result.code, json: JSON.parse(result.stdout) as typeof pipeline.json };
  });

  test("the pipeline validates each phase and every table passes with one query per table; sources the samples lack for the day only warn", async () => {
    expect(pipeline.code).toBe(0);
    // The samples hold no Ball Don't Lie, team box score, play-by-play or scoreboard capture for this date:
    // their coverage checks warn (none is a critical source), nothing fails.
    const expected = {
      status: "warn",
      failing: [
        "nba_raw.bdl_player_boxscores final_games_covered warning",
        "nba_raw.nbac_play_by_play schedule_cross_validation warning",
        "nba_raw.nbac_scoreboard_v2 schedule_cross_validation warning",
        "nba_raw.nbac_team_boxscore schedule_cross_validation warning",
      ],
    };
    const failing = (tables: readonly { table: string; checks: readonly { key: string; status: string; severity: string }[] }[]) =>
      tables.flatMap((t) => t.checks.filter((c) => c.status === "fail" || c.status === "error").map((c) => `${t.table} ${c.key} ${c.severity}`)).sort();
    expect({ status: pipeline.json.validation?.status, failing: failing(pipeline.json.validation?.tables ?? []) }).toEqual(expected);
    expect(pipeline.json.validation?.tables.map((t) => t.table)).toEqual(expect.arrayContaining(["nba_raw.nbac_schedule", "nba_analytics.player_game_summary"]));
    const { code, json } = await validate(pristine());
    expect(code).toBe(0);
    expect({ status: json.status, failing: failing(json.tables) }).toEqual(expected);
    expect(json.tables).toHaveLength(catalog.tables.length);
    expect(new Set(json.tables.map((t) => t.queries))).toEqual(new Set([1]));
    expect(check(json, "nba_analytics.player_game_summary", "points_match_final_score").status).toBe("pass");
    expect(check(json, "nba_precompute.player_daily_cache", "no_duplicate_entries").status).toBe("pass"); // written by phase 4 now (no rows without history)
  });

  test("a duplicated team_defense_game_summary row fails uniqueness and two-teams-per-game, naming the game", async () => {
    const dir = copy("duplicate");
    await execSql(dir, `INSERT INTO nba_analytics.team_defense_game_summary SELECT * FROM nba_analytics.team_defense_game_summary WHERE game_id = '${GAME}' AND defending_team_abbr = 'OKC'`);
    const { code, json } = await validate(dir, "--table", "nba_analytics.team_defense_game_summary");
    expect(code).toBe(1);
    expect(json.status).toBe("fail");
    expect(check(json, "nba_analytics.team_defense_game_summary", "no_duplicate_entries")).toMatchObject({ status: "fail", severity: "critical", sample: [`${GAME} OKC rows=2`] });
    expect(check(json, "nba_analytics.team_defense_game_summary", "teams_per_game")).toMatchObject({ status: "fail", sample: [`${DATE} ${GAME} n=3`] });
  });

  test("one player's changed points fail the cross-source check, naming the team-game", async () => {
    const dir = copy("points");
    await execSql(dir, `UPDATE nba_analytics.player_game_summary SET points = points + 2 WHERE game_id = '${GAME}' AND player_lookup = (SELECT MIN(player_lookup) FROM nba_analytics.player_game_summary WHERE game_id = '${GAME}' AND team_abbr = 'OKC')`);
    const { code, json } = await validate(dir, "--table", "nba_analytics.player_game_summary");
    expect(code).toBe(1);
    const failed = check(json, "nba_analytics.player_game_summary", "points_match_final_score");
    expect(failed.status).toBe("fail");
    expect(failed.sample).toHaveLength(1);
    expect(failed.sample[0]).toMatch(new RegExp(`^${DATE} ${GAME} OKC sum=(\\d+) score=(\\d+)$`));
    const [, sum, score] = /sum=(\d+) score=(\d+)/.exec(failed.sample[0] ?? "") ?? [];
    expect(Number(sum) - Number(score)).toBe(2);
  });

  test("deleted player_game_summary rows fail completeness; the printed remediation restores them", async () => {
    const dir = copy("deleted");
    await execSql(dir, `DELETE FROM nba_analytics.player_game_summary WHERE game_date = '${DATE}'`);
    const before = await validate(dir, "--table", "nba_analytics.player_game_summary");
    expect(before.code).toBe(1);
    const completeness = check(before.json, "nba_analytics.player_game_summary", "schedule_cross_validation");
    expect(completeness.status).toBe("fail");
    expect(completeness.observed).toBe(16);
    expect(completeness.remediation).toBe(`nba-props pipeline --date ${DATE} --to ${DATE} --source replay --replay-dir ${SAMPLES_DIR} --data-dir ${dir}`);
    const args = (completeness.remediation ?? "").split(" ");
    expect(args[0]).toBe("nba-props");
    expect((await runCliCaptured(args.slice(1))).code).toBe(0);
    const after = await validate(dir, "--table", "nba_analytics.player_game_summary");
    expect(after.code).toBe(0);
    expect(check(after.json, "nba_analytics.player_game_summary", "schedule_cross_validation").status).toBe("pass");
    // A whole replay pipeline plus three validations.
  }, 180_000);

  test("missing data that is not due yet is not_due, not fail", async () => {
    const dir = copy("not-due");
    await execSql(dir, `DELETE FROM nba_analytics.player_game_summary WHERE game_date = '${DATE}'`);
    const configs = loadValidationConfigs().filter((c) => c.config.table === "nba_analytics.player_game_summary");
    // 11:00 ET on the game day: no game has tipped, so nothing is due.
    const morning = await openLocalPlatform({ dataDir: dir, clock: fixedClock(`${DATE}T15:00:00Z`), alertStream: { write: () => true } });
    try {
      const run = await runValidation(morning, { from: DATE, to: DATE, configs, remediation: { dataDir: dir, sourceFlags: null }, triggeredBy: "manual", sourceKind: "replay" });
      const checks = run.tables[0]?.checks ?? [];
      expect(checks.find((c) => c.key === "schedule_cross_validation")?.status).toBe("not_due");
      expect(checks.find((c) => c.key === "points_match_final_score")?.status).toBe("not_due");
      expect(run.status).toBe("pass");
    } finally {
      await morning.close();
    }
  });

  test("a broken check is an error result; the table's other checks still run and are stored", async () => {
    const dir = copy("broken");
    const shipped = loadValidationConfigs().find((c) => c.config.table === "nba_analytics.team_defense_game_summary")!;
    const withChecks = (extra: unknown[]) =>
      parseTableConfig({ ...JSON.parse(JSON.stringify(shipped.config)), checks: [...shipped.config.checks, ...extra] }, shipped.file);
    const platform = await openLocalPlatform({ dataDir: dir, alertStream: { write: () => true } });
    try {
      // A column the catalog lacks: caught before compiling, the one query still runs.
      const staticBroken = withChecks([{ key: "bounds_on_missing_column", kind: "value_bounds", column: "team_abbr", min: 0, severity: "warning", blocking: false }]);
      const first = await runValidation(platform, { from: DATE, to: DATE, configs: [{ file: shipped.file, config: staticBroken }], remediation: { dataDir: dir, sourceFlags: null }, triggeredBy: "manual", sourceKind: "replay" });
      const t1 = first.tables[0]!;
      expect(t1.queries).toBe(1);
      expect(t1.checks.find((c) => c.key === "bounds_on_missing_column")).toMatchObject({ status: "error", severity: "error" });
      expect(t1.checks.filter((c) => c.status === "pass").map((c) => c.key)).toEqual(shipped.config.checks.map((c) => c.key));

      // SQL the warehouse rejects: the compiled query fails, the checks then run one by one.
      const sqlBroken = withChecks([
        { key: "custom_on_missing_column", kind: "custom_sql", sql: "SELECT team_abbr AS failing_key FROM {table} WHERE game_date BETWEEN {from} AND {to}", severity: "warning", blocking: false },
      ]);
      const second = await runValidation(platform, { from: DATE, to: DATE, configs: [{ file: shipped.file, config: sqlBroken }], remediation: { dataDir: dir, sourceFlags: null }, triggeredBy: "manual", sourceKind: "replay" });
      const t2 = second.tables[0]!;
      expect(t2.queries).toBe(1 + sqlBroken.checks.length);
      expect(t2.checks.find((c) => c.key === "custom_on_missing_column")?.status).toBe("error");
      expect(t2.checks.filter((c) => c.status === "pass")).toHaveLength(shipped.config.checks.length);

      const stored = await platform.warehouse.query(
        sql`SELECT check_name, check_type, passed FROM nba_orchestration.validation_results WHERE validation_timestamp >= TIMESTAMP '2020-01-01' AND validation_run_id = ${param("run_id", `${second.runId}/nba_analytics.team_defense_game_summary`, "STRING")} ORDER BY check_name`,
      );
      expect(stored).toHaveLength(sqlBroken.checks.length);
      expect(stored.find((r) => r.check_name === "custom_on_missing_column")).toMatchObject({ check_type: "error", passed: false });
      expect(stored.filter((r) => r.passed === true)).toHaveLength(shipped.config.checks.length);
    } finally {
      await platform.close();
    }
  });
});
