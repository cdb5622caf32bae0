import type { DocStore } from "../platform/ports/doc-store";

/** Where the local pipeline records how it fed a data dir, so remediation commands can repeat it. */
export const PIPELINE_SOURCE_COLLECTION = "pipeline_sources";
const LATEST = "latest";

export async function recordPipelineSource(docStore: DocStore, flags: readonly string[], at: Date): Promise<void> {
  await docStore.set(PIPELINE_SOURCE_COLLECTION, LATEST, { flags: [...flags], recorded_at: at.toISOString() });
}

/** The flags of the last pipeline run on this data dir, or null when none was recorded. */
export async function pipelineSourceFlags(docStore: DocStore): Promise<string[] | null> {
  const doc = await docStore.get(PIPELINE_SOURCE_COLLECTION, LATEST);
  const flags = doc?.flags;
  return Array.isArray(flags) && flags.every((f) => typeof f === "string") ? flags : null;
}
