import { ScrapeError } from "../base/scrape-error";

/** Why a live call failed, for the ledger and the tests; the message says it for a person. */
export type HttpFailureReason = "status" | "timeout" | "network" | "circuit_open" | "credential_missing" | "bad_scope";

/** A failed live call: the scraper, the URL without secrets, the status (when one came back) and the attempts made. */
export class HttpSourceError extends ScrapeError {
  constructor(
    readonly scraper: string,
    readonly url: string,
    readonly reason: HttpFailureReason,
    readonly attempts: number,
    readonly status: number | undefined,
    detail: string,
  ) {
    super("SOURCE_FAILED", `${scraper}: GET ${url} ${detail}${reason === "bad_scope" || reason === "credential_missing" ? "" : ` (${attempts} attempt${attempts === 1 ? "" : "s"})`}`);
    this.name = "HttpSourceError";
  }
}
