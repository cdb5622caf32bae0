import { BIGINT, BOOLEAN, DOUBLE, DuckDBTableFunction, VARCHAR, type DuckDBConnection, type DuckDBDataChunk, type DuckDBType, type DuckDBValue } from "@duckdb/node-api";
import { duckdbColumnType } from "../../catalog/derive/duckdb-ddl";
import type { Row } from "../../catalog/derive/row-type";
import type { ColumnSpec, TableSpec } from "../../catalog/types";
import { errorMessage } from "../../domain/error-message";
import { ident, join, param, sql, SqlFragment } from "../sql/fragment";

/** The table function DuckDB reads a write's rows through, straight from this process's memory (named as such in `with`'s SELECT). */
const FUNCTION_NAME = "nba_props_rows";

/** Rows per call of the table function (DuckDB's vector size). */
const CHUNK_ROWS = 2048;

/**
 * How a column's values cross into DuckDB, and the cast back to the catalog type in SQL. Numbers
 * cross as DOUBLE (INT64 values are safe integers, so exact) and NUMERIC as its shortest decimal
 * text, like the JSON text it replaces; dates, timestamps, JSON and lists cross as text and DuckDB
 * parses them as it parsed that text.
 */
interface Carrier {
  readonly type: DuckDBType;
  readonly toValue: (value: unknown) => DuckDBValue;
  readonly cast: (column: SqlFragment) => SqlFragment;
}

const castTo =
  (type: string) =>
  (column: SqlFragment): SqlFragment =>
    new SqlFragment([{ kind: "text", text: "CAST(" }, ...column.parts, { kind: "text", text: ` AS ${type})` }]);

const asIs = (value: unknown): DuckDBValue => value as DuckDBValue;

function carrierOf(column: ColumnSpec): Carrier {
  const type = duckdbColumnType(column);
  if (column.mode === "REPEATED") return { type: VARCHAR, toValue: (v) => JSON.stringify(v), cast: (c) => castTo(type)(castTo("JSON")(c)) };
  switch (column.type) {
    case "STRING":
      return { type: VARCHAR, toValue: asIs, cast: (c) => c };
    case "INT64":
      return { type: DOUBLE, toValue: asIs, cast: castTo(type) };
    case "FLOAT64":
      return { type: DOUBLE, toValue: asIs, cast: (c) => c };
    case "NUMERIC":
      return { type: VARCHAR, toValue: (v) => String(v), cast: castTo(type) };
    case "BOOL":
      return { type: BOOLEAN, toValue: asIs, cast: (c) => c };
    case "JSON":
      return { type: VARCHAR, toValue: (v) => JSON.stringify(v), cast: castTo(type) };
    case "DATE":
    case "TIMESTAMP":
      return { type: VARCHAR, toValue: asIs, cast: castTo(type) };
  }
}

interface BindData {
  readonly id: number;
}

interface ScanState {
  next: number;
}

interface Load {
  readonly table: TableSpec;
  readonly carriers: readonly Carrier[];
  readonly rows: readonly Row[];
}

/**
 * A write's rows as a relation DuckDB reads from memory: `FROM nba_props_rows(id)` yields them,
 * column by column, 2,048 rows a call, typed by the catalog. It replaces writing the rows out as
 * JSON to a temporary file for `read_json`: no text to build, write, read back and parse, and
 * nothing left on disk when a write fails. DuckDB calls the function from the thread running the
 * statement and waits while this thread fills each chunk, so nothing here may block on DuckDB.
 */
export class DuckDbRowSource {
  private readonly loads = new Map<number, Load>();
  private nextId = 1;

  private constructor() {}

  /** Registers the table function on the connection that runs the writes. */
  static register(connection: DuckDBConnection): DuckDbRowSource {
    const source = new DuckDbRowSource();
    connection.registerTableFunction(
      DuckDBTableFunction.create({
        name: FUNCTION_NAME,
        parameterTypes: [BIGINT],
        bindFunction: (info) => {
          try {
            const id = Number(info.getParameter(0));
            const load = source.load(id);
            load.table.columns.forEach((column, i) => info.addResultColumn(column.name, (load.carriers[i] as Carrier).type));
            info.setCardinality(load.rows.length, true);
            info.setBindData({ id } satisfies BindData);
          } catch (err) {
            info.setError(errorMessage(err));
          }
        },
        initFunction: (info) => {
          info.setMaxThreads(1);
          info.setInitData({ next: 0 } satisfies ScanState);
        },
        mainFunction: (info, output) => {
          try {
            const { id } = info.getBindData() as BindData;
            source.fill(source.load(id), info.getInitData() as ScanState, output);
          } catch (err) {
            info.setError(errorMessage(err));
          }
        },
      }),
    );
    return source;
  }

  /** The next chunk of the load's rows into `output` (none left: an empty chunk, which ends the scan). */
  private fill(load: Load, state: ScanState, output: DuckDBDataChunk): void {
    const start = state.next;
    const count = Math.min(CHUNK_ROWS, load.rows.length - start);
    output.rowCount = count;
    state.next = start + count;
    if (count === 0) return;
    const values = new Array<DuckDBValue>(count);
    load.table.columns.forEach((column, c) => {
      const { toValue } = load.carriers[c] as Carrier;
      const name = column.name;
      for (let r = 0; r < count; r++) {
        const value = (load.rows[start + r] as Row)[name];
        values[r] = value === null || value === undefined ? null : toValue(value);
      }
      output.setColumnValues(c, values);
    });
  }

  private load(id: number): Load {
    const load = this.loads.get(id);
    if (!load) throw new Error(`${FUNCTION_NAME}: no rows are waiting under id ${id}`);
    return load;
  }

  /**
   * Runs `work` with the rows readable as the returned SELECT (the table's columns, cast to their
   * catalog types); they are forgotten when it ends.
   */
  async with<T>(table: TableSpec, rows: readonly Row[], work: (select: SqlFragment) => Promise<T>): Promise<T> {
    const id = this.nextId++;
    const carriers = table.columns.map(carrierOf);
    this.loads.set(id, { table, carriers, rows });
    try {
      const columns = table.columns.map((c, i) => sql`${(carriers[i] as Carrier).cast(sql`${ident(c.name)}`)} AS ${ident(c.name)}`);
      return await work(sql`SELECT ${join(columns, ", ")} FROM nba_props_rows(${param("rows_id", id, "INT64")})`);
    } finally {
      this.loads.delete(id);
    }
  }
}
