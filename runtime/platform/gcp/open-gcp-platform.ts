import type { ClosablePlatform } from "../platform";
import type { Clock } from "../ports/clock";

/**
 * Placeholder: the GCP adapters (BigQuery, Pub/Sub, Firestore, Cloud Storage) are built in
 * issue 7a and replace this file. Until then `--backend gcp` stops with a clear message.
 */
export async function openGcpPlatform(env: Readonly<Record<string, string | undefined>>, options?: { readonly clock?: Clock }): Promise<ClosablePlatform> {
  void env;
  void options;
  return Promise.reject(new Error("GCP adapters not available in this build: --backend gcp (NBA_PROPS_BACKEND=gcp) needs the GCP platform; use --backend local"));
}
