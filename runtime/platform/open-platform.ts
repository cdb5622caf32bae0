import type { Logger } from "../monitoring/logger";
import type { ClosablePlatform } from "./platform";
import type { Clock } from "./ports/clock";

export const BACKENDS = ["local", "gcp"] as const;
export type Backend = (typeof BACKENDS)[number];

export interface OpenPlatformOptions {
  readonly backend: Backend;
  /** Local backend: where the warehouse, documents and payloads live. */
  readonly dataDir: string;
  /** GCP backend: project, datasets and buckets come from here (the variables the stacks set). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly alertStream?: { write(text: string): unknown };
}

/**
 * Opens the platform a command runs on. Each backend is loaded only when chosen, so the local
 * CLI never loads the GCP clients and the image never needs DuckDB's data dir for GCP roles.
 */
export async function openPlatform(options: OpenPlatformOptions): Promise<ClosablePlatform> {
  if (options.backend === "gcp") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- loaded on demand (see runtime/cli/commands/index.ts)
    const { openGcpPlatform }: typeof import("./gcp/open-gcp-platform") = require("./gcp/open-gcp-platform");
    return openGcpPlatform(options.env ?? process.env, options.clock ? { clock: options.clock } : {});
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- loaded on demand (see runtime/cli/commands/index.ts)
  const { openLocalPlatform }: typeof import("./local/local-platform") = require("./local/local-platform");
  return openLocalPlatform({
    dataDir: options.dataDir,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.alertStream ? { alertStream: options.alertStream } : {}),
  });
}
