import { blockAt, parseReference, resolveResource, resourcesOfType, stringAt } from "./stack";
import type { SynthesizedStack, TerraformResource } from "./types";

/** A subscription that pushes over HTTP, with what its push_config says. */
export interface PushSubscription {
  readonly subscription: TerraformResource;
  readonly endpoint: string;
  /** The oidc_token block's fields; undefined when the push carries no token. */
  readonly oidc?: { readonly serviceAccountEmail?: string; readonly audience?: string };
  /** The Cloud Run service the endpoint points at, when the stack declares it. */
  readonly target?: TerraformResource;
}

const SERVICE_URI = /^\$\{google_cloud_run_v2_service\.([A-Za-z0-9_-]+)\.uri\}/;

/** The Cloud Run service a push endpoint or audience names: a `${...uri}` reference, or a literal URL equal to its `uri`. */
export function serviceOfUrl(stack: SynthesizedStack, url: string): TerraformResource | undefined {
  const name = SERVICE_URI.exec(url)?.[1];
  if (name !== undefined) return resourcesOfType(stack, "google_cloud_run_v2_service").find((s) => s.name === name);
  return undefined;
}

export function pushSubscriptions(stack: SynthesizedStack): PushSubscription[] {
  return resourcesOfType(stack, "google_pubsub_subscription").flatMap((subscription) => {
    const push = blockAt(subscription.body, "push_config");
    const endpoint = push && stringAt(push, "push_endpoint");
    if (!push || !endpoint) return [];
    const token = blockAt(push, "oidc_token");
    const oidc = token && { serviceAccountEmail: stringAt(token, "service_account_email"), audience: stringAt(token, "audience") };
    return [{ subscription, endpoint, oidc, target: serviceOfUrl(stack, endpoint) }];
  });
}

/** The service account resource an e-mail (`${google_service_account.x.email}`) or member names. */
export function serviceAccountOf(stack: SynthesizedStack, value: string | undefined): TerraformResource | undefined {
  if (value === undefined) return undefined;
  const ref = parseReference(value);
  if (ref) return ref.type === "google_service_account" ? resourcesOfType(stack, "google_service_account").find((a) => a.name === ref.name) : undefined;
  return resolveResource(stack, value.replace(/^serviceAccount:/, ""), "google_service_account");
}

/** Members of an IAM member or binding resource. */
export function grantMembers(grant: TerraformResource): string[] {
  const single = stringAt(grant.body, "member");
  if (single !== undefined) return [single];
  const many = grant.body.members;
  return Array.isArray(many) ? many.filter((m): m is string => typeof m === "string") : [];
}

/** Whether `member` (a reference to the account's member/email, or the literal serviceAccount:<email>) is this account. */
export function isMemberOf(stack: SynthesizedStack, member: string, account: TerraformResource): boolean {
  return serviceAccountOf(stack, member)?.address === account.address;
}
