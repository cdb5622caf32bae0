import { errorMessage } from "../../domain/error-message";
import { isIsoDate } from "../../domain/et-date";
import { parseNbaGameId, type ParsedNbaGameId } from "../../domain/game-id";
import { normalizeTricode } from "../../domain/teams";
import { FieldError } from "./field-error";

/** Strict field readers for positional or keyed source records; each failure names the field and value. */
export type SourceRecord = Readonly<Record<string, unknown>>;

export function intField(record: SourceRecord, field: string, options: { min?: number } = {}): number {
  const v = record[field];
  if (typeof v !== "number" || !Number.isInteger(v)) throw new FieldError(field, v, "expected an integer");
  if (options.min !== undefined && v < options.min) throw new FieldError(field, v, `expected an integer >= ${options.min}`);
  return v;
}

export function stringField(record: SourceRecord, field: string): string {
  const v = record[field];
  if (typeof v !== "string" || v.trim() === "") throw new FieldError(field, v, "expected a non-empty string");
  return v.trim();
}

export function matchField(record: SourceRecord, field: string, pattern: RegExp, what: string): RegExpExecArray {
  const v = record[field];
  const m = typeof v === "string" ? pattern.exec(v) : null;
  if (!m) throw new FieldError(field, v, `expected ${what}`);
  return m;
}

export function dateField(record: SourceRecord, field: string): string {
  const v = record[field];
  if (typeof v !== "string" || !isIsoDate(v)) throw new FieldError(field, v, "expected a date YYYY-MM-DD");
  return v;
}

/** A tricode value read from `field` (a path like homeTeam.teamTricode is fine). */
export function tricodeValue(field: string, value: unknown): string {
  const code = typeof value === "string" ? normalizeTricode(value) : null;
  if (!code) throw new FieldError(field, value, "expected one of the 30 NBA team tricodes");
  return code;
}

export function tricodeField(record: SourceRecord, field: string): string {
  return tricodeValue(field, record[field]);
}

/** An NBA game id (00TYYNNNNN) read from `field`, with its game type and season. */
export function nbaGameIdValue(field: string, value: unknown): ParsedNbaGameId {
  try {
    return parseNbaGameId(typeof value === "string" ? value : String(value));
  } catch (err) {
    throw new FieldError(field, value, errorMessage(err));
  }
}
