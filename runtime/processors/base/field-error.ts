/** One field of one record did not parse. The record is quarantined with this reason; never NULLed. */
export class FieldError extends Error {
  readonly code = "FIELD_INVALID";
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`field ${field}: ${reason} (value ${JSON.stringify(value) ?? "undefined"})`);
    this.name = "FieldError";
  }
}
