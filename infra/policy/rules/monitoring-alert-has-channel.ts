import { resolveResource, resourcesOfType, resultOf } from "../stack";
import type { Finding, Rule } from "../types";

const CHANNEL_ID = /^projects\/[^/]+\/notificationChannels\/[^/]+$/;

export const alertHasChannel: Rule = {
  id: "monitoring-alert-has-channel",
  severity: "error",
  description: "Every alert policy notifies at least one notification channel, each declared in the stack (or a full channel id).",
  explanation: "A policy without a channel fires into the void: about a dozen of the old system's monitors posted to no one.",
  check(stack) {
    const policies = resourcesOfType(stack, "google_monitoring_alert_policy");
    const findings: Finding[] = [];
    for (const policy of policies) {
      const channels = Array.isArray(policy.body.notification_channels) ? policy.body.notification_channels : [];
      if (channels.length === 0) findings.push({ resource: policy.address, message: "has no notification channel" });
      for (const channel of channels) {
        const known = typeof channel === "string" && (CHANNEL_ID.test(channel) || resolveResource(stack, channel, "google_monitoring_notification_channel") !== undefined);
        if (!known) findings.push({ resource: policy.address, message: `notification channel ${String(channel)} is not declared in this stack` });
      }
    }
    return resultOf(findings, policies.length > 0);
  },
};
