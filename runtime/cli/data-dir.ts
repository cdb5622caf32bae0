import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { SourceKind } from "../domain/source-kind";
import { UsageError } from "./exit-codes";

/** Where real (replay, http) data lives by default; what the read commands open by default. */
export const DEFAULT_DATA_DIR = ".nba-props";
/** Sim data gets its own default dir, so `npm start` never writes into a dir holding real data. */
export const SIM_DATA_DIR = ".nba-props-sim";

export function defaultDataDir(kind: SourceKind): string {
  return kind === "sim" ? SIM_DATA_DIR : DEFAULT_DATA_DIR;
}

/** `--data-dir` as an absolute path; a path that exists must be a directory. */
export function dataDirFlag(value: string): string {
  const dir = resolve(value);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--data-dir ${value} is a file, not a directory; pass a directory (it is created if missing)`);
  return dir;
}

/** A data dir a read command opens: it must exist; the message says where the pipeline writes. */
export function existingDataDir(value: string): string {
  const dir = dataDirFlag(value);
  if (!existsSync(dir)) {
    throw new UsageError(`no data dir at ${dir}: run nba-props pipeline first, or pass --data-dir (the sim writes ${SIM_DATA_DIR}, replay ${DEFAULT_DATA_DIR})`);
  }
  return dir;
}
