import { catalog } from "../catalog/catalog";
import { OrchestrationError } from "./orchestration-error";

/** The catalog subscription through which `consumer` reads `topic` (what the local bus subscribes, as Pub/Sub pushes). */
export function subscriptionOf(topic: string, consumer: string): string {
  const found = catalog.topics.find((t) => t.name === topic)?.subscriptions.find((s) => s.consumer === consumer);
  if (!found) throw new OrchestrationError("NO_PATH_TO_PHASE", `catalog: no subscription of ${consumer} on ${topic}`);
  return found.name;
}
