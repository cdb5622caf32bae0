import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import type { CliIo } from "../cli-io";
import { CommandFailure, UsageError } from "../exit-codes";
import { errorMessage } from "../../domain/error-message";
import { cellText, formatTable } from "../format-table";
import { DEFAULT_DATA_DIR } from "../data-dir";

export function registerQueryCommand(program: Command, io: CliIo): void {
  program
    .command("query")
    .description("Run one read-only SQL query on the local warehouse; tables are addressed as dataset.table.")
    .argument("<sql>", 'a SELECT, e.g. "SELECT team_abbr, points_scored FROM nba_analytics.team_offense_game_summary"')
    .option("--data-dir <dir>", "the data dir the pipeline wrote", DEFAULT_DATA_DIR)
    .option("--json", "print an array of row objects")
    .addHelpText(
      "after",
      "\nAnything but a read (INSERT, UPDATE, DELETE, CREATE, ATTACH, COPY, INSTALL, LOAD, SET, several statements), EXPLAIN ANALYZE,\nand any file, URL or extension access (read_csv, read_text, read_parquet, glob, 'https://...') is refused with exit code 2.",
    )
    .action(async (text: string, options: { dataDir: string; json?: boolean }) => {
      if (text.trim() === "") throw new UsageError('the SQL is empty; pass one read, e.g. nba-props query "SELECT 1"');
      /* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- DuckDB loads only when the command runs (runtime/cli/commands/index.ts) */
      const { DuckDbWarehouse }: typeof import("../../platform/local/duckdb-warehouse") = require("../../platform/local/duckdb-warehouse");
      const { localPaths }: typeof import("../../platform/local/local-platform") = require("../../platform/local/local-platform");
      const { WarehouseError }: typeof import("../../platform/local/warehouse-error") = require("../../platform/local/warehouse-error");
      /* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment */
      const file = localPaths(resolve(options.dataDir)).warehouse;
      if (!existsSync(file)) throw new UsageError(`no warehouse at ${file}; run nba-props pipeline first or pass --data-dir`);
      const warehouse = await DuckDbWarehouse.open({ path: file, readOnly: true, sealed: true });
      try {
        const rows = await warehouse.readOnlyQuery(text);
        if (options.json) io.stdout.write(`${JSON.stringify(rows)}\n`);
        else {
          const headers = rows[0] ? Object.keys(rows[0]) : [];
          io.stdout.write(`${formatTable(headers, rows.map((r) => headers.map((h) => cellText(r[h]))))}\n(${rows.length} rows)\n`);
        }
      } catch (err) {
        if (err instanceof WarehouseError && err.code === "READ_ONLY") throw new UsageError(err.message);
        throw new CommandFailure(`the database could not run the query: ${errorMessage(err)}`);
      } finally {
        await warehouse.close();
      }
    });
}
