import { bigQuerySchema } from "../../runtime/catalog/derive/bigquery-schema";
import { silentLogger } from "../../runtime/monitoring/logger";
import { BigQueryWarehouse } from "../../runtime/platform/gcp/bigquery-warehouse";
import { classifyBigQueryError } from "../../runtime/platform/gcp/bigquery-error";
import { createGcpClients } from "../../runtime/platform/gcp/gcp-clients";
import { parseGcpEnvironment } from "../../runtime/platform/gcp/gcp-environment";
import { selectPartitions } from "../../runtime/platform/sql";
import { startBigQueryFake, type BigQueryFake } from "../support/bigquery-fake";
import { contractRow, contractTable } from "./contract/contract-table";

/** What only BigQuery has: load job configuration, partition filters, labels, error classes. */
describe("the BigQuery warehouse against the recording fake", () => {
  let fake: BigQueryFake;
  let warehouse: BigQueryWarehouse;
  const table = contractTable();
  beforeAll(async () => {
    process.env.METADATA_SERVER_DETECTION ??= "none";
    fake = await startBigQueryFake("nba-props-test");
    const env = parseGcpEnvironment({
      NBA_PROPS_COMPONENT: "analytics-processors",
      NBA_PROPS_ENV: "dev",
      GOOGLE_CLOUD_PROJECT: "nba-props-test",
      NBA_PROPS_REGION: "us-west2",
      NBA_PROPS_BIGQUERY_LOCATION: "us-west2",
      BIGQUERY_API_ENDPOINT: fake.url,
    });
    warehouse = new BigQueryWarehouse({ client: createGcpClients(env).bigquery, project: env.project, location: env.bigqueryLocation, logger: silentLogger() });
    await fake.createTables([table]);
  });
  afterAll(() => fake.stop());

  test("a MERGE is one batch load into staging and one MERGE, labelled with processor and run, with the partition filter", async () => {
    const before = fake.jobs.length;
    expect(await warehouse.merge(table, [contractRow("g1", 1), contractRow("g2", 2)], { processor: "nbac_schedule", run: "Run-42" })).toEqual({ inserted: 2, updated: 0 });
    const jobs = fake.jobs.slice(before);
    expect(jobs.map((j) => j.kind)).toEqual(["load", "query"]);
    const [load, merge] = jobs;
    expect(load!.configuration).toMatchObject({
      sourceFormat: "NEWLINE_DELIMITED_JSON",
      writeDisposition: "WRITE_TRUNCATE",
      schema: { fields: bigQuerySchema(table) },
      destinationTable: { datasetId: "nba_raw", tableId: expect.stringMatching(new RegExp(`^_staging_${table.name}_`)) as unknown },
    });
    expect(load!.rowsLoaded).toBe(2);
    expect(merge!.statementType).toBe("MERGE");
    expect(merge!.partitionFilters).toEqual([{ table: `nba_raw.${table.name}`, filtered: true }]);
    for (const job of jobs) expect(job.labels).toEqual({ app: "nba-props", processor: "nbac_schedule", run_id: "run-42" });
    // The staging table is dropped afterwards.
    expect(fake.requests.filter((r) => r.method === "DELETE").at(-1)?.path).toContain(`/tables/_staging_${table.name}_`);
  });

  test("append is one WRITE_APPEND load job into the table itself, never a streaming insert", async () => {
    const other = contractTable();
    await fake.createTables([other]);
    const before = fake.jobs.length;
    expect(await warehouse.append(other, [contractRow("a1", 1)])).toBe(1);
    expect(fake.jobs.slice(before).map((j) => [j.kind, j.configuration.writeDisposition, (j.configuration.destinationTable as { tableId: string }).tableId])).toEqual([["load", "WRITE_APPEND", other.name]]);
    expect(fake.requests.some((r) => r.path.endsWith("/insertAll"))).toBe(false);
  });

  test("schemaUpdateOptions never meet WRITE_TRUNCATE, and every statement on a partitioned table carries its partition filter", async () => {
    await warehouse.query(selectPartitions(table, ["2025-03-15"]));
    const loads = fake.jobs.filter((j) => j.kind === "load");
    expect(loads.length).toBeGreaterThan(0);
    for (const load of loads) expect(load.configuration.schemaUpdateOptions === undefined || load.configuration.writeDisposition !== "WRITE_TRUNCATE").toBe(true);
    const queries = fake.jobs.filter((j) => j.kind === "query");
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) for (const p of q.partitionFilters) expect(p).toEqual({ table: p.table, filtered: true });
  });

  test("a streaming-buffer conflict surfaces as WRITE_POSTPONED and writes nothing, once", async () => {
    const before = await fake.rows("nba_raw", table.name);
    const merges = fake.jobs.filter((j) => j.statementType === "MERGE").length;
    fake.setStreamingBuffer("nba_raw", table.name, true);
    try {
      await expect(warehouse.merge(table, [contractRow("g1", 99), contractRow("g7", 7)])).rejects.toMatchObject({ code: "WRITE_POSTPONED" });
    } finally {
      fake.setStreamingBuffer("nba_raw", table.name, false);
    }
    expect(fake.jobs.filter((j) => j.statementType === "MERGE").length).toBe(merges + 1);
    expect(await fake.rows("nba_raw", table.name)).toEqual(before);
  });

  test("a 503 is TRANSIENT; notFound and invalid are PERMANENT", async () => {
    fake.inject({ status: 503, reason: "backendError", message: "The service is currently unavailable." });
    await expect(warehouse.merge(table, [contractRow("g1", 1)])).rejects.toMatchObject({ code: "TRANSIENT" });
    fake.inject({ status: 404, reason: "notFound", message: "Not found: Dataset nba-props-test:nba_raw" });
    await expect(warehouse.query(selectPartitions(table, ["2025-03-15"]))).rejects.toMatchObject({ code: "PERMANENT" });
  });

  test("errors are classified by reason and status, streaming buffer first", () => {
    expect(classifyBigQueryError({ code: 403, errors: [{ reason: "rateLimitExceeded", message: "Exceeded rate limits" }] })).toBe("TRANSIENT");
    expect(classifyBigQueryError({ code: 500, errors: [{ reason: "backendError" }] })).toBe("TRANSIENT");
    expect(classifyBigQueryError({ code: 502 })).toBe("TRANSIENT");
    expect(classifyBigQueryError({ code: "ECONNRESET" })).toBe("TRANSIENT");
    expect(classifyBigQueryError({ code: 403, errors: [{ reason: "quotaExceeded", message: "Quota exceeded" }] })).toBe("PERMANENT");
    expect(classifyBigQueryError({ code: 400, errors: [{ reason: "invalid" }] })).toBe("PERMANENT");
    expect(classifyBigQueryError({ code: 404, errors: [{ reason: "notFound" }] })).toBe("PERMANENT");
    expect(
      classifyBigQueryError({ code: 400, errors: [{ reason: "invalidQuery", message: "UPDATE or DELETE statement over table p.d.t would affect rows in the streaming buffer, which is not supported" }] }),
    ).toBe("WRITE_POSTPONED");
  });
});
