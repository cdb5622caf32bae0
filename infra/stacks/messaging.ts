import type { Construct } from "constructs";
import type { DataGoogleProject } from "@cdktf/provider-google/lib/data-google-project";
import { ServiceAccountIamMember } from "@cdktf/provider-google/lib/service-account-iam-member";
import { ALERT_DEAD_LETTER_TOPIC, DEAD_LETTER_PUSH_PATH, TERMINAL_DEAD_LETTER_TOPIC } from "../../runtime/catalog";
import { Duration, PUBSUB_SERVICE_AGENT, ReliableTopic, TerminalDeadLetter, serviceAccountIdentity, terraformName } from "../constructs";
import { findComponent, type ComputeResources } from "./compute";
import type { StackContext } from "./context";

/** The identity whose OIDC token every push subscription sends. */
export const PUSH_INVOKER = "pubsub-push-invoker";

export interface MessagingResources {
  readonly topics: ReadonlyMap<string, ReliableTopic>;
  /** Subscriptions that deliver phase messages to consumers (the catalog's subscriptions). */
  readonly phaseSubscriptionNames: readonly string[];
  /** Subscriptions holding dead letters: each `<topic>-dlq` subscription and the terminal one. */
  readonly deadLetterSubscriptionNames: readonly string[];
}

/** The project's Pub/Sub service agent, which moves messages to dead-letter topics. */
export function pubsubServiceAgentMember(project: DataGoogleProject): string {
  return `serviceAccount:service-${project.number}@gcp-sa-pubsub.iam.gserviceaccount.com`;
}

/** The phase chain from the catalog: one ReliableTopic per topic, its push subscriptions, and publisher grants. */
export function declareMessaging(scope: Construct, { env, catalog }: StackContext, compute: ComputeResources, project: DataGoogleProject): MessagingResources {
  const labels = env.labels;
  const pubsubServiceAgent = pubsubServiceAgentMember(project);
  const pushInvoker = serviceAccountIdentity(scope, PUSH_INVOKER, "Identity in the OIDC token of every Pub/Sub push to nba-props services.");
  // Projects made before April 2021 need the service agent to mint tokens for push identities; granted on this one account.
  new ServiceAccountIamMember(scope, "push-invoker-token-creator", {
    serviceAccountId: pushInvoker.resourceName,
    role: "roles/iam.serviceAccountTokenCreator",
    member: pubsubServiceAgent,
  }).overrideLogicalId(terraformName(PUBSUB_SERVICE_AGENT, PUSH_INVOKER));

  const terminal = new TerminalDeadLetter(scope, "terminal-dead-letter", { name: TERMINAL_DEAD_LETTER_TOPIC, labels, pubsubServiceAgent });

  const topics = new Map<string, ReliableTopic>();
  const phaseSubscriptionNames: string[] = [];
  const deadLetterSubscriptionNames: string[] = [];
  for (const spec of catalog.topics) {
    const topic = new ReliableTopic(scope, `topic-${spec.name}`, {
      name: spec.name,
      labels,
      messageRetention: Duration.seconds(spec.messageRetentionSeconds),
      pubsubServiceAgent,
      pushInvoker,
      deadLetterConsumer: findComponent(compute.components, spec.deadLetterConsumer),
      deadLetterPushPath: DEAD_LETTER_PUSH_PATH,
      deadLetterDelivery: {
        maxDeliveryAttempts: spec.deadLetterMaxDeliveryAttempts,
        minimumBackoff: Duration.seconds(spec.deadLetterRetry.minimumBackoffSeconds),
        maximumBackoff: Duration.seconds(spec.deadLetterRetry.maximumBackoffSeconds),
      },
      terminal,
    });
    for (const sub of spec.subscriptions) {
      topic.addPushSubscription(sub.name, {
        consumer: findComponent(compute.components, sub.consumer),
        path: sub.pushPath,
        ackDeadline: Duration.seconds(sub.ackDeadlineSeconds),
        maxDeliveryAttempts: sub.maxDeliveryAttempts,
        minimumBackoff: Duration.seconds(sub.retry.minimumBackoffSeconds),
        maximumBackoff: Duration.seconds(sub.retry.maximumBackoffSeconds),
        messageRetention: Duration.seconds(sub.messageRetentionSeconds),
      });
      phaseSubscriptionNames.push(sub.name);
    }
    deadLetterSubscriptionNames.push(topic.deadLetterSubscriptionName);
    topics.set(spec.name, topic);
  }
  deadLetterSubscriptionNames.push(terminal.subscriptionName);

  // Alerts whose channels failed every retry: published by the roles' alert routers, pulled by operators.
  const alertDeadLetter = new TerminalDeadLetter(scope, "alert-dead-letter", { name: ALERT_DEAD_LETTER_TOPIC, labels });
  for (const role of catalog.roles.filter((r) => r.secrets.length > 0)) alertDeadLetter.grantPublish(findComponent(compute.components, role.name).identity);
  deadLetterSubscriptionNames.push(alertDeadLetter.subscriptionName);

  for (const role of catalog.roles) {
    for (const topicName of role.publishesTo) {
      const topic = topics.get(topicName);
      if (!topic) throw new Error(`catalog: role ${role.name} publishes to unknown topic ${topicName}`);
      topic.grantPublish(findComponent(compute.components, role.name).identity);
    }
  }
  return { topics, phaseSubscriptionNames, deadLetterSubscriptionNames };
}
