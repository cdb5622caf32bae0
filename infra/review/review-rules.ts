import {
  bigqueryColumnRemovedOrRetyped,
  bigqueryDataDeleted,
  bigqueryPartitionExpirationShortened,
  bigqueryPartitioningOrClusteringChanged,
  builtinMetricAlertRemoved,
  cloudRunIngressWidened,
  cloudRunServiceAccountChanged,
  deletionProtectionDisabled,
  iamWidened,
  monitoringAlertRemovedOrDisabled,
  pubsubDeadLetterPolicyRemoved,
  pubsubMessageRetentionShortened,
  pubsubTopicOrSubscriptionDeleted,
  pushAuthenticationRemoved,
  retryOrAttemptLimitsChanged,
  schedulerJobDeleted,
} from "./rules";
import type { ReviewRule } from "./types";

/** Every rule a plan review runs on each change, high-risk rules first. */
export const reviewRules: readonly ReviewRule[] = [
  bigqueryDataDeleted,
  bigqueryPartitioningOrClusteringChanged,
  bigqueryColumnRemovedOrRetyped,
  bigqueryPartitionExpirationShortened,
  pubsubTopicOrSubscriptionDeleted,
  pubsubDeadLetterPolicyRemoved,
  pubsubMessageRetentionShortened,
  schedulerJobDeleted,
  iamWidened,
  pushAuthenticationRemoved,
  cloudRunIngressWidened,
  deletionProtectionDisabled,
  monitoringAlertRemovedOrDisabled,
  builtinMetricAlertRemoved,
  retryOrAttemptLimitsChanged,
  cloudRunServiceAccountChanged,
];
