import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parsePlayerMovement } from "../../../runtime/processors/raw/nbac-player-movement";
import type { RawParseContext } from "../../../runtime/processors/raw/raw-processor";
import { nbacPlayerMovementScraper } from "../../../runtime/scrapers/nbac-player-movement";
import { leagueRosters } from "../../../runtime/scrapers/sim/rosters";
import { playerLookup } from "../../../runtime/domain/player-lookup";
import { describeWithSamples, samplePath } from "../../support/samples";

const context = (gameDate: string): RawParseContext => ({
  source: "/replay/player_movement.json.gz",
  objectUri: "file:///objects/player_movement.json",
  scope: gameDate,
  gameDate,
  processedAt: "2025-07-16T12:00:00.000Z",
});

const leg = (overrides: Record<string, unknown> = {}) => ({
  Transaction_Type: "Signing", TRANSACTION_DATE: "2025-07-16T00:00:00", TRANSACTION_DESCRIPTION: "Milwaukee Bucks signed guard Cole Anthony to a Contract.",
  TEAM_ID: 1610612749.0, TEAM_SLUG: "bucks", PLAYER_ID: 1630175.0, PLAYER_SLUG: "cole-anthony", Additional_Sort: 0.0, GroupSort: "Signing 1135890",
  ...overrides,
});
const feed = (rows: unknown[]) => ({ NBA_Player_Movement: { columns: [], rows } });

describe("player movement parser", () => {
  test("a signing becomes a row with integer ids, the team's tricode and the player key from the slug", () => {
    const { rows, quarantined } = parsePlayerMovement(feed([leg(), leg({ PLAYER_SLUG: "michael-porter-jr", PLAYER_ID: 1629008, GroupSort: "Signing 1" })]), context("2025-07-16"));
    expect(quarantined).toEqual([]);
    expect(rows[0]).toMatchObject({ transaction_date: "2025-07-16", season_year: 2024, transaction_type: "Signing", group_sort: "Signing 1135890", player_id: 1630175, team_id: 1610612749, team_abbr: "MIL", player_lookup: "coleanthony", additional_sort: 0, player_full_name: null });
    expect(rows[1]).toMatchObject({ player_lookup: "michaelporterjr" });
  });

  test("a team-only leg (PLAYER_ID 0) is kept without a player_lookup", () => {
    const { rows } = parsePlayerMovement(feed([leg({ Transaction_Type: "Trade", PLAYER_ID: 0.0, PLAYER_SLUG: "", Additional_Sort: 1610612759.0, GroupSort: "Trade 2025014" })]), context("2025-07-16"));
    expect(rows).toEqual([expect.objectContaining({ player_id: 0, player_lookup: null, additional_sort: 1610612759, team_abbr: "MIL" })]);
  });

  test.each([
    [{ PLAYER_ID: 1630175.5 }, "PLAYER_ID", 1630175.5],
    [{ TEAM_ID: 1610612799 }, "TEAM_ID", 1610612799],
    [{ TRANSACTION_DATE: "07/16/2025" }, "TRANSACTION_DATE", "07/16/2025"],
    [{ PLAYER_SLUG: "" }, "PLAYER_SLUG", ""],
    [{ GroupSort: null }, "GroupSort", null],
  ])("a leg with %p is quarantined naming the field and the value", (override, field, value) => {
    const { rows, quarantined } = parsePlayerMovement(feed([leg(), leg({ GroupSort: "Signing 2", ...override })]), context("2025-07-16"));
    expect(rows).toHaveLength(1);
    expect(quarantined).toEqual([{ source: "/replay/player_movement.json.gz", record: expect.stringContaining("NBA_Player_Movement.rows[1]"), field, value, reason: expect.any(String), index: expect.any(Number) }]);
  });

  test("a payload without the feed's envelope is refused by the processor and by the scraper, naming the field", () => {
    expect(() => parsePlayerMovement({ rows: [] }, context("2025-07-16"))).toThrow(/payload field NBA_Player_Movement/);
    expect(() => nbacPlayerMovementScraper.countRecords({ NBA_Player_Movement: { rows: "none" } })).toThrow(/field NBA_Player_Movement\.rows/);
  });
});

describe("player movement sim", () => {
  const seed = 11;
  const date = "2025-03-15";
  const payload = nbacPlayerMovementScraper.simulate({ key: date, gameDate: date }, { seed, today: "2025-04-30" });
  const { rows, quarantined } = parsePlayerMovement(payload, context(date));

  test("parses whole, with one row per leg and a record count the scraper publishes", () => {
    expect(quarantined).toEqual([]);
    expect(rows.length).toBeGreaterThan(150);
    expect(nbacPlayerMovementScraper.countRecords(payload)).toBe(rows.length);
    expect(new Set(rows.map((r) => [r.player_id, r.team_id, r.transaction_date, r.transaction_type, r.group_sort, r.additional_sort].join("|"))).size).toBe(rows.length);
    expect(rows.every((r) => String(r.transaction_date) <= date)).toBe(true);
    expect(new Set(rows.map((r) => r.transaction_type))).toEqual(new Set(["Signing", "Waive", "Trade", "ContractConverted"]));
  });

  test("signings name the sim league's players with their own team; waived players are on no sim roster; trades are team-only legs", () => {
    const rosterTeam = new Map<string, string>();
    for (const season of [2023, 2024]) for (const [team, players] of leagueRosters(seed, season)) for (const p of players) rosterTeam.set(`${season}|${playerLookup(p.name)}`, team);
    const seasonOf = (d: string) => (Number(d.slice(5, 7)) >= 7 ? Number(d.slice(0, 4)) : Number(d.slice(0, 4)) - 1);
    for (const r of rows) {
      const key = `${seasonOf(String(r.transaction_date))}|${String(r.player_lookup)}`;
      if (r.transaction_type === "Signing" || r.transaction_type === "ContractConverted") expect({ key, team: rosterTeam.get(key) }).toEqual({ key, team: r.team_abbr });
      if (r.transaction_type === "Waive") expect(rosterTeam.has(key)).toBe(false);
      if (r.transaction_type === "Trade") expect([r.player_id, r.player_lookup]).toEqual([0, null]);
    }
  });
});

describeWithSamples("player movement on the real capture", () => {
  test("2025-07-16: 8,730 legs, each its own row; ids parsed from floats; the 466 team-only legs kept without a player_lookup", () => {
    const payload: unknown = JSON.parse(gunzipSync(readFileSync(samplePath("nbac_player_movement/2025-07-16/player_movement.json.gz"))).toString("utf8"));
    const { rows, quarantined } = parsePlayerMovement(payload, context("2025-07-16"));
    expect(quarantined).toEqual([]);
    expect(nbacPlayerMovementScraper.countRecords(payload)).toBe(8730);
    expect(rows).toHaveLength(8730);
    const keys = new Set(rows.map((r) => [r.player_id, r.team_id, r.transaction_date, r.transaction_type, r.group_sort, r.additional_sort].join("|")));
    expect(keys.size).toBe(8730);
    const teamOnly = rows.filter((r) => r.player_id === 0);
    expect(teamOnly).toHaveLength(466);
    expect(teamOnly.every((r) => r.player_lookup === null)).toBe(true);
    expect(rows.filter((r) => r.player_id !== 0).every((r) => typeof r.player_lookup === "string" && r.player_lookup.length > 0)).toBe(true);
    expect(rows.every((r) => Number.isInteger(r.player_id) && Number.isInteger(r.team_id) && Number.isInteger(r.additional_sort))).toBe(true);
    expect(rows.map((r) => String(r.transaction_date)).sort()[0]).toBe("2015-07-01");
    expect(rows[0]).toMatchObject({ transaction_date: "2025-07-16", team_abbr: "MIL", player_id: 1630175, player_lookup: "coleanthony" });
  });
});
