import { listValue, type DuckDBMaterializedResult, type DuckDBType, type DuckDBValue } from "@duckdb/node-api";
import type { Row } from "../../catalog/derive/row-type";
import type { RenderedParam } from "../sql/render";
import { cellConverter } from "./duckdb-cell-converters";

/** Query parameters as DuckDB values (the SQL text casts them to their catalog types). */
export function toDuckDbParams(params: Readonly<Record<string, RenderedParam>>): Record<string, DuckDBValue> {
  const out: Record<string, DuckDBValue> = {};
  for (const [name, p] of Object.entries(params)) {
    const v = p.value;
    out[name] = Array.isArray(v) ? listValue(v as DuckDBValue[]) : (v as DuckDBValue);
  }
  return out;
}

/** A fully read result (what `run` returns): its chunks are read in place, without node-api's row objects. */
export type MaterializedResult = Pick<DuckDBMaterializedResult, "columnNames" | "columnTypes" | "chunkCount" | "getChunk">;

/**
 * An object with every column as a key, for rows to be copied from. JSON.parse builds it in V8's fast
 * (shape-sharing) mode and copies keep that mode; an object given dozens of keys by computed-name stores
 * turns into a hash table, several times slower to build and larger to keep.
 */
function rowTemplate(names: readonly string[]): Row {
  const shape: Row = {};
  for (const name of names) shape[name] = null;
  return JSON.parse(JSON.stringify(shape)) as Row;
}

/** Result rows as plain values: numbers for integers and decimals, ISO strings for timestamps, YYYY-MM-DD for dates. */
export function readRows(result: MaterializedResult): Row[] {
  const names = result.columnNames();
  const types = result.columnTypes();
  // A repeated name keeps its first column's values, as node-api's row objects did.
  const columns = names.flatMap((name, c) => (names.indexOf(name) === c ? [{ name, index: c, convert: cellConverter(types[c] as DuckDBType, name) }] : []));
  const template = rowTemplate(names);
  const rows: Row[] = [];
  for (let k = 0; k < result.chunkCount; k++) {
    const chunk = result.getChunk(k);
    const base = rows.length;
    const count = chunk.rowCount;
    for (let r = 0; r < count; r++) rows.push({ ...template });
    // Column by column within a chunk: one converter per column and no value outlives its chunk but the converted one.
    for (const { name, index, convert } of columns) {
      const vector = chunk.getColumnVector(index);
      for (let r = 0; r < count; r++) {
        const value = vector.getItem(r);
        (rows[base + r] as Row)[name] = value === null ? null : convert === null ? value : convert(value);
      }
    }
  }
  return rows;
}
