import { existsSync } from "node:fs";
import { resolve } from "node:path";

/** The real captured payloads live next to the project, never inside it. */
export const SAMPLES_DIR = resolve(__dirname, "../../../shared/nba-samples");
export const HAVE_SAMPLES = existsSync(SAMPLES_DIR);

/**
 * `describe` for tests on the real samples. Locally, without the samples, the block is skipped
 * and says so; in CI (`CI` set) a missing samples folder is a failure, never a silent skip.
 */
export function samplesMode(haveSamples: boolean, ci: string | undefined): "run" | "fail" | "skip" {
  if (haveSamples) return "run";
  return ci && ci !== "false" && ci !== "0" ? "fail" : "skip";
}

const MODE = samplesMode(HAVE_SAMPLES, process.env.CI);

export const describeWithSamples: jest.Describe =
  MODE === "run"
    ? describe
    : MODE === "fail"
      ? (((name: string) => {
        describe(name, () => {
          it(`needs the real samples at ${SAMPLES_DIR} (CI is set, so their absence fails)`, () => {
            throw new Error(`real samples not found at ${SAMPLES_DIR}; CI must provide ../shared/nba-samples`);
          });
        });
      }) as unknown as jest.Describe)
      : (((name: string, fn: jest.EmptyFunction) => {
        describe.skip(`${name} [SKIPPED: real samples not found at ${SAMPLES_DIR}]`, fn);
      }) as unknown as jest.Describe);

export function samplePath(...parts: string[]): string {
  return resolve(SAMPLES_DIR, ...parts);
}
