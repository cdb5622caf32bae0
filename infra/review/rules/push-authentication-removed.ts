import { isObject, type JsonObject } from "../../policy";
import type { ReviewRule } from "../types";
import { bothSides, finding, resourceName } from "./rule-helpers";

const block = (value: unknown): JsonObject | undefined => (isObject(value) ? value : undefined);

/** The token a subscription's pushes or a scheduler job's calls carry: "oidc <audience>", "oauth", or undefined. */
function tokenOf(type: string, attributes: JsonObject): { kind: string; audience?: unknown } | undefined {
  const target = block(type === "google_pubsub_subscription" ? attributes.push_config : attributes.http_target);
  if (!target) return undefined;
  const oidc = block(target.oidc_token);
  if (oidc && typeof oidc.service_account_email === "string" && oidc.service_account_email !== "") return { kind: "oidc", audience: oidc.audience };
  const oauth = block(target.oauth_token);
  if (oauth && typeof oauth.service_account_email === "string" && oauth.service_account_email !== "") return { kind: "oauth" };
  return undefined;
}

export const pushAuthenticationRemoved: ReviewRule = {
  id: "push-authentication-removed",
  risk: "high",
  label: "push or scheduler token removed",
  description: "A push subscription or scheduler job that loses its OIDC/OAuth token, or whose OIDC audience changes, is refused by the service (every message dead-letters) or calls it unauthenticated.",
  check(change) {
    if (change.type !== "google_pubsub_subscription" && change.type !== "google_cloud_scheduler_job") return [];
    const sides = bothSides(change);
    if (!sides) return [];
    const before = tokenOf(change.type, sides.before);
    if (!before) return [];
    const after = tokenOf(change.type, sides.after);
    const what = change.type === "google_pubsub_subscription" ? `subscription ${resourceName(change)}` : `scheduler job ${resourceName(change)}`;
    if (!after) return [finding(this, change, `${what} loses its ${before.kind.toUpperCase()} token: its calls arrive unauthenticated and are refused`)];
    if (before.kind === "oidc" && after.kind === "oidc" && before.audience !== after.audience) {
      return [finding(this, change, `${what} changes its OIDC audience from ${String(before.audience)} to ${String(after.audience)}: the target refuses a token for another audience`)];
    }
    return [];
  },
};
