import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, DuckDBTypeId, listValue, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { bigQuerySchema } from "../../runtime/catalog/derive/bigquery-schema";
import type { Row } from "../../runtime/catalog/derive/row-type";
import type { ColumnType, TableSpec } from "../../runtime/catalog/types";
import { duckdbTypeName } from "../../runtime/catalog/derive/duckdb-ddl";
import { readRows } from "../../runtime/platform/local/duckdb-values";
import { googleError, multipartParts, startHttpFake, type FakeAnswer, type HttpFake, type RecordedRequest } from "./http-fake";

interface FieldResource {
  readonly name: string;
  readonly type: string;
  readonly mode?: string;
  readonly fields?: readonly FieldResource[];
}

interface TableResource {
  readonly tableReference: { readonly projectId: string; readonly datasetId: string; readonly tableId: string };
  readonly schema: { readonly fields: readonly FieldResource[] };
  readonly timePartitioning?: { readonly type: string; readonly field?: string };
  readonly requirePartitionFilter?: boolean;
  readonly clustering?: { readonly fields: readonly string[] };
}

interface QueryParameter {
  readonly name: string;
  readonly parameterType: { readonly type: string; readonly arrayType?: { readonly type: string } };
  readonly parameterValue?: { readonly value?: string | null; readonly arrayValues?: readonly { readonly value?: string }[] };
}

/** One job as the fake received and answered it, for tests to assert on. */
export interface FakeJob {
  readonly jobId: string;
  readonly kind: "load" | "query";
  readonly labels: Readonly<Record<string, string>>;
  /** configuration.load or configuration.query as sent. */
  readonly configuration: Readonly<Record<string, unknown>>;
  /** The statement (query jobs). */
  readonly query?: string;
  readonly statementType?: string;
  /** Rows in the uploaded file (load jobs). */
  readonly rowsLoaded?: number;
  readonly dmlStats?: { readonly insertedRowCount: string; readonly updatedRowCount: string; readonly deletedRowCount: string };
  /** `dataset.table` of each time-partitioned table the statement reads or writes, and whether it filters its partition field. */
  readonly partitionFilters: readonly { readonly table: string; readonly filtered: boolean }[];
  readonly error?: { readonly reason: string; readonly message: string };
}

export interface BigQueryFake extends HttpFake {
  readonly jobs: readonly FakeJob[];
  /** Creates tables from the catalog, as the stacks do in a real project. */
  createTables(tables: readonly TableSpec[]): Promise<void>;
  /** Every row of a table (read straight from the fake's store). */
  rows(dataset: string, table: string): Promise<Row[]>;
  /** While on, DML on the table fails as BigQuery does when rows are still in its streaming buffer. */
  setStreamingBuffer(dataset: string, table: string, on: boolean): void;
}

const BQ_TYPES: Record<string, ColumnType> = {
  STRING: "STRING",
  INT64: "INT64",
  INTEGER: "INT64",
  FLOAT64: "FLOAT64",
  FLOAT: "FLOAT64",
  NUMERIC: "NUMERIC",
  BOOL: "BOOL",
  BOOLEAN: "BOOL",
  DATE: "DATE",
  TIMESTAMP: "TIMESTAMP",
  JSON: "JSON",
};

function duckType(field: { type: string; mode?: string }): string {
  const base = BQ_TYPES[field.type.toUpperCase()];
  if (!base) throw new Error(`bigquery fake: unsupported type ${field.type}`);
  return `${duckdbTypeName(base)}${field.mode === "REPEATED" ? "[]" : ""}`;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function resultType(typeId: DuckDBTypeId): string {
  switch (typeId) {
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.UINTEGER:
      return "INTEGER";
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return "FLOAT";
    case DuckDBTypeId.DECIMAL:
      return "NUMERIC";
    case DuckDBTypeId.BOOLEAN:
      return "BOOLEAN";
    case DuckDBTypeId.DATE:
      return "DATE";
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return "TIMESTAMP";
    default:
      return "STRING";
  }
}

/** A cell in the REST f/v format: strings throughout, timestamps as epoch microseconds. */
function cell(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => ({ v: cell(v, type) }));
  if (type === "TIMESTAMP" && typeof value === "string") return String(Date.parse(value.replace(" ", "T") + (value.endsWith("Z") ? "" : "Z")) * 1000);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

const PARTITION_FILTER = (field: string): RegExp => new RegExp(`\\b${field}\\b\\s*(IN\\s+UNNEST|IN\\s*\\(|=|<|>|BETWEEN)`, "i");

/**
 * BigQuery's REST API for tests, backed by an in-memory DuckDB: tables, multipart load jobs,
 * query jobs with named parameters, getQueryResults, and MERGE answered with the DML statistics
 * DuckDB computes (so inserted/updated counts are real). It refuses what BigQuery refuses here:
 * schemaUpdateOptions with WRITE_TRUNCATE, and queries without a required partition filter.
 */
export async function startBigQueryFake(project = "nba-props-test"): Promise<BigQueryFake> {
  const instance = await DuckDBInstance.create(":memory:");
  const db: DuckDBConnection = await instance.connect();
  const tables = new Map<string, TableResource>();
  const datasets = new Set<string>();
  const jobs: FakeJob[] = [];
  const jobResources = new Map<string, Record<string, unknown>>();
  const results = new Map<string, { schema: { fields: FieldResource[] }; rows: { f: { v: unknown }[] }[] }>();
  const streaming = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  };

  const createTable = async (resource: TableResource): Promise<void> => {
    const { datasetId, tableId } = resource.tableReference;
    const columns = resource.schema.fields.map((f) => `${quote(f.name)} ${duckType(f)}${f.mode === "REQUIRED" ? " NOT NULL" : ""}`);
    await db.run(`CREATE SCHEMA IF NOT EXISTS ${quote(datasetId)}`);
    await db.run(`CREATE TABLE ${quote(datasetId)}.${quote(tableId)} (${columns.join(", ")})`);
    datasets.add(datasetId);
    tables.set(`${datasetId}.${tableId}`, resource);
  };

  const tableJson = (resource: TableResource): Record<string, unknown> => ({
    kind: "bigquery#table",
    id: `${project}:${resource.tableReference.datasetId}.${resource.tableReference.tableId}`,
    type: "TABLE",
    ...resource,
  });

  const finishJob = (jobId: string, location: string | undefined, kind: "load" | "query", configuration: Record<string, unknown>, statistics: Record<string, unknown>, error?: FakeJob["error"]): Record<string, unknown> => {
    const resource = {
      kind: "bigquery#job",
      id: `${project}:${location ?? "US"}.${jobId}`,
      jobReference: { projectId: project, jobId, location },
      configuration: { ...configuration, jobType: kind.toUpperCase() },
      status: { state: "DONE", ...(error ? { errorResult: error, errors: [error] } : {}) },
      statistics: { creationTime: String(Date.now()), startTime: String(Date.now()), endTime: String(Date.now()), ...statistics },
    };
    jobResources.set(jobId, resource);
    return resource;
  };

  const load = async (req: RecordedRequest): Promise<FakeAnswer> => {
    const [metaPart, dataPart] = multipartParts(req.headers["content-type"] as string | undefined, req.body);
    if (!metaPart || !dataPart) return googleError(400, "invalid", "load upload needs a metadata and a data part");
    const job = JSON.parse(metaPart.body.toString("utf8")) as {
      jobReference?: { jobId?: string; location?: string };
      configuration?: { labels?: Record<string, string>; load?: Record<string, unknown> };
    };
    const config = job.configuration?.load ?? {};
    const jobId = job.jobReference?.jobId ?? randomUUID();
    const dest = config.destinationTable as { datasetId: string; tableId: string };
    const rows = dataPart.body.toString("utf8").split("\n").filter((l) => l.trim() !== "");
    const record = (error?: FakeJob["error"]): FakeJob => ({ jobId, kind: "load", labels: job.configuration?.labels ?? {}, configuration: config, rowsLoaded: rows.length, partitionFilters: [], error });
    if (config.sourceFormat !== "NEWLINE_DELIMITED_JSON") {
      jobs.push(record({ reason: "invalid", message: `unsupported sourceFormat ${String(config.sourceFormat)}` }));
      return googleError(400, "invalid", `unsupported sourceFormat ${String(config.sourceFormat)}`);
    }
    if (Array.isArray(config.schemaUpdateOptions) && config.schemaUpdateOptions.length > 0 && config.writeDisposition === "WRITE_TRUNCATE") {
      const message = "Schema update options should only be specified with WRITE_APPEND disposition, or with WRITE_TRUNCATE disposition on a table partition.";
      jobs.push(record({ reason: "invalid", message }));
      return googleError(400, "invalid", message);
    }
    const key = `${dest.datasetId}.${dest.tableId}`;
    let error: FakeJob["error"];
    await serialized(async () => {
      if (!tables.has(key)) {
        if (config.createDisposition !== "CREATE_IF_NEEDED") {
          error = { reason: "notFound", message: `Not found: Table ${project}:${key}` };
          return;
        }
        await createTable({ tableReference: { projectId: project, datasetId: dest.datasetId, tableId: dest.tableId }, schema: config.schema as TableResource["schema"] });
      }
      const fields = tables.get(key)!.schema.fields;
      const file = join(tmpdir(), `bq-fake-${randomUUID()}.json`);
      await writeFile(file, rows.join("\n") + "\n");
      try {
        await db.run("BEGIN TRANSACTION");
        if (config.writeDisposition === "WRITE_TRUNCATE") await db.run(`DELETE FROM ${quote(dest.datasetId)}.${quote(dest.tableId)}`);
        if (rows.length > 0) {
          const columns = fields.map((f) => `${quote(f.name)}: '${duckType(f)}'`).join(", ");
          const names = fields.map((f) => quote(f.name)).join(", ");
          await db.run(`INSERT INTO ${quote(dest.datasetId)}.${quote(dest.tableId)} (${names}) SELECT ${names} FROM read_json($file, format = 'newline_delimited', columns = {${columns}})`, { file });
        }
        await db.run("COMMIT");
      } catch (err) {
        await db.run("ROLLBACK");
        error = { reason: "invalid", message: `Error while reading data: ${err instanceof Error ? err.message : String(err)}` };
      } finally {
        await rm(file, { force: true });
      }
    });
    jobs.push(record(error));
    return { status: 200, json: finishJob(jobId, job.jobReference?.location, "load", job.configuration ?? {}, { load: { outputRows: String(rows.length) } }, error) };
  };

  const query = async (req: RecordedRequest): Promise<FakeAnswer> => {
    const job = JSON.parse(req.body.toString("utf8")) as {
      jobReference?: { jobId?: string; location?: string };
      configuration?: { labels?: Record<string, string>; query?: { query: string; queryParameters?: QueryParameter[] } };
    };
    const config = job.configuration?.query;
    if (!config) return googleError(400, "invalid", "bigquery fake: only load and query jobs are supported");
    const jobId = job.jobReference?.jobId ?? randomUUID();
    const text = config.query;
    const statementType = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? "SELECT";
    const referenced = [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.split(".").slice(-2).join("."));
    const partitionFilters = [...new Set(referenced)]
      .map((table) => ({ table, resource: tables.get(table) }))
      .filter((t) => t.resource?.timePartitioning?.field)
      .map((t) => ({ table: t.table, filtered: PARTITION_FILTER(t.resource!.timePartitioning!.field!).test(text), required: t.resource!.requirePartitionFilter === true }));
    const base = { jobId, kind: "query" as const, labels: job.configuration?.labels ?? {}, configuration: { ...config }, query: text, statementType, partitionFilters: partitionFilters.map(({ table, filtered }) => ({ table, filtered })) };
    const failed = (error: { reason: string; message: string }): FakeAnswer => {
      jobs.push({ ...base, error });
      return { status: 200, json: finishJob(jobId, job.jobReference?.location, "query", job.configuration ?? {}, {}, error) };
    };
    const unfiltered = partitionFilters.find((p) => p.required && !p.filtered);
    if (unfiltered) return failed({ reason: "invalidQuery", message: `Cannot query over table '${project}.${unfiltered.table}' without a filter over column(s) that can be used for partition elimination` });
    const target = statementType === "MERGE" || statementType === "UPDATE" || statementType === "DELETE" ? referenced[0] : undefined;
    if (target && streaming.has(target)) {
      return failed({ reason: "invalidQuery", message: `UPDATE or DELETE statement over table ${project}.${target} would affect rows in the streaming buffer, which is not supported` });
    }
    const params: Record<string, DuckDBValue> = {};
    const types = new Map<string, string>();
    for (const p of config.queryParameters ?? []) {
      const isArray = p.parameterType.type === "ARRAY";
      const type = BQ_TYPES[(isArray ? p.parameterType.arrayType?.type : p.parameterType.type) ?? "STRING"] ?? "STRING";
      types.set(p.name, `${duckdbTypeName(type)}${isArray ? "[]" : ""}`);
      params[p.name] = isArray ? listValue((p.parameterValue?.arrayValues ?? []).map((v) => v.value ?? null)) : (p.parameterValue?.value ?? null);
    }
    const translated = text
      .replace(/`([^`]+)`/g, (_, ref: string) => ref.split(".").slice(-2).map(quote).join("."))
      // BigQuery arrays are 0-based (SAFE_OFFSET), DuckDB lists 1-based.
      .replace(/\[SAFE_OFFSET\((\d+)\)\]/g, (_, offset: string) => `[${Number(offset) + 1}]`)
      .replace(/IN\s+UNNEST\(@(\w+)\)/g, (_, name: string) => `IN (SELECT UNNEST(CAST($${name} AS ${types.get(name) ?? "VARCHAR[]"})))`)
      .replace(/@(\w+)/g, (_, name: string) => `CAST($${name} AS ${types.get(name) ?? "VARCHAR"})`);
    try {
      return await serialized(async () => {
        if (statementType === "MERGE") {
          const reader = await db.runAndReadAll(`${translated}\nRETURNING merge_action`, params);
          const actions = reader.getRowObjectsJson().map((r) => r.merge_action);
          const dmlStats = {
            insertedRowCount: String(actions.filter((a) => a === "INSERT").length),
            updatedRowCount: String(actions.filter((a) => a === "UPDATE").length),
            deletedRowCount: "0",
          };
          jobs.push({ ...base, dmlStats });
          const affected = String(Number(dmlStats.insertedRowCount) + Number(dmlStats.updatedRowCount));
          results.set(jobId, { schema: { fields: [] }, rows: [] });
          return { status: 200, json: finishJob(jobId, job.jobReference?.location, "query", job.configuration ?? {}, { query: { statementType, dmlStats, numDmlAffectedRows: affected } }) };
        }
        const reader = await db.runAndReadAll(translated, params);
        const names = reader.columnNames();
        const typeIds = reader.columnTypes().map((t) => t.typeId);
        const fields: FieldResource[] = names.map((name, i) => {
          const typeId = typeIds[i]!;
          return typeId === DuckDBTypeId.LIST ? { name, type: "STRING", mode: "REPEATED" } : { name, type: resultType(typeId), mode: "NULLABLE" };
        });
        const rows = reader.getRowObjectsJson().map((row) => ({ f: names.map((name, i) => ({ v: cell(row[name], fields[i]!.type) })) }));
        results.set(jobId, { schema: { fields }, rows });
        jobs.push(base);
        return { status: 200, json: finishJob(jobId, job.jobReference?.location, "query", job.configuration ?? {}, { query: { statementType, totalBytesProcessed: "0" } }) };
      });
    } catch (err) {
      return failed({ reason: "invalidQuery", message: err instanceof Error ? err.message : String(err) });
    }
  };

  const route = async (req: RecordedRequest): Promise<FakeAnswer> => {
    const path = req.path.replace(/^\/bigquery\/v2/, "");
    if (req.method === "POST" && /^\/upload\/bigquery\/v2\/projects\/[^/]+\/jobs$/.test(req.path)) return load(req);
    if (req.method === "POST" && /^\/projects\/[^/]+\/jobs$/.test(path)) return query(req);
    let m = /^\/projects\/[^/]+\/jobs\/([^/]+)$/.exec(path);
    if (m && req.method === "GET") {
      const resource = jobResources.get(m[1]!);
      return resource ? { status: 200, json: resource } : googleError(404, "notFound", `Not found: Job ${project}:${m[1]!}`);
    }
    m = /^\/projects\/[^/]+\/queries\/([^/]+)$/.exec(path);
    if (m && req.method === "GET") {
      const result = results.get(m[1]!);
      if (!result) return googleError(404, "notFound", `Not found: Job ${project}:${m[1]!}`);
      return { status: 200, json: { kind: "bigquery#getQueryResultsResponse", jobReference: { projectId: project, jobId: m[1] }, jobComplete: true, schema: result.schema, rows: result.rows, totalRows: String(result.rows.length) } };
    }
    m = /^\/projects\/[^/]+\/datasets\/([^/]+)$/.exec(path);
    if (m && req.method === "GET") {
      return datasets.has(m[1]!) ? { status: 200, json: { kind: "bigquery#dataset", datasetReference: { projectId: project, datasetId: m[1] } } } : googleError(404, "notFound", `Not found: Dataset ${project}:${m[1]!}`);
    }
    if (req.method === "POST" && /^\/projects\/[^/]+\/datasets$/.test(path)) {
      const body = JSON.parse(req.body.toString("utf8")) as { datasetReference: { datasetId: string } };
      await serialized(() => db.run(`CREATE SCHEMA IF NOT EXISTS ${quote(body.datasetReference.datasetId)}`));
      datasets.add(body.datasetReference.datasetId);
      return { status: 200, json: { kind: "bigquery#dataset", ...body } };
    }
    m = /^\/projects\/[^/]+\/datasets\/([^/]+)\/tables$/.exec(path);
    if (m && req.method === "POST") {
      const body = JSON.parse(req.body.toString("utf8")) as TableResource;
      const key = `${m[1]!}.${body.tableReference.tableId}`;
      if (tables.has(key)) return googleError(409, "duplicate", `Already Exists: Table ${project}:${key}`);
      await serialized(() => createTable({ ...body, tableReference: { ...body.tableReference, projectId: project, datasetId: m![1]! } }));
      return { status: 200, json: tableJson(tables.get(key)!) };
    }
    m = /^\/projects\/[^/]+\/datasets\/([^/]+)\/tables\/([^/]+)$/.exec(path);
    if (m) {
      const key = `${m[1]!}.${m[2]!}`;
      const resource = tables.get(key);
      if (!resource) return googleError(404, "notFound", `Not found: Table ${project}:${key}`);
      if (req.method === "GET") return { status: 200, json: tableJson(resource) };
      if (req.method === "DELETE") {
        await serialized(() => db.run(`DROP TABLE ${quote(m[1]!)}.${quote(m[2]!)}`));
        tables.delete(key);
        return { status: 204, body: Buffer.alloc(0) };
      }
    }
    return googleError(404, "notFound", `bigquery fake: no route for ${req.method} ${req.path}`);
  };

  const fake = await startHttpFake(route);
  return {
    ...fake,
    jobs,
    createTables: async (specs) => {
      for (const t of specs) {
        if (tables.has(`${t.dataset}.${t.name}`)) continue;
        const p = t.partitioning;
        await serialized(() =>
          createTable({
            tableReference: { projectId: project, datasetId: t.dataset, tableId: t.name },
            schema: { fields: bigQuerySchema(t) },
            ...(p.kind === "time" ? { timePartitioning: { type: "DAY", field: p.field }, requirePartitionFilter: p.requirePartitionFilter } : {}),
            ...(t.clustering.length > 0 ? { clustering: { fields: t.clustering } } : {}),
          }),
        );
      }
    },
    rows: async (dataset, table) => serialized(async () => readRows(await db.run(`SELECT * FROM ${quote(dataset)}.${quote(table)}`))),
    setStreamingBuffer: (dataset, table, on) => {
      if (on) streaming.add(`${dataset}.${table}`);
      else streaming.delete(`${dataset}.${table}`);
    },
    stop: async () => {
      await fake.stop();
      db.closeSync();
      instance.closeSync();
    },
  };
}
