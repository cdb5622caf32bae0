import { randomUUID } from "node:crypto";
import type { ObjectStore } from "../../../runtime/platform/ports/object-store";

/** The same calls give the same results on every ObjectStore adapter, failures included. */
export function objectStoreContract(name: string, open: () => Promise<ObjectStore>): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let store: ObjectStore;
    let root: string;
    beforeAll(async () => {
      store = await open();
    });
    beforeEach(() => {
      root = `contract-${randomUUID().slice(0, 8)}`;
    });

    test("put, get (bytes intact) and list by prefix, sorted", async () => {
      const binary = Buffer.from([0, 255, 10, 13, 128, 1]);
      await store.put(`${root}/nbac_schedule/2024-25/b.json`, '{"b":1}');
      await store.put(`${root}/nbac_schedule/2024-25/a.json`, '{"a":1}');
      await store.put(`${root}/other/x.bin`, binary);
      expect((await store.get(`${root}/nbac_schedule/2024-25/a.json`)).toString()).toBe('{"a":1}');
      expect(Buffer.compare(await store.get(`${root}/other/x.bin`), binary)).toBe(0);
      expect(await store.list(`${root}/nbac_schedule/`)).toEqual([`${root}/nbac_schedule/2024-25/a.json`, `${root}/nbac_schedule/2024-25/b.json`]);
      expect(await store.list(`${root}/nothing-here/`)).toEqual([]);
      expect(store.uri(`${root}/other/x.bin`).endsWith(`/${root}/other/x.bin`)).toBe(true);
    });

    test("a missing object is an error, and paths that climb out are refused", async () => {
      await expect(store.get(`${root}/missing.json`)).rejects.toThrow();
      await expect(store.put("../escape.json", "x")).rejects.toThrow(/invalid path/);
      await expect(store.get("/abs.json")).rejects.toThrow(/invalid path/);
    });
  });
}
