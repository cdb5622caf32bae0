import { compareSchemas, parseSchema, schemaChangeForcesReplacement } from "../bigquery-schema";
import type { Finding, ReviewRule } from "../types";
import { bothSides, finding, resourceName } from "./rule-helpers";

export const bigqueryColumnRemovedOrRetyped: ReviewRule = {
  id: "bigquery-column-removed-or-retyped",
  risk: "high",
  label: "column removed or retyped",
  description:
    "Removing a column deletes its data; changing a column's type makes the provider replace the table. Added NULLABLE columns are safe and not reported.",
  check(change) {
    const sides = change.type === "google_bigquery_table" ? bothSides(change) : undefined;
    if (!sides) return [];
    const before = parseSchema(sides.before.schema);
    const after = parseSchema(sides.after.schema);
    if (!before || !after) return [];
    const comparison = compareSchemas(before, after);
    const table = resourceName(change, "table_id");
    const removedNames = new Set(comparison.removed.map((c) => c.name));
    const hasRemovedParent = (name: string): boolean => name.includes(".") && removedNames.has(name.slice(0, name.lastIndexOf(".")));
    const replaced = schemaChangeForcesReplacement(comparison) ? "; the table is replaced and all its data deleted" : "";
    const findings: Finding[] = comparison.removed
      .filter((c) => !hasRemovedParent(c.name))
      .map((c) => finding(this, change, `column ${c.name} (${c.type}) is removed from table ${table} with its data${replaced}`));
    for (const c of comparison.retyped) {
      findings.push(finding(this, change, `column ${c.name} of table ${table} changes type from ${c.before} to ${c.after}${replaced}`));
    }
    return findings;
  },
};
