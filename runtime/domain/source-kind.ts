/**
 * Where data came from. Every stored row and run record carries it, and a data dir holds one
 * kind only, so invented (sim) data can never mix with captured (replay) or live (http) data.
 */
export const SOURCE_KINDS = ["sim", "replay", "http"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
