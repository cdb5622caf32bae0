import { readFileSync } from "node:fs";
import { rowSchema } from "../../runtime/catalog/derive/zod-schema";
import { oddsApiGameLines } from "../../runtime/catalog/tables/odds-api-game-lines";
import { bpEventGame } from "../../runtime/processors/raw/bp-event-game";
import { parseOddsGameLines } from "../../runtime/processors/raw/odds-api-game-lines";
import { oddsEventGame } from "../../runtime/processors/raw/odds-event-fields";
import type { RawParseContext } from "../../runtime/processors/raw/raw-processor";
import { bpEventsScraper } from "../../runtime/scrapers/bp-events";
import { oddsEvents } from "../../runtime/scrapers/formats/odds-api";
import { oddsaEventsScraper } from "../../runtime/scrapers/oddsa-events";
import { oddsaGameLinesScraper } from "../../runtime/scrapers/oddsa-game-lines";
import { ReplaySource } from "../../runtime/scrapers/sources/replay-source";
import { describeWithSamples, samplePath, SAMPLES_DIR } from "../support/samples";

const readJson = (...parts: string[]): Record<string, unknown> => JSON.parse(readFileSync(samplePath(...parts), "utf8")) as Record<string, unknown>;

const context = (gameDate: string): RawParseContext => ({
  source: `${SAMPLES_DIR}/oddsa_game_lines/${gameDate}`,
  objectUri: "file:///objects/odds-api/oddsa_game_lines/2024-01-24/x.json",
  scope: gameDate,
  gameDate,
  processedAt: "2024-01-26T10:00:00.000Z",
});

describeWithSamples("The Odds API events, 2025-03-09 historical snapshot", () => {
  const payload = () => readJson("oddsa_events", "2025-03-09", "events.json");

  test("the snapshot carries its own time and its neighbours', and 16 events", () => {
    expect(payload()).toMatchObject({ timestamp: "2025-03-09T23:55:38Z", previous_timestamp: "2025-03-09T23:50:38Z", next_timestamp: "2025-03-10T00:00:38Z" });
    expect(oddsaEventsScraper.countRecords(payload())).toBe(16);
    expect(oddsEvents(payload()).snapshot).toBe("2025-03-09T23:55:38Z");
  });

  test("every event has an id, the NBA sport key, a UTC commence time and two full team names that map to tricodes", () => {
    const games = oddsEvents(payload()).events.map((e) => {
      expect(e).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), sport_key: "basketball_nba", commence_time: expect.stringMatching(/Z$/) });
      return oddsEventGame(e);
    });
    expect(games[0]).toMatchObject({ gameDate: "2025-03-09", gameId: "20250309_MEM_NOP", home: "NOP", away: "MEM" });
    // 2025-03-11T02:40:00Z is the evening of March 10 in New York.
    expect(games.at(-1)).toMatchObject({ gameDate: "2025-03-10", gameId: "20250310_NYK_SAC" });
    expect(new Set(games.map((g) => g.gameDate))).toEqual(new Set(["2025-03-09", "2025-03-10"]));
  });
});

describeWithSamples("The Odds API game lines, 2024-01-24 ATL @ GSW", () => {
  const fetchDay = () => new ReplaySource(SAMPLES_DIR).fetch(oddsaGameLinesScraper, { key: "2024-01-24", gameDate: "2024-01-24" });

  test("replay serves the folder's per-event file; the scraper counts one record per outcome", async () => {
    const fetched = await fetchDay();
    expect(fetched.origin).toContain("cd0bc7d0c238f4446ce1c03d0cea7ec4.json");
    expect(oddsaGameLinesScraper.countRecords(JSON.parse(fetched.text))).toBe(8);
  });

  test("commence_time 2024-01-25T03:20:30Z is game date 2024-01-24; spreads and totals per bookmaker", async () => {
    const { rows, quarantined, filtered } = parseOddsGameLines(JSON.parse((await fetchDay()).text), context("2024-01-24"));
    expect(quarantined).toEqual([]);
    expect(filtered).toBe(0);
    expect(rows).toHaveLength(8);
    const schema = rowSchema(oddsApiGameLines);
    for (const row of rows) {
      schema.parse({ ...row, source_kind: "replay" });
      expect(row).toMatchObject({
        game_date: "2024-01-24",
        game_id: "20240124_ATL_GSW",
        odds_api_event_id: "cd0bc7d0c238f4446ce1c03d0cea7ec4",
        game_start_time: "2024-01-25T03:20:30.000Z",
        home_team_abbr: "GSW",
        away_team_abbr: "ATL",
        snapshot_timestamp: "2024-01-25T03:55:40.000Z",
        // The snapshot was taken 35 minutes after the tip.
        minutes_before_tipoff: -35,
        data_source: "historical",
      });
    }
    const line = (book: string, market: string, outcome: string) =>
      rows.filter((r) => r.bookmaker_key === book && r.market_key === market && r.outcome_name === outcome).map((r) => [r.outcome_team_abbr, r.outcome_point, r.outcome_price, r.outcome_price_american]);
    expect(line("draftkings", "spreads", "Atlanta Hawks")).toEqual([["ATL", 6.5, 1.91, -110]]);
    expect(line("draftkings", "spreads", "Golden State Warriors")).toEqual([["GSW", -6.5, 1.83, -120]]);
    expect(line("draftkings", "totals", "Over")).toEqual([[null, 248.5, 1.87, -115]]);
    expect(line("fanduel", "spreads", "Atlanta Hawks")).toEqual([["ATL", 7.5, 1.88, -114]]);
    expect(line("fanduel", "totals", "Under")).toEqual([[null, 247.5, 1.88, -114]]);
    expect(rows.find((r) => r.bookmaker_key === "fanduel")).toMatchObject({ bookmaker_title: "FanDuel", bookmaker_last_update: "2024-01-25T03:55:01.000Z" });
  });

  test("asked for the UTC date instead, every line is quarantined naming commence_time", async () => {
    const { rows, quarantined } = parseOddsGameLines(JSON.parse((await fetchDay()).text), context("2024-01-25"));
    expect(rows).toEqual([]);
    expect(quarantined).toHaveLength(8);
    expect(quarantined[0]).toMatchObject({ field: "commence_time", value: "2024-01-25T03:20:30Z", reason: expect.stringContaining("ET date 2024-01-24") });
  });
});

describeWithSamples("BettingPros events, 2021-10-21", () => {
  const payload = () => readJson("bp_events", "2021-10-21", "events.json");

  test("three events with id, scheduled (UTC, no marker), season, season type, status and tricodes", () => {
    expect(bpEventsScraper.countRecords(payload())).toBe(3);
    const events = payload().events as Record<string, unknown>[];
    expect(events[0]).toMatchObject({ id: 20879, scheduled: "2021-10-21 23:30:00", season: 2021, season_type: "REG", status: "closed", home: "ATL", visitor: "DAL" });
    for (const e of events) expect(Object.keys(e)).toEqual(expect.arrayContaining(["id", "scheduled", "season", "season_type", "status", "home", "visitor", "lineups"]));
  });

  test("each event is a game of the ET date: 2021-10-22 02:00:00 UTC is LAC @ GSW on 2021-10-21", () => {
    const games = (payload().events as Record<string, unknown>[]).map(bpEventGame);
    expect(games.map((g) => g.gameId)).toEqual(["20211021_DAL_ATL", "20211021_MIL_MIA", "20211021_LAC_GSW"]);
    expect(games.every((g) => g.gameDate === "2021-10-21")).toBe(true);
  });
});
