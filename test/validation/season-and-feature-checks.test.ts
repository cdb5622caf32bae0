import { catalog, mlFeatureStoreV2, nbacSchedule, tableId, type TableSpec } from "../../runtime/catalog";
import { TEAMS } from "../../runtime/domain/teams";
import { openGcpPlatform } from "../../runtime/platform/gcp/open-gcp-platform";
import type { Platform } from "../../runtime/platform/platform";

import type { Row } from "../../runtime/catalog/derive/row-type";
import { arrayElement, bigQueryDialect, duckdbDialect, render, sql } from "../../runtime/platform/sql";
import { customSqlFragment } from "../../runtime/validation/custom-sql";
import { loadValidationConfigs } from "../../runtime/validation/load-validation-configs";
import { runValidation, type ValidationRun } from "../../runtime/validation/run-validation";
import { startGcpTestEnv, TEST_PROJECT, type GcpTestEnv } from "../support/gcp-test-env";
import { scheduleRow } from "../support/schedule-row";
import { openTestPlatform } from "../support/test-platform";

const DATE = "2025-03-15";
const ZERO_DAY = "2025-03-14";
const TABLES = catalog.tables.filter((t) => ["nba_raw.nbac_schedule", "nba_predictions.ml_feature_store_v2", "nba_orchestration.validation_runs", "nba_orchestration.validation_results"].includes(tableId(t)));
const CONFIGS = loadValidationConfigs().filter((c) => c.config.table === "nba_raw.nbac_schedule" || c.config.table === "nba_predictions.ml_feature_store_v2");

/** A season of 1,230 regular-season games, 82 per team (each team hosts the next 41 in the list), minus `dropped` of the first team's home games. */
function season(dropped: number): Row[] {
  const rows: Row[] = [];
  const opening = Date.parse("2024-10-22T00:00:00Z");
  for (let offset = 1; offset <= 41; offset++) {
    for (let home = 0; home < TEAMS.length; home++) {
      if (home === 0 && offset <= dropped) continue;
      const away = (home + offset) % TEAMS.length;
      const index = rows.length;
      const gameDate = new Date(opening + (index % 170) * 86_400_000).toISOString().slice(0, 10);
      rows.push(
        scheduleRow(`0022400${String(index).padStart(3, "0")}`, {
          game_date: gameDate,
          canonical_game_id: `${gameDate.replace(/-/g, "")}_${TEAMS[away]!.tricode}_${TEAMS[home]!.tricode}`,
          home_team_tricode: TEAMS[home]!.tricode,
          home_team_id: TEAMS[home]!.teamId,
          away_team_tricode: TEAMS[away]!.tricode,
          away_team_id: TEAMS[away]!.teamId,
          winning_team_tricode: TEAMS[home]!.tricode,
        }),
      );
      rows[rows.length - 1]!.source_kind = "replay";
    }
  }
  return rows;
}

function defaultCell(table: TableSpec, name: string): unknown {
  const column = table.columns.find((c) => c.name === name)!;
  if (column.mode === "REPEATED") return [];
  switch (column.type) {
    case "STRING":
      return "x";
    case "INT64":
    case "FLOAT64":
    case "NUMERIC":
      return 0;
    case "BOOL":
      return true;
    case "DATE":
      return DATE;
    default:
      return "2025-03-16T10:00:00.000Z";
  }
}

/** A feature vector in range (f0 20, f5 50, f13 110, f18-20 0.30/0.20/0.35), with `changes` by index. */
function features(changes: Readonly<Record<number, number>> = {}): number[] {
  const values = Array.from({ length: 33 }, () => 1);
  Object.assign(values, { 0: 20, 5: 50, 13: 110, 18: 0.3, 19: 0.2, 20: 0.35 }, changes);
  return values;
}

function mlfsRow(gameDate: string, player: string, vector: number[]): Row {
  const row = Object.fromEntries(mlFeatureStoreV2.columns.map((c) => [c.name, defaultCell(mlFeatureStoreV2, c.name)]));
  return { ...row, game_date: gameDate, player_lookup: player, features: vector, feature_count: 33, feature_version: "v2_33features", quality_tier: "high", data_hash: `h-${player}`, season_year: 2024, source_kind: "replay" };
}

async function seed(platform: Platform): Promise<void> {
  await platform.warehouse.merge(nbacSchedule, season(3));
  const day = Array.from({ length: 60 }, (_, i) => mlfsRow(DATE, `player${i}`, i === 0 ? features({ 0: 75 }) : i === 1 ? features({ 13: 150 }) : features()));
  const zeroDay = Array.from({ length: 10 }, (_, i) => mlfsRow(ZERO_DAY, `player${i}`, features({ 18: 0, 19: 0, 20: 0 })));
  await platform.warehouse.merge(mlFeatureStoreV2, [...day, ...zeroDay]);
}

function check(run: ValidationRun, table: string, key: string) {
  const found = run.tables.find((t) => t.table === table)?.checks.find((c) => c.key === key);
  if (!found) throw new Error(`no check ${table} ${key}`);
  return found;
}

/** What both warehouses must say about the seeded data. */
function expectJudgements(run: ValidationRun): void {
  const mlfs = "nba_predictions.ml_feature_store_v2";
  expect(run.tables.map((t) => [t.table, t.queries])).toEqual([
    ["nba_predictions.ml_feature_store_v2", 1],
    ["nba_raw.nbac_schedule", 1],
  ]);
  expect(check(run, mlfs, "feature_0_points_avg_last_5_range")).toMatchObject({ status: "fail", severity: "warning", sample: ["2025-03-15 player0"] });
  expect(check(run, mlfs, "feature_13_opponent_def_rating_range")).toMatchObject({ status: "fail", sample: ["2025-03-15 player1"] });
  expect(check(run, mlfs, "feature_5_fatigue_score_range")).toMatchObject({ status: "pass" });
  expect(check(run, mlfs, "feature_18_pct_paint_range")).toMatchObject({ status: "pass" });
  expect(check(run, mlfs, "zone_fractions_all_zero")).toMatchObject({ status: "fail", sample: [ZERO_DAY] });
  expect(check(run, mlfs, "zone_fractions_all_zero_majority")).toMatchObject({ status: "fail", severity: "critical", sample: [ZERO_DAY] });
  expect(check(run, mlfs, "feature_18_pct_paint_daily_mean")).toMatchObject({ status: "fail", sample: [ZERO_DAY] });
  // One day out of range is a warning; the critical form tolerates 5 such days.
  expect(check(run, mlfs, "feature_18_pct_paint_daily_mean_persistent")).toMatchObject({ status: "pass" });
  expect(check(run, mlfs, "feature_19_pct_mid_range_daily_mean")).toMatchObject({ status: "fail", sample: [ZERO_DAY] });
  // The first team hosts 3 games fewer: 79 over the whole season, although the window is one day.
  expect(check(run, "nba_raw.nbac_schedule", "games_per_team_per_season")).toMatchObject({ status: "fail", severity: "warning", observed: 1, sample: [`2024 ${TEAMS[0]!.tricode}`] });
}

const validate = (platform: Platform): Promise<ValidationRun> =>
  runValidation(platform, { from: ZERO_DAY, to: DATE, configs: CONFIGS, remediation: { dataDir: "/tmp/none", sourceFlags: null }, triggeredBy: "manual", sourceKind: "replay", tables: TABLES });

describe("{element:column:N}: one placeholder, each dialect's array indexing", () => {
  test("renders features[SAFE_OFFSET(N)] for BigQuery and features[N+1] for DuckDB", () => {
    const fragment = sql`SELECT ${arrayElement("features", 18)} AS f18`;
    expect(render(fragment, bigQueryDialect(TEST_PROJECT)).text).toBe("SELECT features[SAFE_OFFSET(18)] AS f18");
    expect(render(fragment, duckdbDialect).text).toBe('SELECT "features"[19] AS f18');
  });

  test("only an array column of the judged table can be indexed", () => {
    const ctx = { table: mlFeatureStoreV2, window: { from: DATE, to: DATE }, tables: catalog.tables };
    expect(() => customSqlFragment("SELECT player_lookup AS failing_key FROM {table} WHERE {element:feature_count:0} > 1", ctx)).toThrow("{element:feature_count:0} needs an array column");
    expect(render(customSqlFragment("SELECT player_lookup AS failing_key FROM {table} WHERE {element:features:0} > 60", ctx), duckdbDialect).text).toContain('"features"[1] > 60');
  });

  test("{season_from}/{season_to} widen the window to the seasons it touches", () => {
    const rendered = render(customSqlFragment("SELECT team AS failing_key FROM {table} WHERE game_date BETWEEN {season_from} AND {season_to}", { table: nbacSchedule, window: { from: "2025-03-15", to: "2025-11-02" }, tables: catalog.tables }), duckdbDialect);
    expect(rendered.params).toMatchObject({ season_from: { value: "2024-10-01" }, season_to: { value: "2026-09-30" } });
  });
});

describe("MLFS per-feature checks and games per team per season on DuckDB (local)", () => {
  test("name the out-of-range player-days, the zero-zone day and the short team", async () => {
    const platform = await openTestPlatform("2025-03-16T15:00:00.000Z");
    try {
      await platform.warehouse.ensureTables(TABLES);
      await seed(platform);
      expectJudgements(await validate(platform));
    } finally {
      await platform.warehouse.close();
    }
  });
});

describe("the same checks through the validator's GCP platform, against the BigQuery fake", () => {
  let testEnv: GcpTestEnv;
  beforeAll(async () => {
    testEnv = await startGcpTestEnv({ component: "validator", tables: TABLES });
  });
  afterAll(() => testEnv.stop());

  test("judge alike, one statement per table, and store the results in BigQuery", async () => {
    const platform = await openGcpPlatform(testEnv.env);
    try {
      await seed(platform);
      const run = await validate(platform);
      expectJudgements(run);
      const queries = testEnv.bigquery.jobs.filter((j) => j.kind === "query" && /SAFE_OFFSET/.test(j.query ?? ""));
      expect(queries.length).toBe(1);
      expect(queries.every((j) => j.partitionFilters.every((f) => f.filtered))).toBe(true);
      const stored = await testEnv.bigquery.rows("nba_orchestration", "validation_results");
      expect(stored.filter((r) => r.check_name === "games_per_team_per_season").map((r) => r.passed)).toEqual([false]);
    } finally {
      await platform.close();
    }
  }, 60_000);
});
