import { Construct } from "constructs";
import { BigqueryDataset } from "@cdktf/provider-google/lib/bigquery-dataset";
import { FirestoreDatabase } from "@cdktf/provider-google/lib/firestore-database";
import { FirestoreField } from "@cdktf/provider-google/lib/firestore-field";
import { StorageBucket } from "@cdktf/provider-google/lib/storage-bucket";
import { bigQuerySchema, tableId, type TableSpec } from "../../runtime/catalog";
import { Duration, PartitionedTable, terraformName, type TablePartitioning } from "../constructs";
import { bucketName, type StackContext } from "./context";

export interface DataResources {
  readonly datasets: ReadonlyMap<string, BigqueryDataset>;
  readonly buckets: ReadonlyMap<string, StorageBucket>;
  readonly firestore: FirestoreDatabase;
}

function tablePartitioning(table: TableSpec): TablePartitioning {
  const p = table.partitioning;
  if (p.kind === "none") return { kind: "none", reason: p.reason };
  return {
    kind: "day",
    field: p.field,
    requireFilter: p.requirePartitionFilter,
    requireFilterWaiver: p.requirePartitionFilterWaiver,
    expiration: p.expirationDays === undefined ? undefined : Duration.days(p.expirationDays),
  };
}

/** BigQuery datasets and tables, the Firestore database with its TTL policies, and the buckets. */
export function declareData(scope: Construct, { env, catalog }: StackContext): DataResources {
  const labels = env.labels;
  const datasets = new Map<string, BigqueryDataset>();
  for (const spec of catalog.datasets) {
    const dataset = new BigqueryDataset(scope, `dataset-${spec.name}`, {
      datasetId: spec.name,
      description: spec.description,
      location: env.bigqueryLocation,
      labels: { ...labels },
      deleteContentsOnDestroy: false,
      maxTimeTravelHours: String(spec.timeTravelHours),
    });
    dataset.overrideLogicalId(terraformName(spec.name));
    datasets.set(spec.name, dataset);
  }

  for (const table of catalog.tables) {
    const dataset = datasets.get(table.dataset);
    if (!dataset) throw new Error(`table ${tableId(table)} is in undeclared dataset ${table.dataset}`);
    new PartitionedTable(scope, `table-${tableId(table)}`, {
      datasetId: dataset.datasetId,
      catalogId: tableId(table),
      tableId: table.name,
      description: table.description,
      columns: bigQuerySchema(table),
      partitioning: tablePartitioning(table),
      clustering: table.clustering,
      deletionProtection: env.deletionProtection,
      labels,
    });
  }

  const firestore = new FirestoreDatabase(scope, "firestore", {
    name: "(default)",
    locationId: env.firestoreLocation,
    type: "FIRESTORE_NATIVE",
    deleteProtectionState: env.deletionProtection ? "DELETE_PROTECTION_ENABLED" : "DELETE_PROTECTION_DISABLED",
    deletionPolicy: env.deletionProtection ? "ABANDON" : "DELETE",
    // Seven days of versions to read or restore from after a bad write (prod; the environment file decides).
    pointInTimeRecoveryEnablement: env.firestorePointInTimeRecovery ? "POINT_IN_TIME_RECOVERY_ENABLED" : "POINT_IN_TIME_RECOVERY_DISABLED",
  });
  firestore.overrideLogicalId("default");
  for (const collection of catalog.docCollections) {
    if (collection.ttlField === undefined) continue;
    new FirestoreField(scope, `ttl-${collection.name}`, {
      database: firestore.name,
      collection: collection.name,
      field: collection.ttlField,
      ttlConfig: {},
      // A TTL timestamp is never queried; indexing it would only create write hotspots.
      indexConfig: {},
    }).overrideLogicalId(terraformName(collection.name, collection.ttlField));
  }

  const buckets = new Map<string, StorageBucket>();
  for (const spec of catalog.buckets) {
    const lifecycleRule = [
      ...(spec.coldlineAfterDays === undefined
        ? []
        : [{ action: { type: "SetStorageClass", storageClass: "COLDLINE" }, condition: { age: spec.coldlineAfterDays } }]),
      { action: { type: "Delete" }, condition: { age: spec.deleteAfterDays } },
    ];
    const bucket = new StorageBucket(scope, `bucket-${spec.name}`, {
      name: bucketName(env, spec.name),
      location: env.region.toUpperCase(),
      storageClass: "STANDARD",
      uniformBucketLevelAccess: true,
      publicAccessPrevention: "enforced",
      forceDestroy: !env.deletionProtection,
      labels: { ...labels },
      lifecycleRule,
    });
    bucket.overrideLogicalId(terraformName(spec.name));
    buckets.set(spec.name, bucket);
  }
  return { datasets, buckets, firestore };
}
