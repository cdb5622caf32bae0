import { z } from "zod";

/**
 * What every drill prints: its name, whether it passed, and the figures it measured. Each drill
 * adds its own fields (the issue that adds it names them); `passed` is the drill's own verdict.
 */
export const drillResultSchema = z.looseObject({
  drill: z.string(),
  passed: z.boolean(),
});

export type DrillResult = z.infer<typeof drillResultSchema>;

export interface DrillContext {
  /** A fresh, empty directory the drill may use for its embedded adapters. */
  readonly workDir: string;
}

/** A named failure drill run end to end on the embedded adapters with a simulated clock. */
export interface Drill {
  readonly name: string;
  readonly description: string;
  run(context: DrillContext): Promise<DrillResult>;
}
