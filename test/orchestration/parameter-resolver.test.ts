import { resolveDate, resolveDateRange } from "../../runtime/domain/resolve-date";
import { OrchestrationError } from "../../runtime/orchestration/orchestration-error";
import { resolveSweepRequest, resolveTriggerRequest } from "../../runtime/orchestration/parameter-resolver";

// 02:30 UTC on 16 March is still 15 March in New York (EDT since 9 March: UTC-4).
const lateEvening = new Date("2025-03-16T02:30:00Z");
const noonEt = new Date("2025-03-16T16:00:00Z");

describe("relative dates resolve in America/New_York", () => {
  test.each([
    ["TODAY", lateEvening, "2025-03-15"],
    ["YESTERDAY", lateEvening, "2025-03-14"],
    ["TOMORROW", lateEvening, "2025-03-16"],
    ["today", noonEt, "2025-03-16"],
    [" 2025-01-02 ", noonEt, "2025-01-02"],
  ])("%p at %s -> %s", (token, now, date) => expect(resolveDate(token, now)).toBe(date));

  test.each([
    ["LAST_7_DAYS", noonEt, { from: "2025-03-09", to: "2025-03-15" }],
    ["last_1_days", noonEt, { from: "2025-03-15", to: "2025-03-15" }],
    ["LAST_3_DAYS", lateEvening, { from: "2025-03-12", to: "2025-03-14" }],
    ["YESTERDAY", noonEt, { from: "2025-03-15", to: "2025-03-15" }],
    ["2025-03-01", noonEt, { from: "2025-03-01", to: "2025-03-01" }],
  ])("range %p at %s", (token, now, range) => expect(resolveDateRange(token, now)).toEqual(range));

  test.each([["AUTO"], ["LAST_0_DAYS"], ["LAST_401_DAYS"], ["LAST_X_DAYS"], ["NEXT_7_DAYS"], ["2025-02-30"], [""]])("range token %p is rejected", (token) =>
    expect(() => resolveDateRange(token, noonEt)).toThrow(/not a date|between 1 and/),
  );

  test("a single-date argument refuses a range token with a clear message", () => {
    expect(() => resolveDate("LAST_7_DAYS", noonEt)).toThrow(/names a range/);
  });
});

describe("scheduler request bodies", () => {
  test("a /trigger body resolves its token to ET dates", () => {
    expect(resolveTriggerRequest({ phase: "phase_4_precompute", date: "TODAY" }, lateEvening)).toEqual({ phase: "phase_4_precompute", dates: ["2025-03-15"] });
    expect(resolveTriggerRequest({ phase: "phase_3_analytics", date: "LAST_2_DAYS" }, noonEt).dates).toEqual(["2025-03-14", "2025-03-15"]);
  });

  test.each([
    [{ phase: "phase_4_precompute", date: "YESTERDAY_UTC" }, /date: .*not a date/],
    [{ phase: "phase_1_scrapers", date: "TODAY" }, /phase: /],
    [{ phase: "phase_4_precompute" }, /date: /],
    [{ phase: "phase_4_precompute", date: "TODAY", extra: 1 }, /body: |extra/],
    [{ phase: "phase_4_precompute", date: "LAST_60_DAYS" }, /at most 31/],
    ["TODAY", /body: /],
  ])("bad body %# is a permanent INVALID_PARAMETER error", (body, message) => {
    let caught: unknown;
    try {
      resolveTriggerRequest(body, noonEt);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(OrchestrationError);
    expect((caught as OrchestrationError).code).toBe("INVALID_PARAMETER");
    expect((caught as OrchestrationError).message).toMatch(message);
  });

  test("a sweep body narrows to its dates, or sweeps everything without one", () => {
    expect(resolveSweepRequest({ date: "YESTERDAY" }, noonEt)).toEqual(["2025-03-15"]);
    expect(resolveSweepRequest({}, noonEt)).toBeNull();
    expect(resolveSweepRequest(undefined, noonEt)).toBeNull();
    expect(() => resolveSweepRequest({ date: "SOMEDAY" }, noonEt)).toThrow(OrchestrationError);
  });
});
