import { addDays, dateRange, daysBetween } from "../../runtime/domain/et-date";

/** The plain Date arithmetic the memoized versions must agree with. */
function referenceAddDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe("addDays and daysBetween", () => {
  test("cross month, year and leap-day boundaries in both directions", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDays("2024-10-22", 180)).toBe("2025-04-20");
    expect(addDays("2025-03-15", 0)).toBe("2025-03-15");
    expect(daysBetween("2024-10-22", "2025-04-20")).toBe(180);
    expect(daysBetween("2025-04-20", "2024-10-22")).toBe(-180);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
  });

  test("agree with plain Date arithmetic over a span of dates and offsets", () => {
    for (let start = 0; start < 800; start += 7) {
      const from = referenceAddDays("2023-06-01", start);
      for (const offset of [-400, -31, -1, 0, 1, 29, 365, 1000]) {
        expect(addDays(from, offset)).toBe(referenceAddDays(from, offset));
        expect(daysBetween(from, referenceAddDays(from, offset))).toBe(offset);
      }
    }
  });

  test("keep the Date edge behaviour: the cut six-digit year past 9999, fractional days, and errors for what is not a date", () => {
    expect(addDays("9999-12-31", 1)).toBe("+010000-01");
    expect(addDays("2025-03-15", 1.5)).toBe(referenceAddDays("2025-03-15", 1.5));
    expect(() => addDays("2025-13-01", 1)).toThrow(RangeError);
    expect(() => addDays("2025-03-15", 1e9)).toThrow(RangeError);
    expect(daysBetween("not a date", "2025-03-15")).toBeNaN();
  });

  test("dateRange lists every date inclusively", () => {
    expect(dateRange("2024-12-30", "2025-01-02")).toEqual(["2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02"]);
    expect(dateRange("2025-01-02", "2025-01-01")).toEqual([]);
  });
});
