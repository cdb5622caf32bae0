import { etDate } from "../../domain/et-date";
import { canonicalGameId } from "../../domain/game-id";
import { tricodeField, type SourceRecord } from "../base/fields";
import { utcField } from "./betting-fields";

export interface BpEventGame {
  readonly gameDate: string;
  readonly gameId: string;
  readonly home: string;
  readonly visitor: string;
}

/** The game a BettingPros event is: `scheduled` is UTC without a marker (DOMAIN §1.7), so the game date is its ET date. */
export function bpEventGame(event: SourceRecord): BpEventGame {
  const gameDate = etDate(utcField(event, "scheduled"));
  const home = tricodeField(event, "home");
  const visitor = tricodeField(event, "visitor");
  return { gameDate, gameId: canonicalGameId(gameDate, visitor, home), home, visitor };
}
