/** A source answered with a status that is not success; `retryAfterMs` is its Retry-After, when it sent one. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`answered HTTP ${status}${retryAfterMs === undefined ? "" : ` (Retry-After ${Math.round(retryAfterMs)} ms)`}`);
    this.name = "HttpStatusError";
  }
}
