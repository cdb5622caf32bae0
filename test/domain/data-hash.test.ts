import { createHash } from "node:crypto";
import { dataHash } from "../../runtime/domain/data-hash";

/** DOMAIN §2, written out: SHA-256 of the sorted `field:value` strings joined by `|`, null as NULL, first 16 hex. */
const documented = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 16);

describe("dataHash (DOMAIN §2)", () => {
  test("hashes the sorted field:value strings joined by |, with NULL for null and undefined", () => {
    const row = { points: 31, player_lookup: "lebronjames", minutes: null, starter: true };
    expect(dataHash(row, ["points", "player_lookup", "minutes", "starter", "absent"])).toBe(documented("absent:NULL|minutes:NULL|player_lookup:lebronjames|points:31|starter:true"));
  });

  test("the order the fields are listed in does not matter, and only the listed fields count", () => {
    const row = { a: "x", b: 2, c: "ignored" };
    expect(dataHash(row, ["b", "a"])).toBe(dataHash(row, ["a", "b"]));
    expect(dataHash({ ...row, c: "changed" }, ["a", "b"])).toBe(dataHash(row, ["a", "b"]));
    expect(dataHash({ ...row, b: 3 }, ["a", "b"])).not.toBe(dataHash(row, ["a", "b"]));
  });

  test("a list value is hashed as its JSON", () => {
    expect(dataHash({ periods: [28, 30] }, ["periods"])).toBe(documented("periods:[28,30]"));
  });
});
