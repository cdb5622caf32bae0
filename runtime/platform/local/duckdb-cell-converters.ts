import {
  DuckDBTypeId,
  JsonDuckDBValueConverter,
  type DuckDBDateValue,
  type DuckDBDecimalValue,
  type DuckDBListValue,
  type DuckDBTimestampValue,
  type DuckDBType,
  type DuckDBValue,
} from "@duckdb/node-api";

/** Turns one non-null DuckDB value of a known column type into its Row value. */
export type CellConverter = (value: NonNullable<DuckDBValue>) => unknown;

const NUMERIC_IDS = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.DECIMAL,
]);

const TIMESTAMP_IDS = new Set<DuckDBTypeId>([DuckDBTypeId.TIMESTAMP, DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_S, DuckDBTypeId.TIMESTAMP_NS]);

/** Values node-api already hands over in their Row form (strings, booleans, numbers of 32 bits or fewer). */
const AS_IS_IDS = new Set<DuckDBTypeId>([
  DuckDBTypeId.VARCHAR,
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
]);

const BIGINT_IDS = new Set<DuckDBTypeId>([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]);

/** 10^scale is an exact double up to 10^22. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

function toNumber(value: unknown, column: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`duckdb: column ${column} value ${String(value)} is not a finite number`);
  return n;
}

/** "2025-03-15 19:00:00[.123]" (UTC, naive) → "2025-03-15T19:00:00.123Z". */
function toIsoTimestamp(value: string): string {
  const d = new Date(`${value.replace(" ", "T")}Z`);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/**
 * The general conversion: node-api's JSON form, then numbers and ISO timestamps. Every type without
 * a fast converter below takes it, and so do the values a fast converter leaves to it.
 */
function viaJson(type: DuckDBType, column: string): CellConverter {
  const numeric = NUMERIC_IDS.has(type.typeId);
  const timestamp = TIMESTAMP_IDS.has(type.typeId);
  return (value) => {
    const json = JsonDuckDBValueConverter(value, type, JsonDuckDBValueConverter);
    if (json === null) return null;
    if (numeric) return toNumber(json, column);
    if (timestamp && typeof json === "string") return toIsoTimestamp(json);
    return json;
  };
}

/** Number(bigint) rounds exactly as Number(its decimal text) does, which is what the JSON form gave. */
function bigintToNumber(value: NonNullable<DuckDBValue>): number {
  return Number(value);
}

/** An exact integer over an exact power of ten divides with one correct rounding: the same double as parsing the decimal text. */
function decimalConverter(general: CellConverter): CellConverter {
  return (value) => {
    const { value: scaled, scale } = value as DuckDBDecimalValue;
    const n = Number(scaled);
    const power = POWERS_OF_TEN[scale];
    return Number.isSafeInteger(n) && power !== undefined ? n / power : general(value);
  };
}

/** Within ±2^53 µs (years 1685-2255) the instant is exact as a double; floor to whole milliseconds as the text parse did. */
function timestampConverter(general: CellConverter): CellConverter {
  return (value) => {
    const micros = Number((value as DuckDBTimestampValue).micros);
    if (!Number.isSafeInteger(micros)) return general(value);
    const remainder = ((micros % 1000) + 1000) % 1000;
    return new Date((micros - remainder) / 1000).toISOString();
  };
}

/** A query reads few distinct dates, so each day's text (node-api's own) is made once. */
function dateConverter(): CellConverter {
  const texts = new Map<number, string>();
  return (value) => {
    const days = (value as DuckDBDateValue).days;
    let text = texts.get(days);
    if (text === undefined) {
      text = String(value);
      texts.set(days, text);
    }
    return text;
  };
}

function doubleConverter(value: NonNullable<DuckDBValue>): unknown {
  return Number.isFinite(value) ? value : String(value);
}

/** A repeated column's items as their type's Row values (integers as numbers, not the JSON form's strings). */
function listConverter(item: CellConverter | null): CellConverter {
  return (value) => (value as DuckDBListValue).items.map((v) => (v === null || item === null ? v : item(v)));
}

/** The converter of one result column, or null when its values are already Row values. Chosen once per column. */
export function cellConverter(type: DuckDBType, column: string): CellConverter | null {
  const id = type.typeId;
  if (AS_IS_IDS.has(id)) return null;
  if (BIGINT_IDS.has(id)) return bigintToNumber;
  if (id === DuckDBTypeId.DOUBLE || id === DuckDBTypeId.FLOAT) return doubleConverter;
  if (id === DuckDBTypeId.DATE) return dateConverter();
  if (type.typeId === DuckDBTypeId.LIST) return listConverter(cellConverter(type.valueType, column));
  const general = viaJson(type, column);
  if (id === DuckDBTypeId.DECIMAL) return decimalConverter(general);
  if (id === DuckDBTypeId.TIMESTAMP) return timestampConverter(general);
  return general;
}
