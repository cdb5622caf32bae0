import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { nbacSchedule, oddsApiGameLines, oddsApiPlayerPointsProps } from "../../runtime/catalog";
import type { TableSpec } from "../../runtime/catalog/types";
import { runScrapeJob } from "../../runtime/jobs/scrape-job";
import { COMPLETION_TOPIC } from "../../runtime/messages/phase-topics";
import { parseSchedulePayload } from "../../runtime/processors/raw/nbac-schedule";
import { nbaGameIdOf } from "../../runtime/processors/raw/odds-nba-game-id";
import { oddsEventGame } from "../../runtime/processors/raw/odds-event-fields";
import { scheduledGameFromRow, type ScheduledGame } from "../../runtime/processors/raw/scheduled-games";
import { oddsEvents } from "../../runtime/scrapers/formats/odds-api";
import { ReplaySource } from "../../runtime/scrapers/sources/replay-source";
import { sql, tableRef } from "../../runtime/platform/sql";
import { describeWithSamples, samplePath, SAMPLES_DIR } from "../support/samples";
import { scheduleRow } from "../support/schedule-row";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";

const LINES_DATE = "2024-01-24";
const EVENT = "cd0bc7d0c238f4446ce1c03d0cea7ec4";

/** ATL @ GSW on 2024-01-24 as a stored schedule game (the 2023-24 schedule is not among the samples; the id is this test's). */
const atlAtGsw = scheduleRow("0022300621", {
  canonical_game_id: "20240124_ATL_GSW", game_date: LINES_DATE, season_nba_format: "2023-24", season_year: 2023,
  away_team_id: 1610612737, away_team_tricode: "ATL", home_team_score: 134, away_team_score: 112,
});
const otherGame = scheduleRow("0022300622", { canonical_game_id: "20240124_NYK_BOS", game_date: LINES_DATE, season_nba_format: "2023-24", season_year: 2023, home_team_tricode: "BOS", home_team_id: 1610612738 });

describeWithSamples("nba_game_id of the Odds API rows, from the schedule at processing time (issue 8)", () => {
  test("every event of the real 2025-03-09 events snapshot is one game of the real 2024-25 schedule on its ET date", () => {
    const schedulePayload = JSON.parse(gunzipSync(readFileSync(samplePath("nbac_schedule", "2024-25", "schedule.json.gz"))).toString("utf8")) as unknown;
    const context = { source: "schedule.json.gz", objectUri: "file:///schedule.json.gz", scope: "2024-25", gameDate: "2025-03-09", processedAt: "2025-03-10T10:00:00.000Z" };
    const season = parseSchedulePayload(schedulePayload, context).rows;
    const gamesOn = (date: string): ScheduledGame[] => season.filter((r) => r.game_date === date).map(scheduledGameFromRow);
    const events = oddsEvents(JSON.parse(readFileSync(samplePath("oddsa_events", "2025-03-09", "events.json"), "utf8"))).events.map(oddsEventGame);
    expect(events).toHaveLength(16);
    const ids = events.map((e) => nbaGameIdOf(gamesOn(e.gameDate), e.home, e.away));
    expect(ids.every((id) => id !== null && /^00224\d{5}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(16);
    // 2025-03-11T02:40:00Z is March 10 in New York: the game is found on the 10th, not the 11th.
    const last = events.at(-1)!;
    expect(last).toMatchObject({ gameDate: "2025-03-10", home: "SAC", away: "NYK" });
    expect(nbaGameIdOf(gamesOn("2025-03-11"), last.home, last.away)).toBeNull();
  });

  describe("through the scrape job and the raw processors (replay)", () => {
    let platform: TestPlatform;
    beforeEach(async () => {
      platform = await openTestPlatform("2024-01-26T10:00:00.000Z");
    });
    afterEach(() => platform.warehouse.close());

    const rows = async (table: TableSpec): Promise<Record<string, unknown>[]> => platform.warehouse.query(sql`SELECT nba_game_id, odds_api_event_id FROM ${tableRef(table)}`);
    const phase2 = (processor: string): Record<string, unknown>[] =>
      platform.bus.published.filter((m) => m.topic === COMPLETION_TOPIC.phase_2_raw).map((m) => m.body as Record<string, unknown>).filter((b) => b.processor_name === processor);

    test("the real ATL @ GSW game lines get the schedule's NBA id on every row", async () => {
      await platform.warehouse.merge(nbacSchedule, [atlAtGsw, otherGame].map((g) => ({ ...g, source_kind: "replay" })));
      const report = await runScrapeJob(platform, { scraper: "oddsa_game_lines", date: LINES_DATE, source: new ReplaySource(SAMPLES_DIR), consumeLocally: true });
      expect(report.raw_runs).toEqual([{ processor: "odds_api_game_lines", status: "success", rows_written: 8 }]);
      const stored = await rows(oddsApiGameLines);
      expect(stored).toHaveLength(8);
      expect(new Set(stored.map((r) => r.nba_game_id))).toEqual(new Set(["0022300621"]));
      expect(phase2("odds_api_game_lines")[0]?.metadata).not.toHaveProperty("events_without_nba_game_id");
    });

    test("an event the schedule does not have stays NULL (the column allows it), loads, and is counted in the completion", async () => {
      await platform.warehouse.merge(nbacSchedule, [{ ...otherGame, source_kind: "replay" }]);
      const report = await runScrapeJob(platform, { scraper: "oddsa_game_lines", date: LINES_DATE, source: new ReplaySource(SAMPLES_DIR), consumeLocally: true });
      expect(report.raw_runs).toEqual([{ processor: "odds_api_game_lines", status: "success", rows_written: 8 }]);
      expect(new Set((await rows(oddsApiGameLines)).map((r) => r.nba_game_id))).toEqual(new Set([null]));
      expect(phase2("odds_api_game_lines")[0]?.metadata).toMatchObject({ events_without_nba_game_id: [EVENT], rows_without_nba_game_id: 8 });
    });

    test("player points props are mapped the same way", async () => {
      await platform.warehouse.merge(nbacSchedule, [atlAtGsw, otherGame].map((g) => ({ ...g, source_kind: "replay" })));
      // No sample of this market exists: the sample event's teams and tip with one book's two players.
      const dir = mkdtempSync(join(tmpdir(), "odds-props-"));
      mkdirSync(join(dir, "oddsa_player_props", LINES_DATE), { recursive: true });
      const outcomes = [["Over", "Stephen Curry"], ["Under", "Stephen Curry"], ["Over", "Trae Young"], ["Under", "Trae Young"]].map(([name, description]) => ({ name, description, price: 1.91, point: 26.5 }));
      writeFileSync(join(dir, "oddsa_player_props", LINES_DATE, `${EVENT}.json`), JSON.stringify({
        timestamp: "2024-01-24T22:00:00Z",
        data: { id: EVENT, commence_time: "2024-01-25T03:20:30Z", home_team: "Golden State Warriors", away_team: "Atlanta Hawks", bookmakers: [{ key: "draftkings", title: "DraftKings", last_update: "2024-01-24T21:59:00Z", markets: [{ key: "player_points", outcomes }] }] },
      }));
      const report = await runScrapeJob(platform, { scraper: "oddsa_player_props", date: LINES_DATE, source: new ReplaySource(dir), consumeLocally: true });
      expect(report.raw_runs).toEqual([{ processor: "odds_api_player_points_props", status: "success", rows_written: 2 }]);
      expect(await rows(oddsApiPlayerPointsProps)).toEqual([
        { nba_game_id: "0022300621", odds_api_event_id: EVENT },
        { nba_game_id: "0022300621", odds_api_event_id: EVENT },
      ]);
    });
  });
});

describe("nbaGameIdOf", () => {
  const game = (nbaGameId: string, home: string, away: string): ScheduledGame => ({ nbaGameId, gameId: `20240124_${away}_${home}`, homeTeam: home, awayTeam: away, gameStatus: 1, homeScore: null, awayScore: null });

  test("home and away must both match; swapped teams or no schedule give NULL", () => {
    const schedule = [game("0022300621", "GSW", "ATL"), game("0022300622", "BOS", "NYK")];
    expect(nbaGameIdOf(schedule, "GSW", "ATL")).toBe("0022300621");
    expect(nbaGameIdOf(schedule, "ATL", "GSW")).toBeNull();
    expect(nbaGameIdOf(undefined, "GSW", "ATL")).toBeNull();
  });

  test("two schedule games with the same teams that day are ambiguous: NULL, never a guess", () => {
    expect(nbaGameIdOf([game("0022300621", "GSW", "ATL"), game("0022300699", "GSW", "ATL")], "GSW", "ATL")).toBeNull();
  });
});
