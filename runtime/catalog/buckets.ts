import type { BucketSpec } from "./types";

export const buckets: readonly BucketSpec[] = [
  {
    name: "raw-payloads",
    description: "Every scraped payload, as fetched: the replayable record of what each source sent.",
    coldlineAfterDays: 30,
    deleteAfterDays: 1100,
  },
  { name: "exports", description: "Published picks and operator exports.", deleteAfterDays: 90 },
];
