import { errorMessage } from "../domain/error-message";
import type { Platform } from "../platform/platform";
import { sql } from "../platform/sql/fragment";

export interface HealthResult {
  readonly healthy: boolean;
  readonly detail: string;
}

/** Whether the service that runs the next phase can take work. The signal aborts the probe. */
export interface HealthProbe {
  check(role: string, signal: AbortSignal): Promise<HealthResult>;
}

/** Locally every role runs in this process: it is ready when the warehouse and the doc store answer. */
export function localHealthProbe(platform: Pick<Platform, "warehouse" | "docStore">): HealthProbe {
  return {
    async check(role) {
      try {
        await platform.warehouse.query(sql`SELECT 1 AS ok`);
      } catch (err) {
        return { healthy: false, detail: `${role}: warehouse unreachable (${errorMessage(err)})` };
      }
      try {
        await platform.docStore.get("phase_completions", "health-probe");
      } catch (err) {
        return { healthy: false, detail: `${role}: doc store unreachable (${errorMessage(err)})` };
      }
      return { healthy: true, detail: `${role}: warehouse and doc store reachable` };
    },
  };
}

/**
 * On GCP a role is a Cloud Run service: GET <service url>/health/ready, aborted after the
 * timeout. `urlOf` maps a role to its service URL (from the deployment); a role without one is
 * unhealthy, never assumed healthy.
 */
export function httpHealthProbe(urlOf: (role: string) => string | undefined, options: { timeoutMs: number; fetch?: typeof fetch }): HealthProbe {
  const get = options.fetch ?? fetch;
  return {
    async check(role, signal) {
      const base = urlOf(role);
      if (!base) return { healthy: false, detail: `${role}: no service URL configured` };
      const url = `${base.replace(/\/+$/, "")}/health/ready`;
      try {
        const response = await get(url, { method: "GET", signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)]) });
        await response.body?.cancel();
        return response.ok ? { healthy: true, detail: `${role}: ${url} answered ${response.status}` } : { healthy: false, detail: `${role}: ${url} answered ${response.status}` };
      } catch (err) {
        // Aborts arrive as DOMExceptions, which are not `instanceof Error` in every realm: go by name.
        const name = typeof err === "object" && err !== null && "name" in err ? String(err.name) : "";
        const timedOut = name === "TimeoutError" || name === "AbortError";
        return { healthy: false, detail: `${role}: ${url} ${timedOut ? `did not answer within ${options.timeoutMs} ms` : `failed (${errorMessage(err)})`}` };
      }
    },
  };
}
