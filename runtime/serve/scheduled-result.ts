import type { Platform } from "../platform/platform";

/**
 * What a handler of a Cloud Scheduler call made of it. `done`: handled (the body says what
 * happened). `rejected`: the request itself is wrong (a bad date token): 400, and the scheduler's
 * failed attempt is what alerts. `transient`: 503, so the scheduler retries within its retry count.
 */
export type ScheduledResult =
  | { readonly kind: "done"; readonly body: Readonly<Record<string, unknown>> }
  | { readonly kind: "rejected"; readonly reason: string }
  | { readonly kind: "transient"; readonly reason: string };

/** A POST path a schedule calls with a plain JSON body (not a Pub/Sub envelope). */
export type ScheduledHandler = (platform: Platform, body: unknown) => Promise<ScheduledResult>;
