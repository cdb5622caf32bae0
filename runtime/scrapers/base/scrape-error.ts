export type ScrapeErrorCode = "PAYLOAD_NOT_JSON" | "PAYLOAD_SHAPE" | "REPLAY_MISSING" | "SOURCE_FAILED";

/** A scraper failure with a code; REPLAY_MISSING is categorised against the schedule by the caller. */
export class ScrapeError extends Error {
  constructor(
    readonly code: ScrapeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ScrapeError";
  }
}
