import { priceOf, type Price } from "../../domain/odds-price";
import { tricodeFromTeamName } from "../../domain/team-names";
import { utcInstant } from "../../domain/utc-instant";
import { FieldError } from "../base/field-error";
import type { SourceRecord } from "../base/fields";

/** Strict readers for betting payload values; each failure names the field and the value. */

export function utcField(record: SourceRecord, field: string): Date {
  const v = record[field];
  const d = typeof v === "string" ? utcInstant(v) : null;
  if (!d) throw new FieldError(field, v, "expected a UTC time (2024-01-25T03:20:30Z or 2021-10-21 23:30:00)");
  return d;
}

export function optionalUtcField(record: SourceRecord, field: string): Date | null {
  const v = record[field];
  return v === null || v === undefined ? null : utcField(record, field);
}

export function numberField(record: SourceRecord, field: string): number {
  const v = record[field];
  if (typeof v !== "number" || !Number.isFinite(v)) throw new FieldError(field, v, "expected a number");
  return v;
}

export function optionalNumberField(record: SourceRecord, field: string): number | null {
  const v = record[field];
  return v === null || v === undefined ? null : numberField(record, field);
}

/** A price in decimal (1.91) or American (-115) odds; both are stored (DOMAIN §1.6). */
export function priceField(record: SourceRecord, field: string): Price {
  const v = record[field];
  const price = typeof v === "number" ? priceOf(v) : null;
  if (!price) throw new FieldError(field, v, "expected decimal odds above 1 or American odds at or beyond +/-100");
  return price;
}

/** A full team name ("Golden State Warriors") mapped to its tricode; anything else is rejected. */
export function teamNameField(record: SourceRecord, field: string): string {
  const v = record[field];
  const code = typeof v === "string" ? tricodeFromTeamName(v) : null;
  if (!code) throw new FieldError(field, v, "expected the full name of one of the 30 NBA teams");
  return code;
}

export function minutesBetween(later: Date, earlier: Date): number {
  return Math.round((later.getTime() - earlier.getTime()) / 60_000);
}
