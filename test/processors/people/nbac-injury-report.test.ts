import { parseInjuryReport, reasonCategory } from "../../../runtime/processors/raw/nbac-injury-report";
import { parseLeagueGameLog } from "../../../runtime/processors/raw/nbac-player-boxscores";
import type { RawParseContext } from "../../../runtime/processors/raw/raw-processor";
import { nbacInjuryReportScraper } from "../../../runtime/scrapers/nbac-injury-report";
import { nbacPlayerBoxscoreScraper } from "../../../runtime/scrapers/nbac-player-boxscore";
import { leagueRosters } from "../../../runtime/scrapers/sim/rosters";
import { playerLookup } from "../../../runtime/domain/player-lookup";

const context = (gameDate: string): RawParseContext => ({
  source: "sim:nbac_injury_report/2025-03-15?seed=3",
  objectUri: "file:///objects/injury.json",
  scope: gameDate,
  gameDate,
  processedAt: "2025-03-15T22:00:00.000Z",
});

const record = (overrides: Record<string, unknown> = {}) => ({
  date: "01/04/2024", gametime: "07:30 (ET)", matchup: "MIL@SAS", team: "MIL", player: "Duke Jr., David", status: "Out", reason: "Injury/Illness - Right Ankle; Sprain", confidence: 0.97,
  ...overrides,
});
const report = (records: unknown[], metadata: Record<string, unknown> = {}) => ({
  metadata: { gamedate: "20240104", hour: 17, period: "5PM", season: "2023-24", run_id: "r1", ...metadata },
  parsing_stats: { overall_confidence: 0.97, status_counts: {} },
  records,
});

describe("injury report parser", () => {
  test('a record becomes a row: "Last, First" reordered with the suffix kept, status lower case, canonical game id from AWAY@HOME', () => {
    const { rows, quarantined } = parseInjuryReport(report([record()]), context("2024-01-04"));
    expect(quarantined).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        report_date: "2024-01-04", report_hour: 17, game_date: "2024-01-04", game_id: "20240104_MIL_SAS", season_year: 2023, team: "MIL", player_full_name: "David Duke Jr.",
        player_lookup: "daviddukejr", injury_status: "out", reason_category: "injury", confidence_score: 0.97, report_run_id: "r1", game_time: "07:30 (ET)",
      }),
    ]);
  });

  test("the reason family is read from the published reason", () => {
    expect(["Injury/Illness - Right Ankle; Sprain", "Injury/Illness - Illness; Non-COVID", "G League - Two-Way", "League Suspension", "Personal Reasons", "Rest", null].map((r) => reasonCategory(r))).toEqual([
      "injury", "illness", "g_league", "suspension", "personal", "other", null,
    ]);
  });

  test.each([
    [{ status: "Sidelined" }, "status", "Sidelined"],
    [{ team: "BOS" }, "team", "BOS"],
    [{ matchup: "MIL vs SAS" }, "matchup", "MIL vs SAS"],
    [{ date: "2024-01-04" }, "date", "2024-01-04"],
    [{ confidence: 1.4 }, "confidence", 1.4],
    [{ player: "" }, "player", ""],
  ])("a record with %p is quarantined naming the field and the value", (override, field, value) => {
    const { rows, quarantined } = parseInjuryReport(report([record(), record({ player: "Bad, Record", ...override })]), context("2024-01-04"));
    expect(rows).toHaveLength(1);
    expect(quarantined).toEqual([{ source: context("x").source, record: expect.stringContaining("records[1]"), field, value, reason: expect.any(String), index: expect.any(Number) }]);
  });

  test("a report without its metadata is refused by the processor and by the scraper, naming the field", () => {
    expect(() => parseInjuryReport({ records: [] }, context("2024-01-04"))).toThrow(/payload field metadata/);
    expect(() => nbacInjuryReportScraper.countRecords(report([], { gamedate: "2024-01-04" }))).toThrow(/field metadata\.gamedate/);
  });
});

describe("injury report sim", () => {
  const seed = 3;
  const date = "2025-03-15";
  const options = { seed, today: "2025-04-30" };
  const payload = nbacInjuryReportScraper.simulate({ key: date, gameDate: date }, options);
  const { rows, quarantined } = parseInjuryReport(payload, context(date));

  test("parses whole; every player is on the sim roster of the team named, every team plays that day", () => {
    expect(quarantined).toEqual([]);
    expect(rows.length).toBeGreaterThan(5);
    expect(nbacInjuryReportScraper.countRecords(payload)).toBe(rows.length);
    const teamOf = new Map<string, string>();
    for (const [team, players] of leagueRosters(seed, 2024)) for (const p of players) teamOf.set(playerLookup(p.name), team);
    for (const r of rows) {
      expect({ player: r.player_lookup, team: teamOf.get(String(r.player_lookup)) }).toEqual({ player: r.player_lookup, team: r.team });
      expect(String(r.game_id)).toContain(String(r.team));
      expect(r.report_date).toBe(date);
    }
  });

  test("nobody reported Out has a line in the sim box score of that day", () => {
    const lines = parseLeagueGameLog(nbacPlayerBoxscoreScraper.simulate({ key: date, gameDate: date }, options), context(date)).rows;
    const played = new Set(lines.map((l) => l.player_lookup));
    const out = rows.filter((r) => r.injury_status === "out");
    expect(out.length).toBeGreaterThan(0);
    expect(out.filter((r) => played.has(r.player_lookup))).toEqual([]);
  });
});
