import { addDays, isIsoDate } from "../../domain/et-date";
import { seasonLabel, seasonYearForDate } from "../../domain/season";
import { TEAMS, normalizeTricode } from "../../domain/teams";
import type { ScrapeScope } from "../base/scraper-definition";
import type { SourceFamily } from "../config/scrapers-config";

/** Where a request goes, before the source's base URL, headers and credential are added. */
export interface HttpRequestTarget {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}

export interface HttpEndpoint {
  readonly family: SourceFamily;
  /** The request for one scope; throws a plain Error naming what the scope key must be. */
  target(scope: ScrapeScope): HttpRequestTarget;
}

/** A credential read from the environment (on Cloud Run: a Secret Manager value) and sent with every request. */
export interface SourceCredential {
  readonly env: string;
  readonly in: "query" | "header";
  readonly name: string;
}

export const DEFAULT_BASE_URLS: Readonly<Record<SourceFamily, string>> = {
  nba_stats: "https://stats.nba.com",
  nba_cdn: "https://cdn.nba.com",
  nba_static: "https://ak-static.cms.nba.com",
  bdl: "https://api.balldontlie.io",
  odds_api: "https://api.the-odds-api.com",
  bettingpros: "https://api.bettingpros.com",
};

const BROWSER_USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const NBA_COM_BROWSER = {
  "User-Agent": BROWSER_USER_AGENT,
  Accept: "application/json, text/plain, */*",
  "Accept-Language": "en-US,en;q=0.9",
  Origin: "https://www.nba.com",
  Referer: "https://www.nba.com/",
};

/** stats.nba.com answers only browser-like requests (it stalls or 403s anything else). */
export const SOURCE_HEADERS: Readonly<Record<SourceFamily, Readonly<Record<string, string>>>> = {
  nba_stats: { ...NBA_COM_BROWSER, "x-nba-stats-origin": "stats", "x-nba-stats-token": "true", Connection: "keep-alive" },
  nba_cdn: NBA_COM_BROWSER,
  nba_static: { ...NBA_COM_BROWSER, Accept: "application/pdf, application/json, */*" },
  bdl: { Accept: "application/json" },
  odds_api: { Accept: "application/json" },
  bettingpros: { Accept: "application/json", "User-Agent": BROWSER_USER_AGENT, Origin: "https://www.bettingpros.com", Referer: "https://www.bettingpros.com/" },
};

export const SOURCE_CREDENTIALS: Readonly<Partial<Record<SourceFamily, SourceCredential>>> = {
  bdl: { env: "BDL_API_KEY", in: "header", name: "Authorization" },
  odds_api: { env: "ODDS_API_KEY", in: "query", name: "apiKey" },
  bettingpros: { env: "BETTINGPROS_API_KEY", in: "header", name: "x-api-key" },
};

function dateOf(scraper: string, scope: ScrapeScope): string {
  if (!isIsoDate(scope.key)) throw new Error(`${scraper} is date-scoped: scope key must be an ET date YYYY-MM-DD (got "${scope.key}")`);
  return scope.key;
}

function nbaGameId(scraper: string, scope: ScrapeScope): string {
  if (!/^\d{10}$/.test(scope.key)) throw new Error(`${scraper} is called per game: scope key must be the NBA game id, e.g. 0022400561 (got "${scope.key}")`);
  return scope.key;
}

function oddsEventId(scraper: string, scope: ScrapeScope): string {
  if (!/^[0-9a-f]{32}$/.test(scope.key)) throw new Error(`${scraper} is called per event: scope key must be The Odds API event id, 32 hex digits (got "${scope.key}")`);
  return scope.key;
}

function teamId(scraper: string, scope: ScrapeScope): number {
  const byId = TEAMS.find((t) => String(t.teamId) === scope.key);
  const tricode = normalizeTricode(scope.key);
  const team = byId ?? TEAMS.find((t) => t.tricode === tricode);
  if (!team) throw new Error(`${scraper} is called per team: scope key must be a tricode (NYK) or NBA.com team id (got "${scope.key}")`);
  return team.teamId;
}

/** 2025-03-15 → 03/15/2025, the date format of stats.nba.com parameters. */
const statsDate = (date: string): string => `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;

/**
 * The UTC instant of midnight ET that starts an ET date. The offset is read at 04:30 UTC, which is
 * within an hour of that midnight, so a day on which DST starts or ends at 2 AM still gets the right one.
 */
function etMidnightUtc(date: string): string {
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", timeZoneName: "shortOffset" })
    .formatToParts(new Date(`${date}T04:30:00Z`))
    .find((p) => p.type === "timeZoneName")?.value;
  const hours = Number(/GMT-(\d+)/.exec(offset ?? "")?.[1] ?? "5");
  return `${date}T${String(hours).padStart(2, "0")}:00:00Z`;
}

const ODDS_EVENT_ODDS = (markets: string) => ({ regions: "us", markets, oddsFormat: "decimal", dateFormat: "iso" });

/**
 * The live endpoint of every scraper (DOMAIN §1, §3.1b), keyed by scraper name. Only the http
 * source reads it; tests point the base URLs at a loopback server and never call these hosts.
 */
export const HTTP_REQUESTS: Readonly<Record<string, HttpEndpoint>> = {
  nbac_schedule: {
    family: "nba_stats",
    target: (scope) => {
      if (!/^\d{4}-\d{2}$/.test(scope.key)) throw new Error(`nbac_schedule is season-scoped: scope key must be a season label like 2024-25 (got "${scope.key}")`);
      return { path: "/stats/scheduleleaguev2", query: { LeagueID: "00", Season: scope.key } };
    },
  },
  nbac_player_boxscore: {
    family: "nba_stats",
    target: (scope) => {
      const date = statsDate(dateOf("nbac_player_boxscore", scope));
      return {
        path: "/stats/leaguegamelog",
        query: { Counter: "1000", DateFrom: date, DateTo: date, Direction: "DESC", LeagueID: "00", PlayerOrTeam: "P", Season: seasonLabel(seasonYearForDate(scope.key)), SeasonType: "Regular Season", Sorter: "DATE" },
      };
    },
  },
  nbac_team_boxscore: {
    family: "nba_stats",
    target: (scope) => ({
      path: "/stats/boxscoretraditionalv2",
      query: { EndPeriod: "10", EndRange: "28800", GameID: nbaGameId("nbac_team_boxscore", scope), RangeType: "0", StartPeriod: "1", StartRange: "0" },
    }),
  },
  nbac_play_by_play: {
    family: "nba_cdn",
    target: (scope) => ({ path: `/static/json/liveData/playbyplay/playbyplay_${nbaGameId("nbac_play_by_play", scope)}.json`, query: {} }),
  },
  nbac_scoreboard_v2: {
    family: "nba_stats",
    target: (scope) => ({ path: "/stats/scoreboardv2", query: { DayOffset: "0", GameDate: dateOf("nbac_scoreboard_v2", scope), LeagueID: "00" } }),
  },
  nbac_injury_report: {
    // The official report is a PDF published several times a day; the 5 PM ET edition is the one before tip-off.
    family: "nba_static",
    target: (scope) => ({ path: `/referee/injury/Injury-Report_${dateOf("nbac_injury_report", scope)}_05PM.pdf`, query: {} }),
  },
  nbac_team_roster: {
    family: "nba_stats",
    target: (scope) => ({
      path: "/stats/commonteamroster",
      query: { LeagueID: "00", Season: seasonLabel(seasonYearForDate(scope.gameDate)), TeamID: String(teamId("nbac_team_roster", scope)) },
    }),
  },
  nbac_player_movement: {
    // The whole transaction history, every day (the processor keeps the new rows).
    family: "nba_stats",
    target: () => ({ path: "/js/data/playermovement/NBA_Player_Movement.json", query: {} }),
  },
  bdl_box_scores: {
    family: "bdl",
    target: (scope) => ({ path: "/v1/box_scores", query: { date: dateOf("bdl_box_scores", scope) } }),
  },
  oddsa_events: {
    family: "odds_api",
    target: (scope) => {
      const date = dateOf("oddsa_events", scope);
      return {
        path: "/v4/sports/basketball_nba/events",
        query: { dateFormat: "iso", commenceTimeFrom: etMidnightUtc(date), commenceTimeTo: etMidnightUtc(addDays(date, 1)) },
      };
    },
  },
  oddsa_player_props: {
    family: "odds_api",
    target: (scope) => ({ path: `/v4/sports/basketball_nba/events/${oddsEventId("oddsa_player_props", scope)}/odds`, query: ODDS_EVENT_ODDS("player_points") }),
  },
  oddsa_game_lines: {
    family: "odds_api",
    target: (scope) => ({ path: `/v4/sports/basketball_nba/events/${oddsEventId("oddsa_game_lines", scope)}/odds`, query: ODDS_EVENT_ODDS("spreads,totals") }),
  },
  bp_events: {
    family: "bettingpros",
    target: (scope) => ({ path: "/v3/events", query: { sport: "NBA", date: dateOf("bp_events", scope) } }),
  },
  bp_player_props: {
    // market 156 = player points (DOMAIN §1.7).
    family: "bettingpros",
    target: (scope) => ({ path: "/v3/offers", query: { sport: "NBA", market_id: "156", date: dateOf("bp_player_props", scope), location: "ALL", live: "true" } }),
  },
};
