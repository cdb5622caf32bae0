import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { catalog, tableId } from "../../runtime/catalog";
import { columnsReadBy, dateColumnOf } from "../../runtime/validation/compile-table";
import { loadTableConfigFile, loadValidationConfigs, VALIDATION_CONFIG_DIR, ValidationConfigError } from "../../runtime/validation/load-validation-configs";

const configs = loadValidationConfigs();
const byTable = new Map(configs.map((c) => [c.config.table, c]));

describe("validation configs", () => {
  test.each(catalog.tables.map((t) => [tableId(t)]))("catalog table %s has a config", (id) => {
    expect(byTable.get(id)?.file).toBe(join(VALIDATION_CONFIG_DIR, ...id.split(".")) + ".yaml");
  });

  test.each(configs.map((c) => [c.config.table, c]))("%s names a catalog table and only its real columns", (_, loaded) => {
    const table = catalog.tables.find((t) => tableId(t) === loaded.config.table);
    expect(table).toBeDefined();
    const columns = new Set(table?.columns.map((c) => c.name));
    const dateColumn = table ? dateColumnOf(table, loaded.config) : null;
    const read = [...(dateColumn ? [dateColumn] : []), ...loaded.config.checks.flatMap(columnsReadBy)];
    expect(read.filter((c) => !columns.has(c))).toEqual([]);
  });

  test.each(configs.map((c) => [c.config.table, c.config.due.after]))("%s: due 'never' exactly when no processor writes it (due %s)", (id, after) => {
    const written = catalog.processors.some((p) => p.output === id);
    const writtenByValidator = id.startsWith("nba_orchestration.validation_");
    expect(after === "never").toBe(!written && !writtenByValidator);
  });

  test("the team_defense_game_summary checks of DOMAIN §5.2 are there with their severities", () => {
    const checks = byTable.get("nba_analytics.team_defense_game_summary")?.config.checks ?? [];
    const severity = Object.fromEntries(checks.map((c) => [c.key, c.severity]));
    expect(severity).toMatchObject({
      teams_per_game: "critical",
      no_duplicate_entries: "critical",
      defensive_rating_bounds: "warning",
      points_allowed_bounds: "warning",
      schedule_cross_validation: "warning",
      valid_team_abbreviations: "error",
    });
  });

  describe("a bad file", () => {
    let dir = "";
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "nba-props-vconf-"));
      mkdirSync(join(dir, "nba_analytics"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const write = (text: string): string => {
      const file = join(dir, "nba_analytics", "team_defense_game_summary.yaml");
      writeFileSync(file, text);
      return file;
    };
    const shipped = readFileSync(join(VALIDATION_CONFIG_DIR, "nba_analytics", "team_defense_game_summary.yaml"), "utf8");

    test("a misspelled key is rejected, naming the key and the file", () => {
      const file = write(shipped.replace("    severity: critical\n", "    severty: critical\n"));
      expect(() => loadTableConfigFile(file)).toThrow(ValidationConfigError);
      expect(() => loadTableConfigFile(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}[\\s\\S]*checks\\[0 teams_per_game\\]\\.severty: unknown key`));
    });

    test("a misspelled top-level key is rejected too", () => {
      const file = write(`${shipped}\nremediaton: x\n`);
      expect(() => loadTableConfigFile(file)).toThrow(/remediaton: unknown key/);
    });

    test("an unknown remediation placeholder and a table in the wrong file are rejected", () => {
      const file = write(shipped.replace("{data_dir}", "{datadir}").replace("table: nba_analytics.team_defense_game_summary", "table: nba_analytics.player_game_summary"));
      expect(() => loadTableConfigFile(file)).toThrow(/unknown placeholder \{datadir\}/);
      expect(() => loadTableConfigFile(file)).toThrow(/does not match the file's place/);
    });

    test("the shipped file itself loads", () => {
      expect(loadTableConfigFile(write(shipped)).config.checks.length).toBeGreaterThanOrEqual(6);
    });
  });
});
