import { mkdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname } from "node:path";
import { DuckDBInstance, StatementType, type DuckDBConnection } from "@duckdb/node-api";
import { duckdbColumnType, duckdbDdl } from "../../catalog/derive/duckdb-ddl";
import type { Row } from "../../catalog/derive/row-type";
import type { TableSpec } from "../../catalog/types";
import { tableId } from "../../catalog/define-table";
import { duckdbDialect } from "../sql/dialect";
import { sql, SqlFragment, tableRef } from "../sql/fragment";
import { buildMerge, mergeMatchColumns, type MergeMode } from "../sql/merge";
import { mergeKeyOf } from "../merge-key";
import { render } from "../sql/render";
import type { JobLabels, MergeResult, Warehouse } from "../ports/warehouse";
import { errorMessage } from "../../domain/error-message";
import { partitionValuesOf, validateRows } from "../warehouse-rows";
import { readRows, toDuckDbParams } from "./duckdb-values";
import { WarehouseError } from "./warehouse-error";
import { DuckDbRowSource } from "./duckdb-row-source";
import { ReadCache, scopeOf, writeAffects, type ReadScope, type WriteScope } from "./read-cache";
import { describeProcess, lockHolderPid } from "./lock-holder";

interface RunningRead {
  readonly scope: ReadScope;
  /** Writes begun before this read did. */
  readonly since: number;
  /** Writes running when this read began. */
  readonly during: readonly WriteScope[];
  readonly rows: Promise<Row[]>;
}

export interface DuckDbWarehouseOptions {
  /** Database file, or ":memory:". */
  readonly path: string;
  readonly readOnly?: boolean;
  /**
   * For SQL typed by a person: no files, URLs or extensions (enable_external_access=false, no
   * extension autoload) and the configuration locked so the query cannot turn them back on.
   */
  readonly sealed?: boolean;
}

const READ_CACHE_ROWS = 100_000;
/**
 * One core is left to the pipeline's own work: the local workload is many small statements from a
 * JS process that works while they run, and on 2 cores DuckDB's second thread only competed with
 * it (a 60-day sim backfill: 95 CPU-s instead of 115-123, and faster).
 */
const DUCKDB_THREADS = Math.max(1, availableParallelism() - 1);
/** Reads run on their own connections (DuckDB runs queries of several connections at once). */
const READ_CONNECTIONS = 2;
const READ_CACHE_ROWS_PER_RESULT = 50_000;

const SEALED_CONFIG: Readonly<Record<string, string>> = {
  enable_external_access: "false",
  autoload_known_extensions: "false",
  autoinstall_known_extensions: "false",
  lock_configuration: "true",
};

/** EXPLAIN is allowed only to show a read's plan; EXPLAIN ANALYZE executes the statement it explains. */
const PLAIN_EXPLAIN = /^\s*EXPLAIN\s+(SELECT|WITH|FROM|VALUES|\()/i;

function refusedAccess(err: unknown): WarehouseError | null {
  const message = errorMessage(err);
  if (!/Permission Error|disabled by configuration|configuration has been locked/i.test(message)) return null;
  return new WarehouseError("READ_ONLY", `refused: the query reaches outside the warehouse (files, URLs and extensions are disabled for queries): ${message.split("\n")[0] ?? message}`);
}

/** The local warehouse: a DuckDB file where each dataset is a schema. */
export class DuckDbWarehouse implements Warehouse {
  readonly dialect = duckdbDialect;
  private statements = 0;
  /** Reads answered again from memory until a write to a table they read (see ReadCache). */
  private readonly reads = new ReadCache(READ_CACHE_ROWS, READ_CACHE_ROWS_PER_RESULT);
  /** DuckDB allows one writer transaction at a time per connection; serialize writes explicitly. */
  private writeQueue: Promise<unknown> = Promise.resolve();
  /** Writes begun so far, those still running, and those that reads still running may overlap (see query). */
  private writesBegun = 0;
  private readonly writesInProgress = new Set<WriteScope>();
  private writeLog: (WriteScope & { readonly seq: number })[] = [];
  /** Reads running now, by statement and parameters. */
  private readonly running = new Map<string, RunningRead>();

  /** Connections reads take turns on, so a read need not wait behind another read or a write. */
  private readonly readers: DuckDBConnection[] = [];
  private nextReader = 0;

  /** Where writes read their rows from (registered on the write connection). */
  private readonly rowSource: DuckDbRowSource;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {
    this.rowSource = DuckDbRowSource.register(connection);
  }

  private async reader(): Promise<DuckDBConnection> {
    if (this.readers.length < READ_CONNECTIONS) this.readers.push(await this.instance.connect());
    const connection = this.readers[this.nextReader % this.readers.length] ?? this.connection;
    this.nextReader += 1;
    return connection;
  }

  static async open(options: DuckDbWarehouseOptions): Promise<DuckDbWarehouse> {
    if (options.path !== ":memory:") await mkdir(dirname(options.path), { recursive: true });
    const config: Record<string, string> = { threads: String(DUCKDB_THREADS), ...(options.readOnly ? { access_mode: "READ_ONLY" } : {}), ...(options.sealed ? SEALED_CONFIG : {}) };
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(options.path, config);
    } catch (err) {
      const holder = lockHolderPid(errorMessage(err));
      if (holder === null) throw err;
      throw new WarehouseError("LOCKED", `the warehouse ${options.path} is in use by ${describeProcess(holder)}; wait for it to finish or stop it, or use another --data-dir`, err);
    }
    const connection = await instance.connect();
    return new DuckDbWarehouse(instance, connection);
  }

  statementsExecuted(): number {
    return this.statements;
  }

  /** Runs one statement of SQL text (counted). */
  private async run(text: string, params: Readonly<Record<string, unknown>> = {}, connection: DuckDBConnection = this.connection): Promise<Row[]> {
    this.statements += 1;
    return readRows(await connection.run(text, params as Parameters<DuckDBConnection["run"]>[1]));
  }

  /**
   * Runs SQL text typed by a person (`nba-props query`): exactly one statement, and only a read.
   * The statement type comes from DuckDB's own parser, not from matching the text.
   */
  async readOnlyQuery(text: string): Promise<Row[]> {
    try {
      const extracted = await this.connection.extractStatements(text);
      if (extracted.count !== 1) throw new WarehouseError("READ_ONLY", `expected exactly one SQL statement, got ${extracted.count}`);
      const prepared = await extracted.prepare(0);
      const type = prepared.statementType;
      if (type !== StatementType.SELECT && type !== StatementType.EXPLAIN) {
        throw new WarehouseError("READ_ONLY", `only read queries (SELECT, WITH ... SELECT, EXPLAIN) are allowed; this statement is ${StatementType[type] ?? String(type)}`);
      }
      if (type === StatementType.EXPLAIN && !PLAIN_EXPLAIN.test(text)) {
        throw new WarehouseError("READ_ONLY", "only EXPLAIN of a SELECT is allowed; EXPLAIN ANALYZE (or EXPLAIN of anything else) executes the statement and is refused");
      }
      this.statements += 1;
      return readRows(await prepared.run());
    } catch (err) {
      if (err instanceof WarehouseError) throw err;
      throw refusedAccess(err) ?? err;
    }
  }

  async ensureTables(tables: readonly TableSpec[]): Promise<void> {
    this.reads.clear();
    for (const table of tables) {
      for (const statement of duckdbDdl(table)) await this.run(statement);
      await this.assertSchemaMatches(table);
    }
  }

  /** A warehouse file made by an older catalog must not be written with the new shape silently. */
  private async assertSchemaMatches(table: TableSpec): Promise<void> {
    const existing = await this.run(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $schema AND table_name = $table ORDER BY ordinal_position",
      { schema: table.dataset, table: table.name },
    );
    const have = existing.map((r) => `${String(r.column_name)} ${String(r.data_type)}`.replace(/\s+/g, " "));
    const want = table.columns.map((c) => `${c.name} ${duckdbColumnType(c)}`.replace(/,\s*/g, ","));
    const norm = (s: string): string => s.replace(/,\s*/g, ",");
    if (have.length !== want.length || have.some((h, i) => norm(h) !== norm(want[i] ?? ""))) {
      throw new WarehouseError(
        "SCHEMA_MISMATCH",
        `local table ${table.dataset}.${table.name} does not match the catalog (have: ${have.join(", ")}; catalog: ${want.join(", ")}). ` +
          "The warehouse file was made by another version: empty the data dir with nba-props reset --data-dir DIR --yes (it is rebuilt from the sources) or use a new --data-dir.",
      );
    }
  }

  async query(statement: SqlFragment): Promise<Row[]> {
    const rendered = render(statement, this.dialect);
    const key = `${rendered.text}\u0000${JSON.stringify(rendered.params)}`;
    const cached = this.reads.get(key);
    if (cached) return cached;
    const scope = scopeOf(statement);
    // The same read already running gives this caller its rows too, unless a write it may not contain has begun since.
    const running = this.running.get(key);
    if (running && !this.writesOverlapped(running)) return (await running.rows).slice();
    const read: RunningRead = { scope, since: this.writesBegun, during: [...this.writesInProgress], rows: this.reader().then((reader) => this.run(rendered.text, toDuckDbParams(rendered.params), reader)).then(frozen) };
    this.running.set(key, read);
    try {
      const rows = await read.rows;
      // A write that ran while this read did may or may not be in its result: not kept.
      if (!this.writesOverlapped(read)) this.reads.set(key, scope, rows);
      return rows.slice();
    } finally {
      if (this.running.get(key) === read) this.running.delete(key);
      this.forgetOldWrites();
    }
  }

  /** Whether a write that may change the read's result ran at some point since the read began. */
  private writesOverlapped(read: RunningRead): boolean {
    if (read.during.some((w) => writeAffects(w, read.scope))) return true;
    return this.writeLog.some((w) => w.seq > read.since && writeAffects(w, read.scope));
  }

  /** Writes only reads still running may need to know about. */
  private forgetOldWrites(): void {
    const oldest = Math.min(...[...this.running.values()].map((r) => r.since));
    this.writeLog = this.writeLog.filter((w) => w.seq > oldest);
  }

  async append(table: TableSpec, rows: readonly Row[]): Promise<number> {
    if (rows.length === 0) return 0;
    validateRows(table, rows);
    return this.writing(table, partitionValuesOf(table, rows), () =>
      this.rowSource.with(table, rows, async (select) => {
        try {
          // One statement: DuckDB runs it in its own transaction, so it loads every row or none.
          const insert = render(sql`INSERT INTO ${tableRef(table)} ${select}`, this.dialect);
          await this.run(insert.text, toDuckDbParams(insert.params));
          return rows.length;
        } catch (err) {
          throw new WarehouseError("LOAD_FAILED", `append to ${table.dataset}.${table.name} failed: ${errorMessage(err)}`, err);
        }
      }),
    );
  }

  async merge(table: TableSpec, rows: readonly Row[], _labels?: JobLabels, mode?: MergeMode): Promise<MergeResult> {
    const [result] = await this.mergeParts(table, [rows], _labels, mode);
    return result ?? { inserted: 0, updated: 0 };
  }

  /**
   * Several callers' rows in one MERGE (one statement, one transaction: all or nothing), each
   * told its own inserted and updated rows. Parts that share a match key are refused before
   * anything is written (which part's row wins is for the caller to say, by writing them one after
   * another); a row the warehouse reports that no part sent is an error, never a guess.
   */
  async mergeParts(table: TableSpec, parts: readonly (readonly Row[])[], _labels?: JobLabels, mode?: MergeMode): Promise<MergeResult[]> {
    const rows = parts.flat();
    const results = parts.map(() => ({ inserted: 0, updated: 0 }));
    if (rows.length === 0) return results;
    const matchOn = parts.length > 1 ? mergeMatchColumns(table, mode) : [];
    const keyOf = mergeKeyOf(table, matchOn);
    const partOf = new Map<string, number>();
    for (const [i, part] of parts.entries()) {
      if (parts.length === 1) break;
      for (const row of part) {
        const key = keyOf(row);
        const owner = partOf.get(key);
        if (owner !== undefined && owner !== i) throw new WarehouseError("MERGE_FAILED", `MERGE into ${table.dataset}.${table.name}: parts ${owner} and ${i} share a key (${matchOn.join(", ")}); nothing was written`);
        partOf.set(key, i);
      }
    }
    validateRows(table, rows);
    const partitionValues = partitionValuesOf(table, rows);
    return this.writing(table, partitionValues, () =>
      this.rowSource.with(table, rows, async (select) => {
        try {
          // The MERGE reads the rows itself: one atomic statement instead of a staging table
          // created, filled, merged and dropped inside a transaction (six statements).
          const merge = render(buildMerge({ target: table, source: { select }, partitionValues, mode }), this.dialect);
          const returning = ["merge_action", ...matchOn.map((c) => `"${c}"`)].join(", ");
          const actions = await this.run(`${merge.text}\nRETURNING ${returning}`, toDuckDbParams(merge.params));
          for (const action of actions) {
            const part = parts.length > 1 ? partOf.get(keyOf(action)) : 0;
            const result = part === undefined ? undefined : results[part];
            if (!result) throw new WarehouseError("MERGE_FAILED", `MERGE into ${table.dataset}.${table.name} reported a row no batch sent (${matchOn.map((c) => `${c}=${String(action[c])}`).join(", ")})`);
            if (action.merge_action === "INSERT") result.inserted += 1;
            else if (action.merge_action === "UPDATE") result.updated += 1;
          }
          return results;
        } catch (err) {
          if (err instanceof WarehouseError) throw err;
          throw new WarehouseError("MERGE_FAILED", `MERGE into ${table.dataset}.${table.name} failed (nothing written): ${errorMessage(err)}`, err);
        }
      }),
    );
  }

  /** Several callers' rows appended in one statement (all or nothing); each is told its own count. */
  async appendParts(table: TableSpec, parts: readonly (readonly Row[])[]): Promise<number[]> {
    await this.append(table, parts.flat());
    return parts.map((p) => p.length);
  }

  /**
   * A write to the table, one at a time: the reads it may change are forgotten when it begins, and
   * reads running meanwhile are not kept (see query). `partitionValues` are its rows' (partitionValuesOf).
   */
  private writing<T>(table: TableSpec, partitionValues: readonly string[], work: () => Promise<T>): Promise<T> {
    const partitions = datePartitions(table, partitionValues);
    const write: WriteScope = { table: tableId(table), ...(partitions ? { partitions } : {}) };
    return this.serialized(async () => {
      this.writesBegun += 1;
      // Only reads running now can overlap it after it ends (a read begun later sees it as running, or done).
      if (this.running.size > 0) this.writeLog.push({ ...write, seq: this.writesBegun });
      this.writesInProgress.add(write);
      this.reads.invalidate(write);
      try {
        return await work();
      } finally {
        this.writesInProgress.delete(write);
      }
    });
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writeQueue.then(work, work);
    this.writeQueue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  /**
   * Closes after the writes already asked for finish: closing under them failed them with
   * "connection disconnected" (a write's statement also calls back into this thread for its rows).
   */
  async close(): Promise<void> {
    await this.writeQueue;
    for (const reader of this.readers) reader.closeSync();
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/**
 * Rows read, frozen: the cache and callers asking the same read share them instead of copying (a
 * caller that changes a row it was given fails loudly, never corrupts another's).
 */
function frozen(rows: Row[]): Row[] {
  for (const row of rows) Object.freeze(row);
  return rows;
}

/** A write's partition values as the dates it touches, for a table partitioned by a DATE column (undefined for any other). */
function datePartitions(table: TableSpec, partitionValues: readonly string[]): readonly string[] | undefined {
  if (table.partitioning.kind !== "time") return undefined;
  const field = table.partitioning.field;
  return table.columns.find((c) => c.name === field)?.type === "DATE" ? partitionValues : undefined;
}
