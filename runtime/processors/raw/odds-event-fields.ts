import { etDate } from "../../domain/et-date";
import { canonicalGameId } from "../../domain/game-id";
import type { EventOddsResponse, OddsBookmaker } from "../../scrapers/formats/odds-api";
import { FieldError } from "../base/field-error";
import type { SourceRecord } from "../base/fields";
import { optionalUtcField, teamNameField, utcField } from "./betting-fields";

/** What every Odds API row of one event carries, read strictly from the event and its bookmaker. */
export interface OddsEventContext {
  readonly gameDate: string;
  readonly gameId: string;
  readonly eventId: string;
  readonly home: string;
  readonly away: string;
  readonly commence: Date;
  readonly snapshot: Date;
  readonly bookmakerLastUpdate: Date | null;
  readonly dataSource: "historical" | "current";
}

export interface OddsEventGame {
  readonly gameDate: string;
  readonly gameId: string;
  readonly home: string;
  readonly away: string;
  readonly commence: Date;
}

/**
 * The game an Odds API event is. The ET game date comes from commence_time converted to
 * America/New_York (DOMAIN §1.9), never from the UTC date: 2024-01-25T03:20:30Z is a game of 2024-01-24.
 */
export function oddsEventGame(event: SourceRecord): OddsEventGame {
  const commence = utcField(event, "commence_time");
  const gameDate = etDate(commence);
  const home = teamNameField(event, "home_team");
  const away = teamNameField(event, "away_team");
  if (home === away) throw new FieldError("away_team", event.away_team, "is the home team too");
  return { gameDate, gameId: canonicalGameId(gameDate, away, home), home, away, commence };
}

export function oddsEventContext(response: EventOddsResponse, bookmaker: OddsBookmaker, requestedDate: string): OddsEventContext {
  const event = response.event;
  const { gameDate, gameId, home, away, commence } = oddsEventGame(event);
  if (gameDate !== requestedDate) throw new FieldError("commence_time", event.commence_time, `is ET date ${gameDate}, expected a game of the requested date ${requestedDate}`);
  const bookmakerLastUpdate = optionalUtcField(bookmaker, "last_update");
  // Live responses carry no snapshot time: the bookmaker's last update is when those odds were current.
  const snapshot = response.snapshot !== null ? utcField({ timestamp: response.snapshot }, "timestamp") : bookmakerLastUpdate;
  if (!snapshot) throw new FieldError("last_update", bookmaker.last_update, "a live response needs the bookmaker's last_update as its snapshot time");
  return {
    gameDate,
    gameId,
    eventId: event.id,
    home,
    away,
    commence,
    snapshot,
    bookmakerLastUpdate,
    dataSource: response.snapshot !== null ? "historical" : "current",
  };
}
