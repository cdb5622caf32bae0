import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DuckDbWarehouse } from "../../platform/local/duckdb-warehouse";
import { localPaths } from "../../platform/local/local-platform";
import { dataDirFlag } from "../data-dir";
import { UsageError } from "../exit-codes";

/** What a data dir may hold (localPaths, DuckDB's write-ahead log, rotated logs). */
const DATA_DIR_ENTRY = /^(warehouse\.duckdb(\.wal)?|docstore|objects|alerts\.log|nba-props\.log(\.\d+)?)$/;

export interface ResetResult {
  readonly data_dir: string;
  readonly removed: string[];
}

/**
 * Empties a data dir. Refuses a folder that holds anything a data dir never does (a mistyped
 * --data-dir must not delete someone's files) and a warehouse another process has open.
 */
export async function resetDataDir(flagValue: string): Promise<ResetResult> {
  const dir = dataDirFlag(flagValue);
  if (!existsSync(dir)) return { data_dir: dir, removed: [] };
  const entries = readdirSync(dir).sort();
  const foreign = entries.filter((e) => !DATA_DIR_ENTRY.test(e));
  if (foreign.length > 0) {
    throw new UsageError(`${dir} does not look like a data dir (it holds ${foreign.slice(0, 5).join(", ")}${foreign.length > 5 ? ", ..." : ""}); nothing was deleted: check --data-dir`);
  }
  const warehouse = localPaths(dir).warehouse;
  // Opening it takes DuckDB's lock: a running pipeline is named (WarehouseError LOCKED) and nothing is deleted.
  if (existsSync(warehouse)) await (await DuckDbWarehouse.open({ path: warehouse })).close();
  for (const entry of entries) rmSync(join(dir, entry), { recursive: true, force: true });
  return { data_dir: dir, removed: entries };
}
