import type { RunRecord } from "../../monitoring/run-record";
import { RETRYABLE_WAREHOUSE_CODES, type WarehouseErrorCode } from "../../platform/local/warehouse-error";

/**
 * Whether a failed run's input should be delivered again: only when the warehouse said "not now"
 * (a transient error, or rows still in BigQuery's streaming buffer). Every other failure is
 * permanent: recorded and alerted, and redelivering the same input cannot help.
 */
export function shouldRedeliver(run: RunRecord): boolean {
  return run.status === "failed" && run.error_type !== null && RETRYABLE_WAREHOUSE_CODES.has(run.error_type as WarehouseErrorCode);
}
