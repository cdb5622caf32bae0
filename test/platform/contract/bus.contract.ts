import { catalog } from "../../../runtime/catalog/catalog";
import type { Bus } from "../../../runtime/platform/ports/bus";

/** The same calls give the same results on every Bus adapter, failures included. */
export function busContract(name: string, open: () => Promise<Bus>): void {
  describe(`Bus contract: ${name}`, () => {
    let bus: Bus;
    beforeAll(async () => {
      bus = await open();
    });
    const topic = catalog.topics[0]!;

    test("publishing to a catalog topic answers a message id", async () => {
      const id = await bus.publish(topic.name, { processor_name: "contract", game_date: "2025-03-15", status: "success" });
      expect(typeof id).toBe("string");
      expect(id.length).toBeGreaterThan(0);
    });

    test("publishing to a missing topic fails loudly, naming it", async () => {
      await expect(bus.publish("nba-no-such-topic", { x: 1 })).rejects.toThrow(/nba-no-such-topic/);
    });

    test("handlers register for catalog subscriptions only", () => {
      expect(() => bus.subscribe(topic.subscriptions[0]!.name, () => Promise.resolve({ kind: "ack" }))).not.toThrow();
      expect(() => bus.subscribe("no-such-subscription", () => Promise.resolve({ kind: "ack" }))).toThrow(/no subscription named no-such-subscription/);
    });
  });
}
