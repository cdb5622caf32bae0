import { GoogleAuth } from "google-auth-library";
import type { Platform } from "../platform/platform";
import { httpHealthProbe, localHealthProbe, type HealthProbe } from "./health-probe";
import { serviceUrlVariable } from "./service-url-variable";

const GCP_HEALTH_TIMEOUT_MS = 10_000;

/**
 * Cloud Run services take only authenticated calls: the probe sends an ID token for the
 * service's URL, minted from the caller's own identity (the stacks grant it run.invoker).
 */
function idTokenFetch(auth: GoogleAuth): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const client = await auth.getIdTokenClient(new URL(url).origin);
    const headers = new Headers(init?.headers);
    (await client.getRequestHeaders()).forEach((value, name) => headers.set(name, value));
    return fetch(input, { ...init, headers });
  };
}

/**
 * The next phase's readiness as this process can see it. On GCP (`NBA_PROPS_BACKEND=gcp`) the
 * next role is another Cloud Run service: `GET <NBA_PROPS_SERVICE_URL_<ROLE>>/health/ready`; a
 * role whose URL the stacks did not set is unhealthy (fail closed). Locally every role runs in
 * this process: warehouse and doc store reachable.
 */
export function environmentHealthProbe(platform: Pick<Platform, "warehouse" | "docStore">, env: Readonly<Record<string, string | undefined>> = process.env, fetchImpl?: typeof fetch): HealthProbe {
  if (env.NBA_PROPS_BACKEND !== "gcp") return localHealthProbe(platform);
  return httpHealthProbe((role) => env[serviceUrlVariable(role)], { timeoutMs: GCP_HEALTH_TIMEOUT_MS, fetch: fetchImpl ?? idTokenFetch(new GoogleAuth()) });
}
