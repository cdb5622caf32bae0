import { parseTeamRosters } from "../../../runtime/processors/raw/nbac-team-rosters";
import type { RawParseContext } from "../../../runtime/processors/raw/raw-processor";
import { nbacTeamRosterScraper } from "../../../runtime/scrapers/nbac-team-roster";
import { nbacPlayerBoxscoreScraper } from "../../../runtime/scrapers/nbac-player-boxscore";
import { parseLeagueGameLog } from "../../../runtime/processors/raw/nbac-player-boxscores";

const context = (gameDate: string): RawParseContext => ({
  source: "sim:nbac_team_roster/2025-03-15?seed=5",
  objectUri: "file:///objects/rosters.json",
  scope: gameDate,
  gameDate,
  processedAt: "2025-03-15T14:00:00.000Z",
});

const HEADERS = ["TeamID", "SEASON", "LeagueID", "PLAYER", "NICKNAME", "PLAYER_SLUG", "NUM", "POSITION", "HEIGHT", "WEIGHT", "BIRTH_DATE", "AGE", "EXP", "SCHOOL", "PLAYER_ID", "HOW_ACQUIRED"];
const entry = (o: Record<string, unknown> = {}) => {
  const base: Record<string, unknown> = {
    TeamID: 1610612744, SEASON: "2024", LeagueID: "00", PLAYER: "Gary Payton II", NICKNAME: "Gary", PLAYER_SLUG: "gary-payton-ii", NUM: "00", POSITION: "G", HEIGHT: "6-2", WEIGHT: "195",
    BIRTH_DATE: "DEC 01, 1992", AGE: 32, EXP: "8", SCHOOL: "Oregon State", PLAYER_ID: 1627780, HOW_ACQUIRED: "Signed",
    ...o,
  };
  return HEADERS.map((h) => base[h]);
};
const responses = (rows: unknown[][]) => [{ resource: "commonteamroster", parameters: { TeamID: 1610612744 }, resultSets: [{ name: "CommonTeamRoster", headers: HEADERS, rowSet: rows }] }];

describe("team roster parser", () => {
  test("an entry becomes a row: team from the NBA id, jersey 00 kept as text, birth date and rookie experience parsed", () => {
    const { rows, quarantined } = parseTeamRosters(responses([entry(), entry({ PLAYER: "José Alvarado", PLAYER_ID: 1630631, NUM: "15", EXP: "R", BIRTH_DATE: "APR 12, 1998" })]), context("2025-03-15"));
    expect(quarantined).toEqual([]);
    expect(rows[0]).toMatchObject({ roster_date: "2025-03-15", season_year: 2024, team_id: 1610612744, team_abbr: "GSW", nba_player_id: 1627780, player_lookup: "garypaytonii", jersey_number: "00", position: "G", birth_date: "1992-12-01", experience_years: 8 });
    expect(rows[1]).toMatchObject({ player_lookup: "josealvarado", experience_years: 0, birth_date: "1998-04-12" });
  });

  test.each([
    [{ TeamID: 99 }, "TeamID", 99],
    [{ PLAYER_ID: "1627780" }, "PLAYER_ID", "1627780"],
    [{ BIRTH_DATE: "1992-12-01" }, "BIRTH_DATE", "1992-12-01"],
    [{ EXP: "veteran" }, "EXP", "veteran"],
    [{ SEASON: "2024-25" }, "SEASON", "2024-25"],
  ])("an entry with %p is quarantined naming the field and value", (override, field, value) => {
    const { rows, quarantined } = parseTeamRosters(responses([entry(), entry({ PLAYER: "Bad Entry", ...override })]), context("2025-03-15"));
    expect(rows).toHaveLength(1);
    expect(quarantined).toEqual([{ source: context("x").source, record: expect.stringContaining("[0].resultSets[CommonTeamRoster].rowSet[1]"), field, value, reason: expect.any(String), index: expect.any(Number) }]);
  });

  test("a response without the CommonTeamRoster set is refused by the processor and the scraper, naming the response", () => {
    const bad = [{ resource: "commonteamroster", parameters: {}, resultSets: [{ name: "Coaches", headers: ["A"], rowSet: [] }] }];
    expect(() => parseTeamRosters(bad, context("2025-03-15"))).toThrow(/payload field 0\.resultSets: result set CommonTeamRoster not found/);
    expect(() => nbacTeamRosterScraper.countRecords(bad)).toThrow(/field 0\.resultSets/);
    expect(() => nbacTeamRosterScraper.countRecords({ resultSets: [] })).toThrow(/not a list of NBA\.com commonteamroster responses/);
  });
});

describe("team roster sim", () => {
  const options = { seed: 5, today: "2025-04-30" };
  const date = "2025-03-15";
  const payload = nbacTeamRosterScraper.simulate({ key: date, gameDate: date }, options);
  const { rows, quarantined } = parseTeamRosters(payload, context(date));

  test("all 30 teams, 13-15 players each, unique jersey numbers per team, and the record count the scraper publishes", () => {
    expect(quarantined).toEqual([]);
    expect(nbacTeamRosterScraper.countRecords(payload)).toBe(rows.length);
    const byTeam = new Map<string, typeof rows>();
    for (const r of rows) byTeam.set(String(r.team_abbr), [...(byTeam.get(String(r.team_abbr)) ?? []), r]);
    expect(byTeam.size).toBe(30);
    for (const [, players] of byTeam) {
      expect(players.length).toBeGreaterThanOrEqual(13);
      expect(players.length).toBeLessThanOrEqual(15);
      expect(new Set(players.map((p) => p.jersey_number)).size).toBe(players.length);
    }
  });

  test("every player with a line in the sim box score is on his team's roster with the same NBA id", () => {
    const lines = parseLeagueGameLog(nbacPlayerBoxscoreScraper.simulate({ key: date, gameDate: date }, options), context(date)).rows;
    expect(lines.length).toBeGreaterThan(0);
    const roster = new Set(rows.map((r) => `${String(r.team_abbr)}|${String(r.player_lookup)}|${String(r.nba_player_id)}`));
    expect(lines.filter((l) => !roster.has(`${String(l.team_abbr)}|${String(l.player_lookup)}|${String(l.nba_player_id)}`))).toEqual([]);
  });
});
