import { newGrants, type Grant } from "../iam-grants";
import type { ReviewRule } from "../types";
import { finding } from "./rule-helpers";

const PUBLIC_MEMBERS: Readonly<Record<string, string>> = {
  allUsers: "anyone on the internet",
  allAuthenticatedUsers: "anyone with a Google account",
};

/** Broad wherever granted: the primitive roles (and BigQuery's legacy dataset OWNER/WRITER). */
const BROAD_EVERYWHERE: Readonly<Record<string, string>> = {
  "roles/owner": "a primitive role: full control",
  "roles/editor": "a primitive role: write access to nearly everything",
  OWNER: "the legacy owner role of the dataset",
  WRITER: "the legacy writer role of the dataset",
};

/**
 * Broad when granted on a whole project, folder or organization: read-everything, roles that let a
 * principal grant itself more, and roles that let it act as any service account.
 */
const BROAD_ON_PROJECT: Readonly<Record<string, string>> = {
  "roles/viewer": "a primitive role: read access to everything in the project",
  "roles/resourcemanager.projectIamAdmin": "can grant any role in the project, including to itself",
  "roles/iam.securityAdmin": "can change any IAM policy in the project",
  "roles/iam.serviceAccountAdmin": "can change the IAM policy of every service account",
  "roles/iam.serviceAccountKeyAdmin": "can create keys for every service account",
  "roles/iam.serviceAccountTokenCreator": "can act as every service account in the project",
  "roles/iam.serviceAccountUser": "can run as every service account in the project",
  "roles/iam.workloadIdentityUser": "can act as every service account in the project",
};

const isProjectLevel = (type: string): boolean => /^google_(project|folder|organization)_iam_(member|binding|policy)$/.test(type);

function whyBroad(type: string, grant: Grant): string | undefined {
  const publicMember = Object.entries(PUBLIC_MEMBERS).find(([member]) => grant.member === member || grant.member.endsWith(`:${member}`));
  if (publicMember) return `grants ${grant.role} to ${publicMember[0]} (${publicMember[1]})`;
  const everywhere = BROAD_EVERYWHERE[grant.role];
  if (everywhere) return `grants ${grant.role} to ${grant.member} (${everywhere})`;
  if (!isProjectLevel(type)) return undefined;
  const onProject = BROAD_ON_PROJECT[grant.role] ?? (/\.admin$|Admin$/.test(grant.role) ? "an admin role over a whole service" : undefined);
  return onProject ? `grants ${grant.role} on the whole project to ${grant.member} (${onProject})` : undefined;
}

export const iamWidened: ReviewRule = {
  id: "iam-widened",
  risk: "high",
  label: "IAM widened",
  description:
    "A new grant of a primitive or privilege-escalating role, a project-wide admin role, or any role to allUsers/allAuthenticatedUsers widens who can do what.",
  check(change) {
    if (change.action === "destroy") return [];
    return newGrants(change.type, change.before, change.after).flatMap((grant) => {
      const reason = whyBroad(change.type, grant);
      return reason ? [finding(this, change, reason)] : [];
    });
  },
};
