import { catalog, tableId } from "../../runtime/catalog";
import { bigQueryDialect, duckdbDialect, render } from "../../runtime/platform/sql";
import { compileTableQuery } from "../../runtime/validation/compile-table";
import { loadValidationConfigs } from "../../runtime/validation/load-validation-configs";

const schedule = catalog.tables.find((t) => tableId(t) === "nba_raw.nbac_schedule")!;
const window = { from: "2025-02-14", to: "2025-03-15", now: new Date("2025-03-16T12:00:00Z") };
const bigquery = bigQueryDialect("nba-props-dev");

describe("one compiled query per table", () => {
  test.each(loadValidationConfigs().map((c) => [c.config.table, c.config]))("%s renders as one statement in both dialects", (id, config) => {
    const table = catalog.tables.find((t) => tableId(t) === id)!;
    const statement = compileTableQuery({ table, config, checks: config.checks, window, schedule, tables: catalog.tables });
    const bq = render(statement, bigquery);
    const duck = render(statement, duckdbDialect);
    for (const text of [bq.text, duck.text]) {
      expect(text.trim().startsWith("WITH base AS")).toBe(true);
      // One result row per check, one statement.
      expect(text.split("UNION ALL\nSELECT").length).toBe(config.checks.length);
      expect(text).not.toContain(";");
      // Values travel as parameters, never as text.
      expect(text).not.toContain(window.from);
      expect(text).not.toContain(window.to);
    }
    expect(bq.text).toContain(`\`nba-props-dev.${table.dataset}.${table.name}\``);
    expect(bq.text).not.toMatch(/\$[a-z]/);
    expect(duck.text).toContain(`"${table.dataset}"."${table.name}"`);
    expect(duck.text).not.toMatch(/@[a-z]/);
    const dateColumn = table.partitioning.kind === "time" ? table.columns.find((c) => c.name === (table.partitioning as { field: string }).field) : undefined;
    if (dateColumn?.type === "DATE" && config.date_column !== null) expect(bq.params.window_to).toEqual({ value: window.to, type: "DATE", array: false });
    if (dateColumn?.type === "TIMESTAMP") expect(bq.params.window_end_ts?.value).toBe("2025-03-16T04:00:00.000Z");
  });
});
