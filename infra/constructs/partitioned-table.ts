import { Construct } from "constructs";
import { BigqueryTable } from "@cdktf/provider-google/lib/bigquery-table";
import type { Duration } from "./duration";
import type { Labels } from "./labels";
import { terraformName } from "./naming";
import { suppressPolicy, type PolicySuppression } from "./suppression";

/** Id of the policy rule that insists on partitioning (kept here so waivers name it exactly). */
export const TABLE_PARTITION_RULE = "bigquery-table-partitioned";

export interface BigQueryColumn {
  readonly name: string;
  readonly type: string;
  readonly mode: string;
  readonly description: string;
}

export type TablePartitioning =
  | {
      readonly kind: "day";
      /** DATE or TIMESTAMP column the table is partitioned on. */
      readonly field: string;
      /**
       * Whether every query must filter on `field` (the default, true): keeps scans and cost
       * bounded. Turning it off needs `requireFilterWaiver`.
       */
      readonly requireFilter?: boolean;
      /** Why queries may skip the partition filter; recorded for the policy check and the plan review. */
      readonly requireFilterWaiver?: string;
      /** Partitions older than this are deleted by BigQuery. Default: kept forever. */
      readonly expiration?: Duration;
    }
  | {
      readonly kind: "none";
      /** Why the table is not partitioned; recorded for the policy check and the plan review. */
      readonly reason: string;
    };

export interface PartitionedTableProps {
  /** Dataset id (pass the dataset resource's `datasetId` so Terraform orders the two). */
  readonly datasetId: string;
  /** Name used in Terraform: the catalog's `dataset.table`. */
  readonly catalogId: string;
  readonly tableId: string;
  readonly description: string;
  readonly columns: readonly BigQueryColumn[];
  readonly partitioning: TablePartitioning;
  /** Up to four clustering columns. Default: none. */
  readonly clustering?: readonly string[];
  /** When true (the default), Terraform refuses to delete the table and its data. */
  readonly deletionProtection?: boolean;
  readonly labels: Labels;
}

/**
 * A BigQuery table that is day-partitioned with a required partition filter unless a written
 * reason says otherwise; the reason is recorded on the resource as a policy suppression.
 */
export class PartitionedTable extends Construct {
  readonly table: BigqueryTable;

  constructor(scope: Construct, id: string, props: PartitionedTableProps) {
    super(scope, id);
    const partitioning = props.partitioning;
    const waivers: PolicySuppression[] = [];
    let requirePartitionFilter = false;
    let timePartitioning: { type: string; field: string; expirationMs?: number } | undefined;
    if (partitioning.kind === "day") {
      requirePartitionFilter = partitioning.requireFilter ?? true;
      if (!requirePartitionFilter) {
        if (!partitioning.requireFilterWaiver) throw new Error(`table ${props.catalogId}: a partition filter is not required and no reason is given`);
        waivers.push({ rule: TABLE_PARTITION_RULE, reason: partitioning.requireFilterWaiver });
      }
      timePartitioning = { type: "DAY", field: partitioning.field };
      if (partitioning.expiration) timePartitioning.expirationMs = partitioning.expiration.toMilliseconds();
    } else {
      waivers.push({ rule: TABLE_PARTITION_RULE, reason: partitioning.reason });
    }

    this.table = new BigqueryTable(this, "table", {
      datasetId: props.datasetId,
      tableId: props.tableId,
      description: props.description,
      schema: JSON.stringify(props.columns),
      timePartitioning,
      requirePartitionFilter: timePartitioning ? requirePartitionFilter : undefined,
      clustering: props.clustering && props.clustering.length > 0 ? [...props.clustering] : undefined,
      deletionProtection: props.deletionProtection ?? true,
      labels: { ...props.labels },
    });
    this.table.overrideLogicalId(terraformName(...props.catalogId.split(".")));
    if (waivers.length > 0) suppressPolicy(this.table, waivers);
  }
}
