import { errorMessage } from "../../domain/error-message";
import { WarehouseError, type WarehouseErrorCode } from "../local/warehouse-error";

const TRANSIENT_REASONS = new Set(["backendError", "rateLimitExceeded", "internalError", "jobBackendError", "jobInternalError"]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND"]);
const STREAMING_BUFFER = /streaming buffer/i;

interface ApiErrorShape {
  readonly code?: number | string;
  readonly errors?: readonly { readonly reason?: string; readonly message?: string }[];
}

function shapeOf(err: unknown): ApiErrorShape {
  return typeof err === "object" && err !== null ? (err) : {};
}

/**
 * Which of three things a BigQuery failure is. A streaming-buffer conflict comes back as an
 * `invalidQuery`, so it is recognised by its message before the reasons are read.
 */
export function classifyBigQueryError(err: unknown): Extract<WarehouseErrorCode, "TRANSIENT" | "WRITE_POSTPONED" | "PERMANENT"> {
  const shape = shapeOf(err);
  const reasons = (shape.errors ?? []).map((e) => e.reason ?? "");
  const messages = [errorMessage(err), ...(shape.errors ?? []).map((e) => e.message ?? "")];
  if (messages.some((m) => STREAMING_BUFFER.test(m))) return "WRITE_POSTPONED";
  if (reasons.some((r) => TRANSIENT_REASONS.has(r))) return "TRANSIENT";
  if (typeof shape.code === "number" && (shape.code >= 500 || shape.code === 429)) return "TRANSIENT";
  if (typeof shape.code === "string" && NETWORK_CODES.has(shape.code)) return "TRANSIENT";
  return "PERMANENT";
}

/** Wraps a client failure in a WarehouseError whose code says whether retrying can help. */
export function bigQueryFailure(what: string, err: unknown): WarehouseError {
  if (err instanceof WarehouseError) return err;
  const code = classifyBigQueryError(err);
  const reasons = (shapeOf(err).errors ?? []).map((e) => e.reason).filter(Boolean);
  const suffix = code === "WRITE_POSTPONED" ? " (rows still in the streaming buffer; postponed, nothing written)" : "";
  return new WarehouseError(code, `${what} failed [${code}${reasons.length ? `: ${reasons.join(", ")}` : ""}]: ${errorMessage(err)}${suffix}`, err);
}
