import { z } from "zod";

/** NBA.com stats envelope: `{resource, parameters, resultSets:[{name, headers, rowSet}]}` with positional rows. */
export const resultSetSchema = z.object({
  name: z.string(),
  headers: z.array(z.string()).min(1),
  rowSet: z.array(z.array(z.unknown())),
});

export const nbaStatsEnvelopeSchema = z.object({
  resource: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  resultSets: z.array(resultSetSchema).min(1),
});

export type ResultSet = z.infer<typeof resultSetSchema>;
export type NbaStatsEnvelope = z.infer<typeof nbaStatsEnvelopeSchema>;

/** The named result set, or an error saying which sets the payload did have. */
export function findResultSet(envelope: NbaStatsEnvelope, name: string): ResultSet {
  const set = envelope.resultSets.find((s) => s.name === name);
  if (!set) throw new Error(`result set ${name} not found (have: ${envelope.resultSets.map((s) => s.name).join(", ")})`);
  return set;
}

/** Rows as objects keyed by header; a row whose length differs from the headers is reported by index. */
export function rowObjects(set: ResultSet): { index: number; record: Record<string, unknown>; lengthMismatch: boolean }[] {
  return set.rowSet.map((row, index) => {
    const record: Record<string, unknown> = {};
    set.headers.forEach((h, i) => {
      record[h] = row[i];
    });
    return { index, record, lengthMismatch: row.length !== set.headers.length };
  });
}
