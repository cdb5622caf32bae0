import type { Drill } from "./drill";

/** Every drill `nba-props drill <name>` can run; one line per drill. */
export const drills: readonly Drill[] = [];
