import { resultOf, stringsIn } from "../stack";
import type { Finding, Rule } from "../types";

const PUBLIC_MEMBER = /\b(allUsers|allAuthenticatedUsers)\b/;
/** Free text that may mention the words without granting anything. */
const PROSE_KEYS = new Set(["description", "content", "display_name"]);

export const noPublicMembers: Rule = {
  id: "iam-no-public-members",
  severity: "error",
  description: "Nothing is granted to allUsers or allAuthenticatedUsers.",
  explanation: "Those members are anyone on the internet (or any Google account): a public Cloud Run service or bucket leaks data and invites abuse.",
  check(stack) {
    const findings: Finding[] = [];
    for (const resource of [...stack.resources, ...stack.dataSources]) {
      for (const { key, value } of stringsIn(resource.body)) {
        if (PROSE_KEYS.has(key)) continue;
        const match = PUBLIC_MEMBER.exec(value);
        if (match) findings.push({ resource: resource.address, message: `grants access to ${match[1]} (${key})` });
      }
    }
    return resultOf(findings, true);
  },
};
