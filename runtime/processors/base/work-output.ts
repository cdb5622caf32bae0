import type { Row } from "../../catalog/derive/row-type";
import type { EmptyReason } from "../../monitoring/run-record";
import type { QuarantinedRecord } from "./quarantine";

/** What a processor's own code hands back to the lifecycle: rows plus the accounting for them. */
export interface WorkOutput {
  readonly rows: readonly Row[];
  readonly quarantined: readonly QuarantinedRecord[];
  /** Records the upstream said it sent (phase 1 `record_count`); checked against rows + filtered. */
  readonly recordsReceived?: number;
  /** Records left out on purpose (e.g. preseason games), counted so nothing disappears silently. */
  readonly rowsFiltered?: number;
  /** Rows a complete run would write; fewer makes the run `partial`. */
  readonly expectedRows?: number;
  /** Rows identical (same data_hash) to the stored ones: not sent to the write, yet part of the result. */
  readonly rowsUnchanged?: number;
  /** Why the run is incomplete (e.g. the games missing), recorded as the partial run's message. */
  readonly incompleteReason?: string;
  /** Why there are no rows, when there are none. */
  readonly emptyReason?: EmptyReason;
  /** Final games of the schedule the input did not cover (NBA ids): the run is `partial`, naming them. */
  readonly missingGames?: readonly string[];
  /** SHA-256 of the input (the stored payload): an input already loaded by an earlier run is not written again. */
  readonly inputHash?: string;
  /** Where the input came from, for messages (`metadata`). */
  readonly metadata?: Readonly<Record<string, unknown>>;
}
