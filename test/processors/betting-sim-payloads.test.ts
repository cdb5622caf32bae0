import type { ProducedRow } from "../../runtime/catalog/derive/row-type";
import { bettingprosPlayerPointsProps } from "../../runtime/catalog/tables/bettingpros-player-points-props";
import { oddsApiPlayerPointsProps } from "../../runtime/catalog/tables/odds-api-player-points-props";
import { playerLookup } from "../../runtime/domain/player-lookup";
import { ProcessorError } from "../../runtime/processors/base/processor-error";
import { parseBpPlayerProps } from "../../runtime/processors/raw/bettingpros-player-points-props";
import { parseOddsGameLines } from "../../runtime/processors/raw/odds-api-game-lines";
import { parseOddsPlayerProps } from "../../runtime/processors/raw/odds-api-player-points-props";
import type { RawParseContext } from "../../runtime/processors/raw/raw-processor";
import { ScrapeError } from "../../runtime/scrapers/base/scrape-error";
import { bpEventsScraper } from "../../runtime/scrapers/bp-events";
import { bpPlayerPropsScraper } from "../../runtime/scrapers/bp-player-props";
import { oddsaEventsScraper } from "../../runtime/scrapers/oddsa-events";
import { oddsaGameLinesScraper } from "../../runtime/scrapers/oddsa-game-lines";
import { oddsaPlayerPropsScraper } from "../../runtime/scrapers/oddsa-player-props";
import { simulatedSchedule } from "../../runtime/scrapers/sim/cached-schedule";
import { simulateLeagueGameLog } from "../../runtime/scrapers/sim/sim-leaguegamelog";
import { teamRoster } from "../../runtime/scrapers/sim/rosters";

const DATE = "2025-03-15";
const SEED = 7;
const TODAY = "2025-03-20";
const scope = { key: DATE, gameDate: DATE };
const options = { seed: SEED, today: TODAY };

const context: RawParseContext = { source: "sim:test", objectUri: "file:///objects/x.json", scope: DATE, gameDate: DATE, processedAt: "2025-03-16T10:00:00.000Z" };

/** The sim schedule's games of the date, read from the schedule payload itself. */
const games = simulatedSchedule(2024, SEED, TODAY)
  .leagueSchedule.gameDates.flatMap((d) => d.games)
  .filter((g) => g.gameDateEst.startsWith(DATE));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const clone = (v: unknown): Json => JSON.parse(JSON.stringify(v)) as Json;

describe("The Odds API sim payloads follow the sim day's schedule", () => {
  test("events: one per game of the date, commence_time is the schedule's UTC tip, full team names", () => {
    const payload = clone(oddsaEventsScraper.simulate(scope, options));
    expect(games.length).toBeGreaterThan(0);
    expect(oddsaEventsScraper.countRecords(payload)).toBe(games.length);
    expect(payload).toMatchObject({ timestamp: expect.stringMatching(/Z$/), previous_timestamp: expect.stringMatching(/Z$/), next_timestamp: expect.stringMatching(/Z$/) });
    const events = payload.data as Json[];
    expect(events.map((e) => e.commence_time as string).sort()).toEqual(games.map((g) => g.gameDateTimeUTC).sort());
    for (const e of events) expect(Date.parse(e.commence_time as string)).toBeGreaterThan(Date.parse(payload.timestamp as string));
    expect(events.some((e) => e.home_team === `${games[0]!.homeTeam.teamCity} ${games[0]!.homeTeam.teamName}` || e.home_team === "Los Angeles Clippers")).toBe(true);
  });

  test("player props: points lines for both teams' players, near what they score, ET game date from the UTC tip", () => {
    const payload = oddsaPlayerPropsScraper.simulate(scope, options);
    const count = oddsaPlayerPropsScraper.countRecords(payload);
    const parsed = parseOddsPlayerProps(payload, context);
    const { quarantined, filtered } = parsed;
    const rows = parsed.rows as ProducedRow<typeof oddsApiPlayerPointsProps>[];
    expect([quarantined, filtered, rows.length]).toEqual([[], 0, count]);
    expect(rows.every((r) => r.game_date === DATE && r.data_source === "historical" && r.over_price_american !== null && r.under_price !== null)).toBe(true);
    // Evening tips are the next UTC day; the game date stays the ET date.
    expect(rows.some((r) => r.game_start_time!.startsWith("2025-03-16"))).toBe(true);
    expect(rows.every((r) => (r.points_line ?? 0) % 1 === 0.5 && r.minutes_before_tipoff === 90)).toBe(true);
    for (const g of games) {
      const players = new Set([g.homeTeam.teamTricode, g.awayTeam.teamTricode].flatMap((t) => teamRoster(SEED, 2024, t).map((p) => playerLookup(p.name))));
      const gameRows = rows.filter((r) => r.game_id === `20250315_${g.awayTeam.teamTricode}_${g.homeTeam.teamTricode}`);
      expect(gameRows.length).toBeGreaterThan(0);
      for (const r of gameRows) expect(players.has(r.player_lookup)).toBe(true);
    }
    const log = simulateLeagueGameLog({ gameDate: DATE, seed: SEED, schedule: simulatedSchedule(2024, SEED, TODAY) });
    const set = log.resultSets[0];
    const points = new Map(set.rowSet.map((r) => [playerLookup(String(r[set.headers.indexOf("PLAYER_NAME")])), Number(r[set.headers.indexOf("PTS")])]));
    const pairs = rows.filter((r) => points.has(r.player_lookup)).map((r) => [r.points_line!, points.get(r.player_lookup)!] as const);
    expect(pairs.length).toBeGreaterThan(rows.length / 2);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean(pairs.map((p) => p[0])) - mean(pairs.map((p) => p[1])))).toBeLessThan(3);
  });

  test("game lines: a spread pair and a total pair per bookmaker and game", () => {
    const payload = oddsaGameLinesScraper.simulate(scope, options);
    const { rows, quarantined } = parseOddsGameLines(payload, context);
    expect(quarantined).toEqual([]);
    expect(rows).toHaveLength(oddsaGameLinesScraper.countRecords(payload));
    expect(rows).toHaveLength(games.length * 3 * 4);
    for (const r of rows.filter((x) => x.market_key === "spreads")) {
      const other = rows.find((x) => x.game_id === r.game_id && x.bookmaker_key === r.bookmaker_key && x.market_key === "spreads" && x.outcome_name !== r.outcome_name)!;
      expect(other.outcome_point).toBe(-Number(r.outcome_point));
      expect([r.home_team_abbr, r.away_team_abbr]).toContain(r.outcome_team_abbr);
    }
  });
});

describe("malformed Odds API records are quarantined naming field and value", () => {
  test("a price that is not a number quarantines that player's record only", () => {
    const payload = clone(oddsaPlayerPropsScraper.simulate(scope, options)) as unknown as Json[];
    payload[0]!.data.bookmakers[0].markets[0].outcomes[1].price = "abc";
    const player = payload[0]!.data.bookmakers[0].markets[0].outcomes[1].description as string;
    const { rows, quarantined } = parseOddsPlayerProps(payload, context);
    expect(rows).toHaveLength(oddsaPlayerPropsScraper.countRecords(payload) - 1);
    expect(quarantined).toEqual([
      { index: 0, source: "sim:test", record: `[0].data.bookmakers[0].markets[0].outcomes[0,1] (event ${payload[0]!.data.id as string}, draftkings, player ${JSON.stringify(player)})`, field: "price", value: "abc", reason: expect.stringContaining("decimal odds") },
    ]);
  });

  test("an unknown team name quarantines the event's records; a spread outcome for another team too", () => {
    const props = clone(oddsaPlayerPropsScraper.simulate(scope, options)) as unknown as Json[];
    props[1]!.data.home_team = "Seattle SuperSonics";
    const perEvent = (props[1]!.data.bookmakers as Json[]).reduce((n, b) => n + (b.markets[0].outcomes as unknown[]).length / 2, 0);
    const parsed = parseOddsPlayerProps(props, context);
    expect(parsed.quarantined).toHaveLength(perEvent);
    expect(parsed.quarantined.every((q) => q.field === "home_team" && q.value === "Seattle SuperSonics")).toBe(true);

    const lines = clone(oddsaGameLinesScraper.simulate(scope, options)) as unknown as Json[];
    const stranger = ["Boston Celtics", "Atlanta Hawks", "Chicago Bulls"].find((n) => n !== lines[0]!.data.home_team && n !== lines[0]!.data.away_team)!;
    lines[0]!.data.bookmakers[2].markets[0].outcomes[0].name = stranger;
    const bad = parseOddsGameLines(lines, context).quarantined;
    expect(bad).toEqual([expect.objectContaining({ field: "name", value: stranger, record: expect.stringContaining("[0].data.bookmakers[2].markets[0].outcomes[0]") })]);
  });

  test("other markets are filtered, not stored; a live response takes its snapshot time from the bookmaker", () => {
    const [first] = oddsaPlayerPropsScraper.simulate(scope, options) as Json[];
    const live = clone(first!.data);
    live.bookmakers[0].markets.push({ key: "h2h", outcomes: [{ name: "A", price: 1.5 }, { name: "B", price: 2.6 }] });
    const { rows, filtered } = parseOddsPlayerProps(live, context);
    expect(filtered).toBe(2);
    expect(oddsaPlayerPropsScraper.countRecords(live)).toBe(rows.length + filtered);
    expect(rows.every((r) => r.data_source === "current")).toBe(true);
    expect(rows.find((r) => r.bookmaker === "draftkings")?.snapshot_timestamp).toBe(new Date(live.bookmakers[0].last_update as string).toISOString());
  });

  test("a payload without bookmakers is not an event-odds payload: the scraper names the field", () => {
    const shape = { timestamp: "2025-03-15T22:00:00Z", data: { id: "e1", commence_time: "2025-03-16T00:00:00Z", home_team: "Boston Celtics", away_team: "Atlanta Hawks" } };
    expect(() => oddsaGameLinesScraper.countRecords(shape)).toThrow(ScrapeError);
    expect(() => oddsaGameLinesScraper.countRecords(shape)).toThrow(/field data\.bookmakers/);
    expect(() => oddsaEventsScraper.countRecords({ timestamp: "t", events: [] })).toThrow(/field data/);
  });
});

describe("BettingPros sim payloads", () => {
  test("events: one per game with scheduled as unmarked UTC", () => {
    const payload = clone(bpEventsScraper.simulate(scope, options));
    expect(bpEventsScraper.countRecords(payload)).toBe(games.length);
    const scheduled = (payload.events as Json[]).map((e) => `${(e.scheduled as string).replace(" ", "T")}Z`).sort();
    expect(scheduled).toEqual(games.map((g) => g.gameDateTimeUTC).sort());
  });

  test("props: one row per player, book and side, tied to the event's game; FA is a team issue", () => {
    const payload = clone(bpPlayerPropsScraper.simulate(scope, options));
    payload.props[0].player_team = "FA";
    const parsed = parseBpPlayerProps(payload, context);
    const rows = parsed.rows as ProducedRow<typeof bettingprosPlayerPointsProps>[];
    expect(parsed.quarantined).toEqual([]);
    expect(rows).toHaveLength(bpPlayerPropsScraper.countRecords(payload));
    const canonical = new Set(games.map((g) => `20250315_${g.awayTeam.teamTricode}_${g.homeTeam.teamTricode}`));
    expect(rows.every((r) => r.game_id !== null && canonical.has(r.game_id) && r.market_id === 156 && r.game_date === DATE)).toBe(true);
    const fa = rows.filter((r) => r.has_team_issues);
    expect(fa.length).toBe((payload.props[0].over.sportsbooks as unknown[]).length + (payload.props[0].under.sportsbooks as unknown[]).length);
    expect(fa.every((r) => r.player_team === "FA" && r.player_lookup === rows[0]!.player_lookup)).toBe(true);
    expect(new Set(rows.map((r) => r.bookmaker))).toEqual(new Set(["Consensus", "FanDuel", "DraftKings"]));
  });

  test("a bad price is quarantined naming field and value; another market fails the file; a broken structure names the path", () => {
    const payload = clone(bpPlayerPropsScraper.simulate(scope, options));
    payload.props[2].under.sportsbooks[1].odds = 50;
    const { quarantined } = parseBpPlayerProps(payload, context);
    expect(quarantined).toEqual([expect.objectContaining({ field: "odds", value: 50, record: expect.stringContaining("props[2].under.sportsbooks[1]") })]);
    expect(() => parseBpPlayerProps({ ...payload, market_id: 157 }, context)).toThrow(ProcessorError);
    expect(() => parseBpPlayerProps({ ...payload, market_id: 157 }, context)).toThrow(/market_id: 157/);
    payload.props[3].over.sportsbooks = "none";
    expect(() => bpPlayerPropsScraper.countRecords(payload)).toThrow(/field props\[3\]\.over\.sportsbooks/);
  });
});
