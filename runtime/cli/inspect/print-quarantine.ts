import { resolveDate } from "../../domain/resolve-date";
import { localPaths } from "../../platform/local/local-platform";
import { FileDocStore } from "../../platform/local/file-doc-store";
import { listQuarantine } from "../../processors/base/quarantine-store";
import type { CliIo } from "../cli-io";
import { existingDataDir } from "../data-dir";
import { UsageError } from "../exit-codes";
import { errorMessage } from "../../domain/error-message";
import { formatTable } from "../format-table";

export interface QuarantineQuery {
  readonly dataDir: string;
  readonly date?: string;
  readonly limit: number;
  readonly json: boolean;
}

/** `nba-props quarantine list`: quarantined records of the local data dir, newest first. */
export async function printQuarantine(io: CliIo, query: QuarantineQuery): Promise<void> {
  let date: string | undefined;
  try {
    date = query.date === undefined ? undefined : resolveDate(query.date, new Date());
  } catch (err) {
    throw new UsageError(`--date ${query.date}: ${errorMessage(err)}`);
  }
  const store = new FileDocStore(localPaths(existingDataDir(query.dataDir)).docStore);
  const entries = await listQuarantine(store, date);
  const shown = entries.slice(0, query.limit);
  if (query.json) {
    io.stdout.write(`${JSON.stringify({ quarantined: shown, count: entries.length })}\n`);
    return;
  }
  if (entries.length === 0) {
    io.stdout.write(`No quarantined records${date ? ` for ${date}` : ""}.\n`);
    return;
  }
  const rows = shown.map((e) => [
    e.game_date,
    e.processor_name,
    e.rows_loaded ? "loaded the rest" : "nothing written",
    `${e.object_path ?? e.source}${e.record_index === null ? "" : ` #${e.record_index}`}`,
    e.field,
    e.value ?? "",
    e.reason,
  ]);
  io.stdout.write(`${formatTable(["date", "processor", "run", "file #record", "field", "value", "reason"], rows)}\n`);
  if (entries.length > shown.length) io.stdout.write(`(${entries.length - shown.length} more; --limit shows more)\n`);
}
