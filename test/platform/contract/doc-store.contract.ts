import { randomUUID } from "node:crypto";
import type { DocStore } from "../../../runtime/platform/ports/doc-store";

/** The same calls give the same results on every DocStore adapter, failures included. */
export function docStoreContract(name: string, open: () => Promise<DocStore>): void {
  describe(`DocStore contract: ${name}`, () => {
    let store: DocStore;
    let c: string;
    beforeAll(async () => {
      store = await open();
    });
    beforeEach(() => {
      c = `contract_${randomUUID().replace(/-/g, "").slice(0, 8)}`;
    });

    test("set, get, shallow update; a missing document reads as null and cannot be updated", async () => {
      await store.set(c, "r1", { status: "running", rows: 0, meta: { a: 1 } });
      await store.update(c, "r1", { status: "success", rows: 5 });
      expect(await store.get(c, "r1")).toEqual({ status: "success", rows: 5, meta: { a: 1 } });
      expect(await store.get(c, "nope")).toBeNull();
      await expect(store.update(c, "nope", { x: 1 })).rejects.toThrow(`doc store: cannot update missing document ${c}/nope`);
      await expect(store.set(c, "bad/id", {})).rejects.toThrow(/invalid id/);
    });

    test("expire_at reads back as the ISO timestamp that was written", async () => {
      await store.set(c, "t1", { expire_at: "2025-06-14T10:00:00.000Z", n: 1 });
      expect(await store.get(c, "t1")).toEqual({ expire_at: "2025-06-14T10:00:00.000Z", n: 1 });
    });

    test("query filters by equality and range", async () => {
      await store.set(c, "a", { status: "failed", rows: 1 });
      await store.set(c, "b", { status: "success", rows: 5 });
      await store.set(c, "c", { status: "failed", rows: 9 });
      const ids = async (filters: Parameters<DocStore["query"]>[1]): Promise<string[]> => (await store.query(c, filters)).map((d) => d.id).sort();
      expect(await ids([{ field: "status", op: "==", value: "failed" }])).toEqual(["a", "c"]);
      expect(await ids([{ field: "rows", op: ">=", value: 5 }])).toEqual(["b", "c"]);
      expect(await store.query(c, [{ field: "status", op: "==", value: "success" }])).toEqual([{ id: "b", data: { status: "success", rows: 5 } }]);
    });

    test("a transaction whose second write fails leaves nothing behind", async () => {
      await expect(
        store.transaction(async (tx) => {
          tx.set(c, "first", { n: 1 });
          tx.update(c, "missing", { n: 2 });
          return Promise.resolve();
        }),
      ).rejects.toThrow(`doc store: cannot update missing document ${c}/missing`);
      expect(await store.get(c, "first")).toBeNull();
      expect(await store.get(c, "missing")).toBeNull();
    });

    test("a transaction that throws writes nothing; one that succeeds writes everything and reads its own writes", async () => {
      await store.set(c, "x", { n: 1 });
      await expect(
        store.transaction(async (tx) => {
          tx.set(c, "y", { n: 2 });
          await Promise.resolve();
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await store.get(c, "y")).toBeNull();
      const seen = await store.transaction(async (tx) => {
        const x = await tx.get(c, "x");
        tx.update(c, "x", { n: Number(x?.n) + 1 });
        tx.set(c, "z", { n: 3 });
        return tx.get(c, "x");
      });
      expect(seen).toEqual({ n: 2 });
      expect(await store.get(c, "x")).toEqual({ n: 2 });
      expect(await store.get(c, "z")).toEqual({ n: 3 });
    });
  });
}
