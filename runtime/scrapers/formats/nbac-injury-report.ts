import { z } from "zod";

/**
 * The injury report as the PDF parser emits it (DOMAIN §1.4): `{metadata, parsing_stats, records[]}`.
 * Records are read field by field by the raw processor, so only their container is checked here.
 */
export const injuryReportSchema = z.looseObject({
  metadata: z.looseObject({
    gamedate: z.string().regex(/^\d{8}$/, "expected the report date as YYYYMMDD"),
    hour: z.union([z.number().int().min(0).max(23), z.string().regex(/^\d{1,2}$/, "expected the report hour 0-23")]),
    period: z.string().optional(),
    season: z.string().optional(),
    run_id: z.string().optional(),
  }),
  parsing_stats: z.looseObject({}).optional(),
  records: z.array(z.record(z.string(), z.unknown())),
});

