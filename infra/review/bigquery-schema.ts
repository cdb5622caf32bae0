import { isObject } from "../policy";

/** One column of a `google_bigquery_table.schema` (a JSON string in Terraform). */
export interface SchemaColumn {
  /** Dotted for a nested field: `parent.child`. */
  readonly name: string;
  readonly type: string;
  readonly mode: string;
}

export interface ColumnChange {
  readonly name: string;
  readonly before: string;
  readonly after: string;
}

export interface SchemaComparison {
  readonly removed: readonly SchemaColumn[];
  readonly added: readonly SchemaColumn[];
  readonly retyped: readonly ColumnChange[];
  readonly modeChanged: readonly ColumnChange[];
}

// Spellings BigQuery treats as the same type (the provider compares them as equal, case-insensitively).
const TYPE_ALIASES: Readonly<Record<string, string>> = { INTEGER: "INT64", FLOAT: "FLOAT64", BOOLEAN: "BOOL", RECORD: "STRUCT" };

const canonicalType = (type: string): string => TYPE_ALIASES[type.toUpperCase()] ?? type.toUpperCase();
const canonicalMode = (mode: unknown): string => (typeof mode === "string" && mode !== "" ? mode.toUpperCase() : "NULLABLE");

function flatten(fields: readonly unknown[], prefix: string, out: SchemaColumn[]): void {
  for (const field of fields) {
    if (!isObject(field) || typeof field.name !== "string") continue;
    const name = `${prefix}${field.name}`;
    out.push({ name, type: typeof field.type === "string" ? field.type : "", mode: canonicalMode(field.mode) });
    if (Array.isArray(field.fields)) flatten(field.fields, `${name}.`, out);
  }
}

/** The columns (nested fields flattened to `parent.child`) of a schema JSON string; undefined if it is not one. */
export function parseSchema(value: unknown): SchemaColumn[] | undefined {
  if (typeof value !== "string") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (err) {
    // A reference or "(known after apply)" is not a schema we can compare; the caller skips it.
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
  if (!Array.isArray(parsed)) return undefined;
  const out: SchemaColumn[] = [];
  flatten(parsed, "", out);
  return out;
}

export function compareSchemas(before: readonly SchemaColumn[], after: readonly SchemaColumn[]): SchemaComparison {
  const afterByName = new Map(after.map((c) => [c.name, c]));
  const beforeNames = new Set(before.map((c) => c.name));
  const retyped: ColumnChange[] = [];
  const modeChanged: ColumnChange[] = [];
  for (const column of before) {
    const next = afterByName.get(column.name);
    if (!next) continue;
    if (canonicalType(column.type) !== canonicalType(next.type)) retyped.push({ name: column.name, before: column.type, after: next.type });
    if (column.mode !== next.mode) modeChanged.push({ name: column.name, before: column.mode, after: next.mode });
  }
  return {
    removed: before.filter((c) => !afterByName.has(c.name)),
    added: after.filter((c) => !beforeNames.has(c.name)),
    retyped,
    modeChanged,
  };
}

/**
 * Whether the google provider (6.x) replaces the table for this schema change, following its
 * `resourceBigQueryTableSchemaIsChangeable`: a type change, a mode change other than REQUIRED to
 * NULLABLE, a new REQUIRED column, a dropped nested field, or dropping and adding top-level
 * columns in the same change. Dropping top-level columns alone happens in place (ALTER TABLE DROP
 * COLUMN), which still deletes their data.
 */
export function schemaChangeForcesReplacement(change: SchemaComparison): boolean {
  const isNested = (c: { name: string }): boolean => c.name.includes(".");
  if (change.retyped.length > 0) return true;
  if (change.modeChanged.some((m) => !(m.before === "REQUIRED" && m.after === "NULLABLE"))) return true;
  if (change.added.some((c) => c.mode === "REQUIRED")) return true;
  if (change.removed.some(isNested)) return true;
  return change.removed.length > 0 && change.added.some((c) => !isNested(c));
}
