import type { Row } from "../../catalog/derive/row-type";
import type { TableSpec } from "../../catalog/types";
import type { QuarantinedRecord } from "../base/quarantine";

export interface RawParseContext {
  /** What an operator recognises as the input: the replay file, the URL, or the sim seed. */
  readonly source: string;
  /** The stored payload's URI (source_file_path of every row). */
  readonly objectUri: string;
  readonly scope: string;
  readonly gameDate: string;
  readonly processedAt: string;
}

export interface RawParseResult {
  readonly rows: Row[];
  readonly quarantined: QuarantinedRecord[];
  /** Records deliberately not stored (counted, so received = rows + filtered + quarantined). */
  readonly filtered: number;
}

/** A phase-2 processor: the scraper it reads, the table it writes, and a pure parse. */
export interface RawProcessorDefinition {
  readonly name: string;
  readonly table: TableSpec;
  /** Date-scoped processors categorise an empty payload against the schedule. */
  readonly scope: "date" | "season";
  parse(payload: unknown, context: RawParseContext): RawParseResult;
}
