import { etDate } from "../../domain/et-date";
import { errorMessage } from "../../domain/error-message";
import { TEAMS } from "../../domain/teams";
import type { EmptyReason } from "../../monitoring/run-record";
import { ScrapeError } from "../base/scrape-error";
import type { ScrapeScope } from "../base/scraper-definition";
import { oddsEvents } from "../formats/odds-api";
import type { FetchProgress, FetchedPayload, MissingPart } from "./payload-source";

/** What one request of a date's scrape is keyed by: an NBA game id, an Odds API event id, or a team. */
export type FanOutUnit = "game" | "event" | "team";

/**
 * The scrapers whose live endpoint answers one game, event or team while their scraper and
 * schedule are date-scoped: the http source fans the date out and stores the answers together,
 * as the replay layout holds them (`nbac_team_boxscore/<date>/<game id>.json`, read as one array).
 */
export const FAN_OUT: Readonly<Record<string, FanOutUnit>> = {
  nbac_team_boxscore: "game",
  nbac_play_by_play: "game",
  oddsa_player_props: "event",
  oddsa_game_lines: "event",
  nbac_team_roster: "team",
};

/** A game of the stored schedule, as far as the fan-out needs it (processors/raw/scheduled-games.ts has the rest). */
export interface FanOutGame {
  readonly nbaGameId: string;
  readonly gameStatus: number;
}

/** The stored schedule's games of an ET date; fails (never answers an empty day) when the schedule cannot be read. */
export type ScheduledGamesLookup = (gameDate: string) => Promise<readonly FanOutGame[]>;

/** One request of the fan-out, through the scraper's retry/breaker/rate policy; rejects with the reason it failed. */
export type FetchPart = (endpoint: string, scope: ScrapeScope) => Promise<{ readonly text: string; readonly origin: string }>;

export interface FanOutContext {
  readonly scraper: string;
  readonly scope: ScrapeScope;
  readonly unit: FanOutUnit;
  readonly fetchPart: FetchPart;
  readonly scheduledGames?: ScheduledGamesLookup;
  readonly progress?: FetchProgress;
}

const EVENT_ID = /^[0-9a-f]{32}$/;

/** A game that has tipped (live 2 or final 3) has a box score and play-by-play to fetch. */
const TIPPED = new Set([2, 3]);

interface Parts {
  readonly keys: readonly string[];
  /** Why there is nothing to fetch, when keys is empty. */
  readonly empty?: EmptyReason;
  readonly origin: string;
}

async function lookUpGames(context: FanOutContext): Promise<readonly FanOutGame[]> {
  if (!context.scheduledGames) {
    throw new ScrapeError("SOURCE_FAILED", `${context.scraper} is called per game: the http source needs the stored schedule to fan ${context.scope.key} out into its games`);
  }
  try {
    return await context.scheduledGames(context.scope.gameDate);
  } catch (err) {
    throw new ScrapeError("SOURCE_FAILED", `${context.scraper} ${context.scope.key}: the schedule lookup failed, so the date's games are unknown: ${errorMessage(err)}`);
  }
}

/**
 * The games of the date from the stored schedule (nba_raw.nbac_schedule): the same NBA ids the
 * replay captures are named by and the raw processors' coverage check compares with. Games that
 * have not tipped have nothing to fetch yet.
 */
async function gameParts(context: FanOutContext): Promise<Parts> {
  const games = await lookUpGames(context);
  const tipped = games.filter((g) => TIPPED.has(g.gameStatus)).map((g) => g.nbaGameId).sort();
  const origin = `stored schedule of ${context.scope.gameDate}`;
  if (games.length === 0) return { keys: [], empty: "no_games_scheduled", origin };
  if (tipped.length === 0) return { keys: [], empty: "source_not_final", origin };
  return { keys: tipped, origin };
}

/**
 * The event ids of the date from the Odds API events endpoint (commence_time is UTC: an event
 * belongs to the ET date of its tip, DOMAIN §1.9). No event on a day the schedule has games is
 * a real gap, never "no games".
 */
async function eventParts(context: FanOutContext): Promise<Parts> {
  const answer = await context.fetchPart("oddsa_events", context.scope);
  let events: Record<string, unknown>[];
  try {
    events = oddsEvents(JSON.parse(answer.text)).events;
  } catch (err) {
    throw new ScrapeError("PAYLOAD_SHAPE", `${answer.origin}: not a The Odds API events payload (${errorMessage(err)})`);
  }
  const keys = new Set<string>();
  events.forEach((event, i) => {
    const commence = typeof event.commence_time === "string" ? new Date(event.commence_time) : null;
    if (!commence || Number.isNaN(commence.getTime())) throw new ScrapeError("PAYLOAD_SHAPE", `${answer.origin}: event [${i}] has no valid commence_time (${JSON.stringify(event.commence_time) ?? "undefined"})`);
    if (etDate(commence) !== context.scope.gameDate) return;
    if (typeof event.id !== "string" || !EVENT_ID.test(event.id)) throw new ScrapeError("PAYLOAD_SHAPE", `${answer.origin}: event [${i}] has no event id of 32 hex digits (${JSON.stringify(event.id) ?? "undefined"})`);
    keys.add(event.id);
  });
  if (keys.size > 0) return { keys: [...keys].sort(), origin: answer.origin };
  if (context.scheduledGames) {
    const games = await lookUpGames(context);
    if (games.length > 0) throw new ScrapeError("SOURCE_FAILED", `${answer.origin}: no event on ${context.scope.gameDate} while the schedule has ${games.length} game(s) that day`);
  }
  return { keys: [], empty: "no_games_scheduled", origin: answer.origin };
}

function partsOf(context: FanOutContext): Promise<Parts> {
  switch (context.unit) {
    case "game":
      return gameParts(context);
    case "event":
      return eventParts(context);
    case "team":
      return Promise.resolve({ keys: TEAMS.map((t) => t.tricode), origin: "the 30 teams" });
  }
}

/**
 * A date-scoped scrape of a per-game, per-event or per-team endpoint: one request per part, each
 * through the scraper's one resilience layer. The answers are stored together as one JSON array,
 * in key order. A part that fails is named (the run is partial), never dropped; if every part
 * fails the scrape fails; a date with nothing to fetch is `no_data`.
 */
export async function fanOutDate(context: FanOutContext): Promise<FetchedPayload> {
  const parts = await partsOf(context);
  if (parts.keys.length === 0) return { text: "[]", origin: parts.origin, empty: parts.empty ?? "no_games_scheduled" };
  const items: unknown[] = [];
  const origins: string[] = [];
  const missing: MissingPart[] = [];
  for (const key of parts.keys) {
    context.progress?.(items.length + missing.length, parts.keys.length);
    try {
      const answer = await context.fetchPart(context.scraper, { key, gameDate: context.scope.gameDate });
      try {
        items.push(JSON.parse(answer.text));
      } catch (err) {
        throw new ScrapeError("PAYLOAD_NOT_JSON", `${answer.origin}: not valid JSON (${errorMessage(err)})`);
      }
      origins.push(answer.origin);
    } catch (err) {
      missing.push({ key, reason: errorMessage(err) });
    }
  }
  if (items.length === 0) {
    throw new ScrapeError("SOURCE_FAILED", `${context.scraper} ${context.scope.key}: all ${parts.keys.length} ${context.unit} requests failed (${missing.map((m) => m.key).join(", ")}); first: ${missing[0]?.reason ?? "?"}`);
  }
  return { text: JSON.stringify(items), origin: origins.join(" "), ...(missing.length > 0 ? { missing } : {}) };
}
