import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bettingprosPlayerPointsProps, oddsApiGameLines, oddsApiPlayerPointsProps } from "../../runtime/catalog";
import { completionMessageSchema, type CompletionMessage } from "../../runtime/messages/completion-message";
import { param, sql, tableRef } from "../../runtime/platform/sql";
import { runRawProcessors } from "../../runtime/processors/raw/raw-consumer";
import { runScraper } from "../../runtime/scrapers/base/run-scraper";
import { bpPlayerPropsScraper } from "../../runtime/scrapers/bp-player-props";
import { oddsaGameLinesScraper } from "../../runtime/scrapers/oddsa-game-lines";
import { oddsaPlayerPropsScraper } from "../../runtime/scrapers/oddsa-player-props";
import type { ScraperDefinition } from "../../runtime/scrapers/base/scraper-definition";
import { ReplaySource } from "../../runtime/scrapers/sources/replay-source";
import { SimSource } from "../../runtime/scrapers/sources/sim-source";
import type { PayloadSource } from "../../runtime/scrapers/sources/payload-source";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";
import { useTempDir } from "../support/temp-dir";

const DATE = "2025-03-15";

async function scrape(platform: TestPlatform, scraper: ScraperDefinition, source: PayloadSource): Promise<CompletionMessage> {
  await runScraper(platform, { scraper, scope: { key: DATE, gameDate: DATE }, source });
  return completionMessageSchema.parse(platform.bus.published.filter((m) => m.topic === "nba-phase1-scrapers-complete").at(-1)!.body);
}

async function rowCount(platform: TestPlatform, table: typeof bettingprosPlayerPointsProps | typeof oddsApiGameLines | typeof oddsApiPlayerPointsProps): Promise<number> {
  const rows = await platform.warehouse.query(sql`SELECT COUNT(*) AS n FROM ${tableRef(table)} WHERE game_date = ${param("d", DATE, "DATE")}`);
  return Number(rows[0]?.n);
}

describe("betting raw writes", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await openTestPlatform();
  });
  afterAll(() => platform.warehouse.close());

  test("CHECK_BEFORE_INSERT: the same BettingPros file processed twice is loaded once; the second run writes nothing and succeeds", async () => {
    const message = await scrape(platform, bpPlayerPropsScraper, new SimSource(7, "2025-03-20"));
    const [first] = await runRawProcessors(platform, message, "m-1");
    const loaded = await rowCount(platform, bettingprosPlayerPointsProps);
    expect(first).toMatchObject({ status: "success", rows_written: message.record_count, rows_quarantined: 0 });
    expect(loaded).toBe(message.record_count);
    const [second] = await runRawProcessors(platform, message, "m-2");
    expect(second).toMatchObject({ status: "success", rows_written: 0 });
    expect(await rowCount(platform, bettingprosPlayerPointsProps)).toBe(loaded);
  });

  test("APPEND_ALWAYS, idempotent per file: the same Odds API props file processed twice does not grow the table", async () => {
    const message = await scrape(platform, oddsaPlayerPropsScraper, new SimSource(7, "2025-03-20"));
    const [first] = await runRawProcessors(platform, message, "m-3");
    expect(first).toMatchObject({ status: "success", rows_written: message.record_count });
    const [second] = await runRawProcessors(platform, message, "m-4");
    expect(second).toMatchObject({ status: "success", rows_written: 0 });
    expect(await rowCount(platform, oddsApiPlayerPointsProps)).toBe(message.record_count);
  });

  describe("on a replay folder with one file per event", () => {
    const tmp = useTempDir("betting-replay");

    test("every event file of the date is loaded (MERGE_UPDATE keeps a reload from adding rows)", async () => {
      const events = oddsaGameLinesScraper.simulate({ key: DATE, gameDate: DATE }, { seed: 7, today: "2025-03-20" }) as { data: { id: string } }[];
      const dir = join(tmp(), "oddsa_game_lines", DATE);
      mkdirSync(dir, { recursive: true });
      for (const e of events) writeFileSync(join(dir, `${e.data.id}.json`), JSON.stringify(e));
      const message = await scrape(platform, oddsaGameLinesScraper, new ReplaySource(tmp()));
      expect(message.record_count).toBe(events.length * 12);
      const [run] = await runRawProcessors(platform, message, "m-1");
      expect(run).toMatchObject({ status: "success", rows_written: events.length * 12 });
      await runRawProcessors(platform, message, "m-2");
      expect(await rowCount(platform, oddsApiGameLines)).toBe(events.length * 12);
      const ids = await platform.warehouse.query(sql`SELECT DISTINCT odds_api_event_id AS id FROM ${tableRef(oddsApiGameLines)} WHERE game_date = ${param("d", DATE, "DATE")}`);
      expect(ids.map((r) => r.id).sort()).toEqual(events.map((e) => e.data.id).sort());
    });

    test("the replay source says whether it holds a scraper's date", async () => {
      const source = new ReplaySource(tmp());
      expect(await source.holds(oddsaGameLinesScraper, { key: DATE, gameDate: DATE })).toBe(true);
      expect(await source.holds(oddsaGameLinesScraper, { key: "2025-03-16", gameDate: "2025-03-16" })).toBe(false);
      expect(await source.holds(bpPlayerPropsScraper, { key: DATE, gameDate: DATE })).toBe(false);
    });

    test("a broken event file names the file", async () => {
      const dir = join(tmp(), "oddsa_game_lines", "2025-03-17");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "a.json"), "{}");
      writeFileSync(join(dir, "b.json"), "{not json");
      await expect(new ReplaySource(tmp()).fetch(oddsaGameLinesScraper, { key: "2025-03-17", gameDate: "2025-03-17" })).rejects.toThrow(join(dir, "b.json"));
    });
  });
});
