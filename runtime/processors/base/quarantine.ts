import { FieldError } from "./field-error";

/** A record that failed validation: where it came from, which record, which field, and why. */
export interface QuarantinedRecord {
  readonly source: string;
  readonly record: string;
  readonly field: string;
  readonly value: unknown;
  readonly reason: string;
  /** Position of the record in its input (the payload's record list, or the produced rows). */
  readonly index?: number;
  /** The key it would have had, when known (a game id, a row key): what later phases see as a hole. */
  readonly key?: string;
}

export function describeQuarantined(q: QuarantinedRecord): string {
  return `${q.source}: ${q.record}: field ${q.field}: ${q.reason} (value ${JSON.stringify(q.value) ?? "undefined"})`;
}

export interface ParsedRecords<R> {
  readonly rows: R[];
  readonly quarantined: QuarantinedRecord[];
}

/**
 * Parses each record on its own: a FieldError quarantines that record with its reason, any other
 * error is a bug and propagates. Nothing is coerced to NULL.
 */
export function parseEach<T, R>(
  items: readonly T[],
  source: string,
  describe: (item: T) => string,
  parse: (item: T) => R | R[],
): ParsedRecords<R> {
  const rows: R[] = [];
  const quarantined: QuarantinedRecord[] = [];
  for (const [index, item] of items.entries()) {
    try {
      const out = parse(item);
      if (Array.isArray(out)) rows.push(...out);
      else rows.push(out);
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      quarantined.push({ source, record: describe(item), field: err.field, value: err.value, reason: err.reason, index });
    }
  }
  return { rows, quarantined };
}
