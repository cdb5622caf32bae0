import { catalog, mlFeatureStoreV2, tableId } from "../../runtime/catalog";
import type { Row } from "../../runtime/catalog/derive/row-type";
import { bigQueryDialect, duckdbDialect, render } from "../../runtime/platform/sql";
import { FEATURE_NAMES } from "../../runtime/processors/precompute/features";
import { compileTableQuery } from "../../runtime/validation/compile-table";
import { loadValidationConfigs } from "../../runtime/validation/load-validation-configs";
import { runValidation, type ValidationRun } from "../../runtime/validation/run-validation";
import { openTestPlatform } from "../support/test-platform";

const DATE = "2025-03-15";
const MLFS = "nba_predictions.ml_feature_store_v2";
const TABLES = catalog.tables.filter((t) => [MLFS, "nba_raw.nbac_schedule", "nba_orchestration.validation_runs", "nba_orchestration.validation_results"].includes(tableId(t)));
const CONFIGS = loadValidationConfigs().filter((c) => c.config.table === MLFS);

/** Ten players of one day; `sources(i)` gives player i's 33 feature sources. */
function day(sources: (player: number) => string[]): Row[] {
  const nulls = Object.fromEntries(mlFeatureStoreV2.columns.map((c) => [c.name, null]));
  return Array.from({ length: 10 }, (_, i) => ({
    ...nulls,
    game_date: DATE,
    player_lookup: `player${i}`,
    universal_player_id: null,
    game_id: "20250315_NYK_PHI",
    season_year: 2024,
    features: Array.from({ length: 33 }, () => 1),
    feature_names: [...FEATURE_NAMES],
    feature_sources: sources(i),
    feature_count: 33,
    feature_version: "v2_33features",
    feature_quality_score: 90,
    quality_tier: "medium",
    data_source: "phase4",
    is_production_ready: true,
    data_hash: `h${i}`,
    processed_at: "2025-03-15T10:00:00.000Z",
    created_at: "2025-03-15T10:00:00.000Z",
    source_kind: "sim",
  }));
}

async function validate(rows: Row[]): Promise<ValidationRun> {
  const platform = await openTestPlatform("2025-03-16T15:00:00.000Z");
  try {
    await platform.warehouse.merge(mlFeatureStoreV2, rows);
    return await runValidation(platform, { from: DATE, to: DATE, configs: CONFIGS, remediation: { dataDir: "/tmp/none", sourceFlags: null }, triggeredBy: "manual", sourceKind: "sim", tables: TABLES });
  } finally {
    await platform.warehouse.close();
  }
}

const check = (run: ValidationRun, key: string) => run.tables[0]!.checks.find((c) => c.key === key)!;

describe("MLFS feature population (DOMAIN §5.4: a feature 0% populated is critical, under 50% a warning)", () => {
  test("every feature from its source, or not available yet (no history, no line posted): both checks pass", async () => {
    const run = await validate(day((i) => FEATURE_NAMES.map((_, f) => (f === 29 && i < 8 ? "not_available" : f % 2 === 0 ? "phase4" : "phase3"))));
    expect(run.tables.map((t) => t.queries)).toEqual([1]);
    expect(check(run, "feature_populated")).toMatchObject({ status: "pass", observed: 0 });
    expect(check(run, "feature_populated_share")).toMatchObject({ status: "pass", observed: 0 });
  });

  test("an all-default feature fails critical naming it; 3 of 10 from the source warns; not-available rows are not judged", async () => {
    const run = await validate(
      day((i) =>
        FEATURE_NAMES.map((_, f) => {
          if (f === 10) return "default"; // injury_risk: no report read at all
          if (f === 25) return i < 3 ? "phase3" : "default"; // vegas_points_line: 3 of 10
          if (f === 29) return "not_available"; // avg_points_vs_opponent: first meeting for everyone
          if (f === 30) return i < 4 ? "phase3" : "not_available"; // games_vs_opponent: 4 of 4 judged
          return "phase4";
        }),
      ),
    );
    expect(check(run, "feature_populated")).toMatchObject({ status: "fail", severity: "critical", observed: 1, sample: ["2025-03-15 f10 injury_risk populated 0 of 10"] });
    expect(check(run, "feature_populated_share")).toMatchObject({
      status: "fail",
      severity: "warning",
      observed: 2,
      sample: ["2025-03-15 f10 injury_risk populated 0 of 10", "2025-03-15 f25 vegas_points_line populated 3 of 10"],
    });
  });

  test("compiles into the table's one query in both dialects, indexing the sources array", () => {
    const entry = CONFIGS[0]!;
    const statement = compileTableQuery({ table: mlFeatureStoreV2, config: entry.config, checks: entry.config.checks, window: { from: DATE, to: DATE, now: new Date("2025-03-16T15:00:00Z") }, schedule: TABLES.find((t) => t.name === "nbac_schedule")!, tables: catalog.tables });
    expect(render(statement, bigQueryDialect("nba-props-dev")).text).toContain("feature_sources[SAFE_OFFSET(32)]");
    expect(render(statement, duckdbDialect).text).toContain('"feature_sources"[33]');
  });
});
