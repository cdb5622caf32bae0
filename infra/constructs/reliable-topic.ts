import { Construct } from "constructs";
import { PubsubSubscription } from "@cdktf/provider-google/lib/pubsub-subscription";
import { PubsubSubscriptionIamMember } from "@cdktf/provider-google/lib/pubsub-subscription-iam-member";
import { PubsubTopic } from "@cdktf/provider-google/lib/pubsub-topic";
import { PubsubTopicIamMember } from "@cdktf/provider-google/lib/pubsub-topic-iam-member";
import { Duration } from "./duration";
import type { Labels } from "./labels";
import type { Identity, MonitoredService } from "./monitored-service";
import { terraformName } from "./naming";
import { suppressPolicy } from "./suppression";

/** Name of the Terraform grants made to the Pub/Sub service agent. */
export const PUBSUB_SERVICE_AGENT = "pubsub-service-agent";

/** Delivery defaults of every subscription a ReliableTopic makes. */
export const RELIABLE_DELIVERY = {
  /** A message is dead-lettered after this many failed deliveries, so no error can loop. */
  maxDeliveryAttempts: 5,
  /** Redeliveries back off exponentially from 10 s to 10 min. */
  minimumBackoff: Duration.seconds(10),
  maximumBackoff: Duration.minutes(10),
  /** A push handler may run a whole processor; 600 s is the most Pub/Sub allows. */
  ackDeadline: Duration.minutes(10),
  /** Unacknowledged messages are kept a week (the Pub/Sub maximum for subscriptions). */
  messageRetention: Duration.days(7),
} as const;

export interface DeliveryOptions {
  /** Failed deliveries before a message goes to the dead-letter topic. Default 5 (Pub/Sub allows 5-100). */
  readonly maxDeliveryAttempts?: number;
  /** Shortest wait before a redelivery. Default 10 s. */
  readonly minimumBackoff?: Duration;
  /** Longest wait before a redelivery. Default 10 min. */
  readonly maximumBackoff?: Duration;
  /** Time the consumer has to answer one push. Default 10 min. */
  readonly ackDeadline?: Duration;
  /** How long an unacknowledged message is kept. Default 7 days. */
  readonly messageRetention?: Duration;
}

export interface PushSubscriptionOptions extends DeliveryOptions {
  /** The Cloud Run service the messages are pushed to. */
  readonly consumer: MonitoredService;
  /** Path on the consumer, e.g. "/pubsub/phase1". */
  readonly path: string;
}

interface SubscriptionWiring {
  readonly labels: Labels;
  readonly pubsubServiceAgent: string;
  readonly pushInvoker: Identity;
}

function pushSubscription(
  scope: Construct,
  name: string,
  topic: PubsubTopic,
  deadLetterTopic: PubsubTopic,
  options: PushSubscriptionOptions,
  wiring: SubscriptionWiring,
): PubsubSubscription {
  const subscription = new PubsubSubscription(scope, `subscription-${name}`, {
    name,
    topic: topic.id,
    labels: { ...wiring.labels },
    ackDeadlineSeconds: (options.ackDeadline ?? RELIABLE_DELIVERY.ackDeadline).toSeconds(),
    messageRetentionDuration: (options.messageRetention ?? RELIABLE_DELIVERY.messageRetention).toGoogleDuration(),
    // Never expire: an idle subscription silently deleted after 31 days is how pipelines lose a phase.
    expirationPolicy: { ttl: "" },
    pushConfig: {
      pushEndpoint: `${options.consumer.uri}${options.path}`,
      oidcToken: { serviceAccountEmail: wiring.pushInvoker.email, audience: options.consumer.uri },
    },
    deadLetterPolicy: {
      deadLetterTopic: deadLetterTopic.id,
      maxDeliveryAttempts: options.maxDeliveryAttempts ?? RELIABLE_DELIVERY.maxDeliveryAttempts,
    },
    retryPolicy: {
      minimumBackoff: (options.minimumBackoff ?? RELIABLE_DELIVERY.minimumBackoff).toGoogleDuration(),
      maximumBackoff: (options.maximumBackoff ?? RELIABLE_DELIVERY.maximumBackoff).toGoogleDuration(),
    },
  });
  subscription.overrideLogicalId(terraformName(name));
  // Without this grant Pub/Sub cannot acknowledge the message it forwards, so dead-lettering silently does not happen.
  // A replaced subscription loses its IAM policy while Terraform still thinks the grant exists, so the
  // grant is replaced with it (as the reference Pub/Sub module does).
  new PubsubSubscriptionIamMember(scope, `service-agent-subscriber-${name}`, {
    subscription: subscription.name,
    role: "roles/pubsub.subscriber",
    member: wiring.pubsubServiceAgent,
    lifecycle: { replaceTriggeredBy: [subscription] },
  }).overrideLogicalId(terraformName(PUBSUB_SERVICE_AGENT, name));
  options.consumer.allowInvoke(wiring.pushInvoker);
  return subscription;
}

function grantServiceAgentPublisher(scope: Construct, topic: PubsubTopic, topicName: string, serviceAgent: string): void {
  // Pub/Sub publishes dead letters as its service agent; without this grant they are dropped.
  new PubsubTopicIamMember(scope, `service-agent-publisher-${topicName}`, {
    topic: topic.name,
    role: "roles/pubsub.publisher",
    member: serviceAgent,
  }).overrideLogicalId(terraformName(PUBSUB_SERVICE_AGENT, topicName));
}

export interface TerminalDeadLetterProps {
  readonly name: string;
  readonly labels: Labels;
  /** Granted publisher when subscriptions dead-letter into this topic; omit when only the application publishes to it. */
  readonly pubsubServiceAgent?: string;
  /** How long operators have to look at a message that failed even its dead-letter handling. Default 7 days. */
  readonly messageRetention?: Duration;
}

/** roles/pubsub.publisher for `publisher` on one topic, with a logical id naming both. */
function grantTopicPublisher(scope: Construct, topicName: string, topic: PubsubTopic, publisher: Identity): void {
  new PubsubTopicIamMember(scope, `publisher-${publisher.name}`, {
    topic: topic.name,
    role: "roles/pubsub.publisher",
    member: publisher.member,
  }).overrideLogicalId(terraformName(publisher.name, topicName));
}

/**
 * The end of the dead-letter chain: a topic that dead-letter subscriptions dead-letter into, with
 * one pull subscription operators read. The dead-letter backlog alert watches it.
 */
export class TerminalDeadLetter extends Construct {
  readonly name: string;
  readonly topic: PubsubTopic;
  readonly subscription: PubsubSubscription;
  readonly subscriptionName: string;

  constructor(scope: Construct, id: string, props: TerminalDeadLetterProps) {
    super(scope, id);
    this.name = props.name;
    this.topic = new PubsubTopic(this, "topic", { name: props.name, labels: { ...props.labels } });
    this.topic.overrideLogicalId(terraformName(props.name));
    if (props.pubsubServiceAgent) grantServiceAgentPublisher(this, this.topic, props.name, props.pubsubServiceAgent);

    this.subscriptionName = `${props.name}--operators`;
    this.subscription = new PubsubSubscription(this, "operators", {
      name: this.subscriptionName,
      topic: this.topic.id,
      labels: { ...props.labels },
      ackDeadlineSeconds: 60,
      messageRetentionDuration: (props.messageRetention ?? RELIABLE_DELIVERY.messageRetention).toGoogleDuration(),
      expirationPolicy: { ttl: "" },
      retryPolicy: {
        minimumBackoff: RELIABLE_DELIVERY.minimumBackoff.toGoogleDuration(),
        maximumBackoff: RELIABLE_DELIVERY.maximumBackoff.toGoogleDuration(),
      },
    });
    this.subscription.overrideLogicalId(terraformName(this.subscriptionName));
    suppressPolicy(this.subscription, [
      {
        rule: "pubsub-subscription-dead-letter-policy",
        reason:
          "Terminal subscription of the dead-letter chain: giving it a dead-letter topic would need another one after that, forever. " +
          "Operators pull it by hand (nothing acknowledges automatically) and the dead-letter-backlog alert fires while it holds messages.",
      },
    ]);
  }

  /** Lets `publisher` publish here (roles/pubsub.publisher on this one topic). */
  grantPublish(publisher: Identity): void {
    grantTopicPublisher(this, this.name, this.topic, publisher);
  }
}

export interface ReliableTopicProps {
  readonly name: string;
  readonly labels: Labels;
  /** How long the topic keeps published messages so subscriptions can seek back and replay them. Default: 7 days. */
  readonly messageRetention?: Duration;
  /** The project's Pub/Sub service agent (service-<number>@gcp-sa-pubsub...), which performs dead-lettering. */
  readonly pubsubServiceAgent: string;
  /** The identity whose OIDC token every push carries; it is granted run.invoker on each consumer. */
  readonly pushInvoker: Identity;
  /** The service that reads this topic's dead letters (through a push subscription). */
  readonly deadLetterConsumer: MonitoredService;
  /** Path on the dead-letter consumer. */
  readonly deadLetterPushPath: string;
  /** Where the dead-letter subscription itself dead-letters. */
  readonly terminal: TerminalDeadLetter;
  /** Delivery settings of the dead-letter subscription. Defaults as for every subscription (5 attempts, 10 s-10 min). */
  readonly deadLetterDelivery?: DeliveryOptions;
}

/**
 * A Pub/Sub topic that cannot lose or loop a message: a `<name>-dlq` dead-letter topic read by a
 * push subscription to the dead-letter consumer; every subscription with a dead-letter policy
 * (5 attempts) and exponential retry (10 s to 10 min), OIDC-authenticated pushes, and the Pub/Sub
 * service agent's publisher grant on the dead-letter topic and subscriber grant on each
 * subscription, without which dead-lettering silently does nothing.
 */
export class ReliableTopic extends Construct {
  readonly name: string;
  readonly topic: PubsubTopic;
  readonly deadLetterTopic: PubsubTopic;
  readonly deadLetterTopicName: string;
  readonly deadLetterSubscriptionName: string;
  readonly subscriptions: PubsubSubscription[] = [];
  private readonly wiring: SubscriptionWiring;

  constructor(scope: Construct, id: string, props: ReliableTopicProps) {
    super(scope, id);
    this.name = props.name;
    this.wiring = { labels: props.labels, pubsubServiceAgent: props.pubsubServiceAgent, pushInvoker: props.pushInvoker };

    this.topic = new PubsubTopic(this, "topic", {
      name: props.name,
      labels: { ...props.labels },
      messageRetentionDuration: (props.messageRetention ?? RELIABLE_DELIVERY.messageRetention).toGoogleDuration(),
    });
    this.topic.overrideLogicalId(terraformName(props.name));

    this.deadLetterTopicName = `${props.name}-dlq`;
    this.deadLetterTopic = new PubsubTopic(this, "dead-letter-topic", { name: this.deadLetterTopicName, labels: { ...props.labels } });
    this.deadLetterTopic.overrideLogicalId(terraformName(this.deadLetterTopicName));
    grantServiceAgentPublisher(this, this.deadLetterTopic, this.deadLetterTopicName, props.pubsubServiceAgent);

    this.deadLetterSubscriptionName = `${this.deadLetterTopicName}--${props.deadLetterConsumer.name}`;
    pushSubscription(
      this,
      this.deadLetterSubscriptionName,
      this.deadLetterTopic,
      props.terminal.topic,
      { ...props.deadLetterDelivery, consumer: props.deadLetterConsumer, path: props.deadLetterPushPath },
      this.wiring,
    );
  }

  /** Pushes every message to `options.consumer`, with the dead-letter, retry and IAM wiring done here. */
  addPushSubscription(name: string, options: PushSubscriptionOptions): PubsubSubscription {
    const subscription = pushSubscription(this, name, this.topic, this.deadLetterTopic, options, this.wiring);
    this.subscriptions.push(subscription);
    return subscription;
  }

  /** Lets `publisher` publish to this topic (and only this topic). */
  grantPublish(publisher: Identity): void {
    grantTopicPublisher(this, this.name, this.topic, publisher);
  }
}
