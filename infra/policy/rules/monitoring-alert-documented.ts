import { blockAt, resourcesOfType, resultOf, stringAt } from "../stack";
import type { Finding, Rule } from "../types";

/** A runbook step and an `nba-props` command in backticks. */
const RUNBOOK = /Runbook: \S/;
const COMMAND = /`nba-props [^`]+`/;

export const alertDocumented: Rule = {
  id: "monitoring-alert-documented",
  severity: "error",
  description: "Every alert policy's documentation names a runbook step (\"Runbook: ...\") and the `nba-props` command that diagnoses it.",
  explanation: "The person paged at 3 a.m. reads only the alert: without a first step and a command to run, they start by searching the code.",
  check(stack) {
    const policies = resourcesOfType(stack, "google_monitoring_alert_policy");
    const findings: Finding[] = [];
    for (const policy of policies) {
      const documentation = blockAt(policy.body, "documentation");
      const content = (documentation && stringAt(documentation, "content")) ?? "";
      if (!RUNBOOK.test(content)) findings.push({ resource: policy.address, message: "documentation names no runbook step (Runbook: ...)" });
      if (!COMMAND.test(content)) findings.push({ resource: policy.address, message: "documentation names no `nba-props ...` command that diagnoses the alert" });
    }
    return resultOf(findings, policies.length > 0);
  },
};
