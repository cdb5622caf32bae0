import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { BigQuery, Job, Table, TableMetadata } from "@google-cloud/bigquery";
import { bigQuerySchema } from "../../catalog/derive/bigquery-schema";
import { tableId } from "../../catalog/define-table";
import type { Row } from "../../catalog/derive/row-type";
import type { TableSpec } from "../../catalog/types";
import { errorMessage } from "../../domain/error-message";
import type { Logger } from "../../monitoring/logger";
import { WarehouseError } from "../local/warehouse-error";
import type { JobLabels, MergeResult, Warehouse } from "../ports/warehouse";
import { bigQueryDialect, type Dialect } from "../sql/dialect";
import type { SqlFragment } from "../sql/fragment";
import { buildMerge, type MergeMode } from "../sql/merge";
import { render } from "../sql/render";
import { partitionValuesOf, validateRows } from "../warehouse-rows";
import { bigQueryFailure } from "./bigquery-error";
import { plainRow, toBigQueryParams } from "./bigquery-values";

export interface BigQueryWarehouseOptions {
  readonly client: BigQuery;
  readonly project: string;
  readonly location: string;
  readonly logger: Logger;
}

const LABEL_VALUE = /[^a-z0-9_-]/g;

/** Job labels are lowercase letters, digits, '_' and '-', at most 63 characters. */
function jobLabels(labels: JobLabels | undefined): Record<string, string> {
  const clean = (v: string): string => v.toLowerCase().replace(LABEL_VALUE, "_").slice(0, 63);
  return labels ? { app: "nba-props", processor: clean(labels.processor), run_id: clean(labels.run) } : { app: "nba-props" };
}

function tableMetadata(table: TableSpec): TableMetadata {
  const p = table.partitioning;
  return {
    description: table.description,
    schema: { fields: bigQuerySchema(table).map((f) => ({ ...f })) },
    ...(p.kind === "time"
      ? {
          timePartitioning: { type: "DAY", field: p.field, ...(p.expirationDays ? { expirationMs: String(p.expirationDays * 86_400_000) } : {}) },
          requirePartitionFilter: p.requirePartitionFilter,
        }
      : {}),
    ...(table.clustering.length > 0 ? { clustering: { fields: [...table.clustering] } } : {}),
  };
}

/**
 * The warehouse on BigQuery. Rows arrive only by batch load jobs (never streaming inserts, whose
 * buffer blocks DML for up to 90 minutes); MERGE goes through a staging table in the target's
 * dataset, on the catalog key, with the partition filter; every failure carries a class.
 */
export class BigQueryWarehouse implements Warehouse {
  readonly dialect: Dialect;
  private statements = 0;

  constructor(private readonly options: BigQueryWarehouseOptions) {
    this.dialect = bigQueryDialect(options.project);
  }

  statementsExecuted(): number {
    return this.statements;
  }

  private tableRef(dataset: string, name: string): Table {
    return this.options.client.dataset(dataset, { location: this.options.location }).table(name, { location: this.options.location });
  }

  /** The stacks create every table; this creates what is missing (new environments, test servers). */
  async ensureTables(tables: readonly TableSpec[]): Promise<void> {
    for (const table of tables) {
      try {
        const [exists] = await this.tableRef(table.dataset, table.name).exists();
        if (exists) continue;
        const dataset = this.options.client.dataset(table.dataset, { location: this.options.location });
        const [datasetExists] = await dataset.exists();
        if (!datasetExists) await dataset.create({ location: this.options.location });
        await dataset.createTable(table.name, tableMetadata(table));
      } catch (err) {
        throw bigQueryFailure(`creating ${tableId(table)}`, err);
      }
    }
  }

  private async runQueryJob(text: string, rendered: ReturnType<typeof render>, labels: JobLabels | undefined, prefix: string): Promise<Job> {
    const { params, types } = toBigQueryParams(rendered.params);
    const hasParams = Object.keys(params).length > 0;
    this.statements += 1;
    const [job] = await this.options.client.createQueryJob({
      query: text,
      useLegacySql: false,
      location: this.options.location,
      labels: jobLabels(labels),
      jobPrefix: prefix,
      ...(hasParams ? { params, types } : {}),
    });
    return job;
  }

  async query(statement: SqlFragment, labels?: JobLabels): Promise<Row[]> {
    const rendered = render(statement, this.dialect);
    try {
      const job = await this.runQueryJob(rendered.text, rendered, labels, "nba_props_query_");
      const [rows] = await job.getQueryResults({ autoPaginate: true });
      return (rows as Record<string, unknown>[]).map(plainRow);
    } catch (err) {
      throw bigQueryFailure("query", err);
    }
  }

  /**
   * One load job, uploaded with its data (multipart jobs.insert) and waited for. Written by hand
   * rather than through Table#createLoadJob because that puts everything under
   * `configuration.load`, leaving no place for the job labels.
   */
  private async load(target: Table, table: TableSpec, rows: readonly Row[], writeDisposition: "WRITE_APPEND" | "WRITE_TRUNCATE", labels: JobLabels | undefined): Promise<void> {
    const { client, project, location } = this.options;
    const jobId = `nba_props_load_${randomUUID()}`;
    const resource = {
      jobReference: { projectId: project, jobId, location },
      configuration: {
        labels: jobLabels(labels),
        // No schemaUpdateOptions: the catalog is the schema, and BigQuery refuses them with WRITE_TRUNCATE anyway.
        load: {
          destinationTable: { projectId: project, datasetId: table.dataset, tableId: target.id },
          sourceFormat: "NEWLINE_DELIMITED_JSON",
          writeDisposition,
          createDisposition: writeDisposition === "WRITE_TRUNCATE" ? "CREATE_IF_NEEDED" : "CREATE_NEVER",
          schema: { fields: bigQuerySchema(table).map((f) => ({ ...f })) },
        },
      },
    };
    const data = rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
    // Each part carries its own Content-Type, as the client's own upload does; the HTTP layer
    // ends the multipart body only after a streamed last part, so the data goes as a stream.
    const metadataPart = { "Content-Type": "application/json", body: JSON.stringify(resource) };
    const dataPart = { "Content-Type": "application/octet-stream", body: Readable.from([Buffer.from(data)]) };
    this.statements += 1;
    await new Promise<void>((resolve, reject) => {
      client.makeAuthenticatedRequest(
        {
          method: "POST",
          uri: `${client.apiEndpoint}/upload/bigquery/v2/projects/${project}/jobs`,
          qs: { uploadType: "multipart" },
          multipart: [metadataPart, dataPart],
        },
        (err) => (err ? reject(err) : resolve()),
      );
    });
    await client.job(jobId, { location }).promise();
  }

  async append(table: TableSpec, rows: readonly Row[], labels?: JobLabels): Promise<number> {
    if (rows.length === 0) return 0;
    validateRows(table, rows);
    try {
      await this.load(this.tableRef(table.dataset, table.name), table, rows, "WRITE_APPEND", labels);
      return rows.length;
    } catch (err) {
      throw bigQueryFailure(`load into ${tableId(table)}`, err);
    }
  }

  async merge(table: TableSpec, rows: readonly Row[], labels?: JobLabels, mode?: MergeMode): Promise<MergeResult> {
    if (rows.length === 0) return { inserted: 0, updated: 0 };
    validateRows(table, rows);
    const partitionValues = partitionValuesOf(table, rows);
    const staging = `_staging_${table.name}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const stagingTable = this.tableRef(table.dataset, staging);
    try {
      await this.load(stagingTable, table, rows, "WRITE_TRUNCATE", labels);
      const merge = render(buildMerge({ target: table, source: { stagingTable: staging }, partitionValues, mode }), this.dialect);
      const job = await this.runQueryJob(merge.text, merge, labels, "nba_props_merge_");
      const [metadata] = (await job.promise()) as [{ statistics?: { query?: { dmlStats?: { insertedRowCount?: string; updatedRowCount?: string } } } }];
      const stats = metadata.statistics?.query?.dmlStats;
      if (!stats) throw new WarehouseError("MERGE_FAILED", `MERGE into ${tableId(table)} returned no DML statistics`);
      return { inserted: Number(stats.insertedRowCount ?? 0), updated: Number(stats.updatedRowCount ?? 0) };
    } catch (err) {
      throw bigQueryFailure(`MERGE into ${tableId(table)}`, err);
    } finally {
      await this.dropStaging(stagingTable, table);
    }
  }

  /** A staging table left behind costs storage, not correctness (the next MERGE uses a new one). */
  private async dropStaging(staging: Table, table: TableSpec): Promise<void> {
    try {
      await staging.delete({ ignoreNotFound: true });
    } catch (err) {
      this.options.logger.warn({ table: tableId(table), staging: staging.id, err: errorMessage(err) }, "staging table could not be dropped");
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
