import type { SourceKind } from "../domain/source-kind";
import { dataDirKind } from "../platform/local/data-dir-provenance";
import type { Platform } from "../platform/platform";

/**
 * The provenance a scheduled trigger carries when no completion names one (same-day phase 3 starts
 * from the clock, not from completions). On GCP the scheduled scrapers call the live endpoints
 * (`http`); locally it is the kind the data dir was claimed for, or none (the next phase then
 * refuses the trigger rather than guess: real and invented data never mix).
 */
export async function scheduledSourceKind(platform: Pick<Platform, "docStore">, env: Readonly<Record<string, string | undefined>> = process.env): Promise<SourceKind | undefined> {
  if (env.NBA_PROPS_BACKEND === "gcp") return "http";
  return (await dataDirKind(platform.docStore)) ?? undefined;
}
