import {
  alertHasChannel,
  alertMetricDefined,
  deadLetterTopicRead,
  dedicatedServiceAccount,
  labelsRequired,
  noPrimitiveRoles,
  noPublicMembers,
  pubsubServiceAgentGrants,
  schedulerJobConfigured,
  subscriptionDeadLetterPolicy,
  subscriptionRetryPolicy,
  suppressionHasReason,
  tablePartitioned,
  topicHasSubscription,
} from "./rules";
import type { Rule } from "./types";

const resourceRules: readonly Rule[] = [
  subscriptionDeadLetterPolicy,
  subscriptionRetryPolicy,
  deadLetterTopicRead,
  pubsubServiceAgentGrants,
  topicHasSubscription,
  tablePartitioned,
  noPrimitiveRoles,
  noPublicMembers,
  dedicatedServiceAccount,
  schedulerJobConfigured,
  alertMetricDefined,
  alertHasChannel,
  labelsRequired,
];

/** Every policy rule `nba-props infra check` runs, the suppression check last. */
export const policyRules: readonly Rule[] = [...resourceRules, suppressionHasReason(resourceRules.map((r) => r.id))];
