import { existsSync } from "node:fs";
import { resolve } from "node:path";

/** The real captured payloads live next to the project, never inside it. */
export const SAMPLES_DIR = resolve(__dirname, "../../../shared/nba-samples");
export const HAVE_SAMPLES = existsSync(SAMPLES_DIR);

/** `describe` that runs only when the real samples are present, and says so when they are not. */
export const describeWithSamples: jest.Describe = HAVE_SAMPLES
  ? describe
  : (((name: string, fn: jest.EmptyFunction) => {
      describe.skip(`${name} [SKIPPED: real samples not found at ${SAMPLES_DIR}]`, fn);
    }) as unknown as jest.Describe);

export function samplePath(...parts: string[]): string {
  return resolve(SAMPLES_DIR, ...parts);
}
