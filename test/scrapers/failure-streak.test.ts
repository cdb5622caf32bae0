import { runScrapeJob } from "../../runtime/jobs/scrape-job";
import type { Notification } from "../../runtime/platform/ports/notifier";
import { ScrapeError } from "../../runtime/scrapers/base/scrape-error";
import { planFailureStreak, type FailureStreak } from "../../runtime/scrapers/base/failure-streak";
import { SCRAPER_FAILURES_COLLECTION } from "../../runtime/scrapers/base/track-scrape-failures";
import { loadScrapersConfig } from "../../runtime/scrapers/config/scrapers-config";
import type { PayloadSource } from "../../runtime/scrapers/sources/payload-source";
import { SimSource } from "../../runtime/scrapers/sources/sim-source";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";

const fail = (i: number) => ({ ok: false, at: `2025-03-1${i}T10:00:00.000Z`, runId: `r${i}`, error: `boom ${i}` });
const ok = (i: number) => ({ ok: true, at: `2025-03-1${i}T10:00:00.000Z`, runId: `r${i}` });

describe("planFailureStreak (pure)", () => {
  test("threshold 3: silent, silent, one alert, then silent however long it lasts; the first success says so once", () => {
    let state: FailureStreak | null = null;
    const notices: (string | null)[] = [];
    for (const outcome of [fail(1), fail(2), fail(3), fail(4), fail(5), ok(6), ok(7), fail(8)]) {
      const plan = planFailureStreak("nbac_schedule", state, outcome, 3);
      notices.push(plan.notice);
      state = plan.next;
    }
    expect(notices).toEqual([null, null, "threshold_reached", null, null, "recovered", null, null]);
    expect(state).toMatchObject({ consecutive_failures: 1, alerted: false, first_failure_at: "2025-03-18T10:00:00.000Z", last_success_at: "2025-03-17T10:00:00.000Z" });
  });

  test("a success before the threshold ends the streak without a notice; counting starts again", () => {
    const one = planFailureStreak("s", null, fail(1), 2).next;
    const reset = planFailureStreak("s", one, ok(2), 2);
    expect(reset).toMatchObject({ notice: null, next: { consecutive_failures: 0, alerted: false } });
    expect(planFailureStreak("s", reset.next, fail(3), 2)).toMatchObject({ notice: null, next: { consecutive_failures: 1 } });
  });

  test("threshold 1 alerts on the first failure; the recovery notice carries the streak's length", () => {
    const first = planFailureStreak("s", null, fail(1), 1);
    expect(first.notice).toBe("threshold_reached");
    const second = planFailureStreak("s", first.next, fail(2), 1);
    expect(second.notice).toBeNull();
    expect(planFailureStreak("s", second.next, ok(3), 1)).toMatchObject({ notice: "recovered", endedStreak: 2 });
  });
});

/** A source that fails while `down` is set, else serves the sim payload. */
class FlakySource implements PayloadSource {
  readonly kind = "sim";
  down = true;
  private readonly sim = new SimSource(20250315, "2025-03-16");
  fetch: PayloadSource["fetch"] = (scraper, scope) => (this.down ? Promise.reject(new ScrapeError("SOURCE_FAILED", "nbac_schedule: GET https://stats.nba.com/stats/scheduleleaguev2 answered HTTP 503 (4 attempts)")) : this.sim.fetch(scraper, scope));
}

describe("the scrape job tracks each scraper's consecutive failures in the doc store", () => {
  let platform: TestPlatform;
  const sent: Notification[] = [];

  beforeAll(async () => {
    platform = await openTestPlatform();
  });
  afterAll(async () => platform.warehouse.close());

  test("nbac_schedule (threshold 2 in configs/scrapers.yaml): one critical alert at the 2nd failure, none after, one recovery notice", async () => {
    expect(loadScrapersConfig().scrapers.nbac_schedule).toMatchObject({ alert_after_consecutive_failures: 2, criticality: "critical" });
    const recording = { ...platform, notifier: { notify: (n: Notification) => (sent.push(n), platform.notifier.notify(n)) } };
    const source = new FlakySource();
    const streakAlerts = () => sent.filter((n) => n.category === "scraper_failure_streak" || n.category === "scraper_recovered");
    const job = () => runScrapeJob(recording, { scraper: "nbac_schedule", date: "2025-03-15", source, consumeLocally: false });

    expect((await job()).status).toBe("failed");
    expect(streakAlerts()).toEqual([]);
    expect(await platform.docStore.get(SCRAPER_FAILURES_COLLECTION, "nbac_schedule")).toMatchObject({ consecutive_failures: 1, alerted: false });

    await job();
    expect(streakAlerts()).toEqual([
      expect.objectContaining({ severity: "critical", title: "scraper nbac_schedule failed 2 times in a row", source: "nbac_schedule", scope: "nbac_schedule", category: "scraper_failure_streak" }),
    ]);
    expect(streakAlerts()[0]!.message).toMatch(/last error: nbac_schedule: GET https:\/\/stats\.nba\.com\/stats\/scheduleleaguev2 answered HTTP 503/);

    await job();
    await job();
    expect(streakAlerts()).toHaveLength(1);
    expect(await platform.docStore.get(SCRAPER_FAILURES_COLLECTION, "nbac_schedule")).toMatchObject({ consecutive_failures: 4, alerted: true });

    source.down = false;
    expect((await job()).status).toBe("success");
    await job();
    expect(streakAlerts()).toHaveLength(2);
    expect(streakAlerts()[1]).toMatchObject({ severity: "info", title: "scraper nbac_schedule recovered after 4 consecutive failures", category: "scraper_recovered" });
    expect(await platform.docStore.get(SCRAPER_FAILURES_COLLECTION, "nbac_schedule")).toMatchObject({ consecutive_failures: 0, alerted: false });
    // The failure-streak alert went through the router and out to the channel (not only to the port).
    expect(platform.alerts.some((line) => line.includes("scraper nbac_schedule failed 2 times in a row"))).toBe(true);
  });
});
