import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { catalog, nbacPlayerBoxscores, nbacSchedule } from "../../runtime/catalog";
import { buildCompletionMessage } from "../../runtime/messages/completion-message";
import { COMPLETION_TOPIC } from "../../runtime/messages/phase-topics";
import { RunLedger } from "../../runtime/monitoring/run-ledger";
import type { RunRecord } from "../../runtime/monitoring/run-record";
import { emptyReasonFor, scheduleDay } from "../../runtime/processors/base/empty-reason";
import { listQuarantine } from "../../runtime/processors/base/quarantine-store";
import { runProcessor } from "../../runtime/processors/base/run-processor";
import { RAW_SUBSCRIPTION, rawConsumer } from "../../runtime/processors/raw/raw-consumer";
import { runLocalPipeline } from "../../runtime/orchestration/local-pipeline";
import { runScraper } from "../../runtime/scrapers/base/run-scraper";
import { scraperDefinitions } from "../../runtime/scrapers";
import { ReplaySource } from "../../runtime/scrapers/sources/replay-source";
import { sql, tableRef } from "../../runtime/platform/sql";
import { gameLog, gameLogLine } from "../support/leaguegamelog";
import { scheduleRow } from "../support/schedule-row";
import { openTestPlatform, type TestPlatform } from "../support/test-platform";
import { mkdirSync, writeFileSync } from "node:fs";

const DATE = "2025-03-15";
const boxscoreScraper = scraperDefinitions.find((s) => s.spec.name === "nbac_player_boxscore")!;
const scheduleSpec = catalog.processors.find((p) => p.name === "nbac_schedule")!;

/** Two games on 2025-03-15: NYK at GSW (0022400974) and BOS at LAL (0022400975). */
const GAMES = [
  scheduleRow("0022400974", { canonical_game_id: "20250315_NYK_GSW" }),
  scheduleRow("0022400975", { canonical_game_id: "20250315_BOS_LAL", home_team_tricode: "LAL", away_team_tricode: "BOS", home_team_id: 1610612747, away_team_id: 1610612738, winning_team_tricode: "LAL" }),
];
const LAL_LINE = { PLAYER_ID: 2544, PLAYER_NAME: "LeBron James", TEAM_ID: 1610612747, TEAM_ABBREVIATION: "LAL", GAME_ID: "0022400975", MATCHUP: "LAL vs. BOS" };

describe("the one lifecycle (issue 8 defects)", () => {
  let platform: TestPlatform;
  const raw: RunRecord[] = [];
  beforeEach(async () => {
    platform = await openTestPlatform();
    raw.length = 0;
    platform.bus.subscribe(RAW_SUBSCRIPTION, rawConsumer(platform, (run) => raw.push(run)));
  });
  afterEach(() => platform.warehouse.close());

  const rawDeliveries = () => platform.bus.deliveries.filter((d) => d.subscription === RAW_SUBSCRIPTION);
  const phase2 = () => platform.bus.published.filter((m) => m.topic === COMPLETION_TOPIC.phase_2_raw).map((m) => m.body as Record<string, unknown>);
  const boxRows = async () => Number((await platform.warehouse.query(sql`SELECT COUNT(*) AS n FROM ${tableRef(nbacPlayerBoxscores)}`))[0]?.n);
  let files = 0;
  /** Stores a payload and publishes the phase-1 message a scraper would, then waits for the raw run. */
  const scraped = async (scraper: string, scope: string, payload: unknown, text = JSON.stringify(payload)): Promise<void> => {
    const path = `nba-com/${scraper}/${scope}/file-${(files += 1)}.json`;
    await platform.objectStore.put(path, text);
    const records = scraper === "nbac_schedule" ? 0 : (payload as ReturnType<typeof gameLog>).resultSets[0]!.rowSet.length;
    await platform.bus.publish(
      COMPLETION_TOPIC.phase_1_scrapers,
      buildCompletionMessage({
        processor_name: scraper, phase: "phase_1_scrapers", execution_id: `scrape-${files}`, correlation_id: `c-${files}`, game_date: DATE, status: "success",
        timestamp: "2025-03-16T09:00:00.000Z", record_count: records,
        metadata: { gcs_path: platform.objectStore.uri(path), object_path: path, scope_key: scope, source: `test ${path}`, source_kind: "replay" },
      }),
    );
  };

  test("(a) a no-game replay date: the no_data phase-1 message is recorded and acknowledged once, never retried or dead-lettered", async () => {
    const empty = mkdtempSync(join(tmpdir(), "replay-empty-"));
    const scrape = await runScraper(platform, {
      scraper: boxscoreScraper,
      scope: { key: "2024-12-24", gameDate: "2024-12-24" },
      source: new ReplaySource(empty),
      categoriseMissing: async () => emptyReasonFor(await scheduleDay(platform.warehouse, "2024-12-24")),
    });
    expect(scrape).toMatchObject({ status: "no_data", empty_reason: "no_games_scheduled", zero_row_category: "no_games" });
    expect(raw).toEqual([expect.objectContaining({ processor_name: "nbac_player_boxscores", status: "no_data", zero_row_category: "no_games", scope: "2024-12-24" })]);
    expect(rawDeliveries().map((d) => [d.attempt, d.outcome])).toEqual([[1, "ack"]]);
    expect(platform.bus.deadLetters).toEqual([]);
    expect(platform.alerts).toEqual([]);
    expect(phase2()).toEqual([expect.objectContaining({ status: "no_data", record_count: 0, metadata: expect.objectContaining({ zero_row_category: "no_games" }) as unknown })]);
  });

  test("(a) a failed phase-1 message is recorded as the raw run's failed input, acknowledged, and alerted once (by the scraper, not again)", async () => {
    const scrape = await runScraper(platform, { scraper: boxscoreScraper, scope: { key: DATE, gameDate: DATE }, source: new ReplaySource(mkdtempSync(join(tmpdir(), "replay-empty-"))) });
    expect(scrape).toMatchObject({ status: "failed", error_type: "REPLAY_MISSING" });
    expect(raw).toEqual([expect.objectContaining({ status: "failed", error_type: "UPSTREAM_FAILED" })]);
    expect(rawDeliveries().map((d) => d.outcome)).toEqual(["ack"]);
    expect(platform.bus.deadLetters).toEqual([]);
    expect(platform.alerts.join("").match(/failed for/g)).toHaveLength(1);
  });

  test("(b) an empty season schedule fails (empty_source), and the pipeline blocks analytics instead of reporting success", async () => {
    await scraped("nbac_schedule", "2024-25", { leagueSchedule: { seasonYear: "2024-25", gameDates: [] } });
    expect(raw).toEqual([expect.objectContaining({ processor_name: "nbac_schedule", status: "failed", error_type: "REAL_GAP", zero_row_category: "empty_source" })]);
    expect(platform.alerts.join("")).toMatch(/nbac_schedule failed for 2024-25/);

    const dir = mkdtempSync(join(tmpdir(), "replay-empty-schedule-"));
    mkdirSync(join(dir, "nbac_schedule", "2024-25"), { recursive: true });
    writeFileSync(join(dir, "nbac_schedule", "2024-25", "schedule.json"), JSON.stringify({ leagueSchedule: { seasonYear: "2024-25", gameDates: [] } }));
    mkdirSync(join(dir, "nbac_player_boxscore", DATE), { recursive: true });
    writeFileSync(join(dir, "nbac_player_boxscore", DATE, "leaguegamelog.json"), JSON.stringify(gameLog([gameLogLine()])));
    const fresh = await openTestPlatform();
    try {
      const report = await runLocalPipeline(fresh, { dates: [DATE], source: new ReplaySource(dir), until: "analytics" });
      expect(report.runs.filter((r) => r.phase === "phase_2_raw" && r.processor === "nbac_schedule")).toEqual([expect.objectContaining({ status: "failed", zero_row_category: "empty_source" })]);
      const analytics = report.runs.filter((r) => r.phase === "phase_3_analytics");
      expect(analytics.length).toBeGreaterThan(0);
      expect(analytics.map((r) => r.status)).toEqual(analytics.map(() => "blocked"));
    } finally {
      await fresh.warehouse.close();
    }
  });

  test("(c) a final game missing from the day's leaguegamelog makes the run partial and names the game; the good rows load", async () => {
    await platform.warehouse.merge(nbacSchedule, GAMES.map((g) => ({ ...g, source_kind: "replay" })));
    await scraped("nbac_player_boxscore", DATE, gameLog([gameLogLine()]));
    expect(raw).toEqual([expect.objectContaining({ status: "partial", rows_written: 1, missing_games: ["0022400975"], rows_read: 1 })]);
    expect(phase2()).toEqual([expect.objectContaining({ status: "partial", record_count: 1, metadata: expect.objectContaining({ missing_games: ["0022400975"] }) as unknown })]);
    expect(platform.alerts.join("")).toMatch(/partial for 2025-03-15[\s\S]*0022400975/);
    expect(await boxRows()).toBe(1);
  });

  test("(c) a game the schedule does not have that day is quarantined with its file, record and reason (tolerance 0: nothing written)", async () => {
    await platform.warehouse.merge(nbacSchedule, GAMES.map((g) => ({ ...g, source_kind: "replay" })));
    await scraped("nbac_player_boxscore", DATE, gameLog([gameLogLine(), gameLogLine(LAL_LINE), gameLogLine({ ...LAL_LINE, PLAYER_ID: 3, PLAYER_NAME: "Ghost Player", GAME_ID: "0022400999" })]));
    expect(raw).toEqual([expect.objectContaining({ status: "failed", error_type: "QUARANTINED", rows_quarantined: 1, rows_written: 0 })]);
    expect(await boxRows()).toBe(0);
    const [entry] = await listQuarantine(platform.docStore, DATE);
    expect(entry).toMatchObject({ processor_name: "nbac_player_boxscores", game_date: DATE, object_path: expect.stringMatching(/nbac_player_boxscore\/2025-03-15\/file-\d+\.json$/) as unknown, record_index: 2, field: "nba_game_id", value: '"0022400999"', rows_loaded: false });
    expect(entry?.reason).toMatch(/0022400999 is not in the schedule for 2025-03-15/);
  });

  test("(d) a ledger write failing after the completion was published never publishes a second completion", async () => {
    const failing = new RunLedger(platform.docStore, platform.clock, platform.logger);
    failing.finish = () => Promise.reject(new Error("firestore unavailable"));
    const onFailingLedger = { ...platform, ledger: failing };
    await expect(
      runProcessor(onFailingLedger, { spec: scheduleSpec, table: nbacSchedule, scope: "2024-25", gameDate: DATE, sourceKind: "replay", work: () => Promise.resolve({ rows: [], quarantined: [], emptyReason: "no_games_scheduled" }) }),
    ).rejects.toThrow(/was not recorded: firestore unavailable/);
    expect(phase2()).toHaveLength(1);
    await expect(runScraper(onFailingLedger, { scraper: boxscoreScraper, scope: { key: DATE, gameDate: DATE }, source: new ReplaySource(mkdtempSync(join(tmpdir(), "replay-empty-"))) })).rejects.toThrow(/not recorded/);
    expect(platform.bus.published.filter((m) => m.topic === COMPLETION_TOPIC.phase_1_scrapers)).toHaveLength(1);
  });

  test("the zero-row trap: a pre-game file with no player lines, then the final file for the same date: the final rows load", async () => {
    await platform.warehouse.merge(nbacSchedule, GAMES.map((g) => ({ ...g, game_status: 1, home_team_score: null, away_team_score: null, winning_team_tricode: null, source_kind: "replay" })));
    await scraped("nbac_player_boxscore", DATE, gameLog([]));
    expect(raw.at(-1)).toMatchObject({ status: "no_data", rows_written: 0, zero_row_category: "not_final" });
    await platform.warehouse.merge(nbacSchedule, GAMES.map((g) => ({ ...g, processed_at: "2025-03-16T11:00:00.000Z", source_kind: "replay" })));
    await scraped("nbac_player_boxscore", DATE, gameLog([gameLogLine(), gameLogLine(LAL_LINE)]));
    expect(raw.at(-1)).toMatchObject({ status: "success", rows_written: 2, missing_games: [] });
    expect(await boxRows()).toBe(2);
  });

  test("idempotency by input hash: a failed run of a file never blocks it; once loaded, the same bytes again write nothing", async () => {
    const payload = gameLog([gameLogLine(), gameLogLine(LAL_LINE)]);
    await scraped("nbac_player_boxscore", DATE, payload);
    expect(raw.at(-1)).toMatchObject({ status: "failed", error_type: "QUARANTINED" });
    await platform.warehouse.merge(nbacSchedule, GAMES.map((g) => ({ ...g, source_kind: "replay" })));
    await scraped("nbac_player_boxscore", DATE, payload);
    const loaded = raw.at(-1)!;
    expect(loaded).toMatchObject({ status: "success", rows_written: 2, input_hash: raw.at(-2)!.input_hash });
    await scraped("nbac_player_boxscore", DATE, payload);
    expect(raw.at(-1)).toMatchObject({ status: "success", rows_written: 0, duplicate_of: loaded.run_id });
    expect(await boxRows()).toBe(2);
  });
});
