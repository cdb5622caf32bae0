import { RUNS_COLLECTION } from "../../monitoring/run-ledger";
import type { RunRecord } from "../../monitoring/run-record";
import { localPaths } from "../../platform/local/local-platform";
import { FileDocStore } from "../../platform/local/file-doc-store";
import type { DocFilter } from "../../platform/ports/doc-store";
import type { CliIo } from "../cli-io";
import { existingDataDir } from "../data-dir";
import { formatTable } from "../format-table";

export interface RunsQuery {
  readonly dataDir: string;
  readonly date?: string;
  readonly processor?: string;
  readonly status?: string;
  readonly limit: number;
  readonly json: boolean;
}

/** `nba-props runs`: the ledger, filtered, newest first. */
export async function printRuns(io: CliIo, query: RunsQuery): Promise<void> {
  const store = new FileDocStore(localPaths(existingDataDir(query.dataDir)).docStore);
  const filters: DocFilter[] = [];
  if (query.processor) filters.push({ field: "processor_name", op: "==", value: query.processor });
  if (query.status) filters.push({ field: "status", op: "==", value: query.status });
  const runs = (await store.query(RUNS_COLLECTION, filters))
    .map((d) => d.data as unknown as RunRecord)
    .filter((r) => query.date === undefined || r.game_date === query.date || r.scope === query.date)
    .sort((a, b) => b.started_at.localeCompare(a.started_at) || a.run_id.localeCompare(b.run_id))
    .slice(0, query.limit);
  if (query.json) {
    io.stdout.write(`${JSON.stringify(runs)}\n`);
    return;
  }
  const rows = runs.map((r) => [
    r.started_at.replace("T", " ").slice(0, 19),
    r.processor_name,
    r.scope,
    r.source_kind ?? "?",
    r.status,
    String(r.rows_written),
    r.duration_ms === null ? "" : String(r.duration_ms),
    r.error_type ?? "",
    (r.error_message ?? "").slice(0, 80),
  ]);
  io.stdout.write(`${formatTable(["started (UTC)", "processor", "scope", "source", "status", "rows", "ms", "error", "message"], rows)}\n(${runs.length} runs)\n`);
}
