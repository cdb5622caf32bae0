import type { Row } from "../../catalog/derive/row-type";
import type { TableSpec } from "../../catalog/types";
import type { QuarantinedRecord } from "../base/quarantine";
import type { GamePlayer } from "./game-players";
import type { ScheduledGame } from "./scheduled-games";

export interface RawParseContext {
  /** What an operator recognises as the input: the replay file, the URL, or the sim seed. */
  readonly source: string;
  /** The stored payload's URI (source_file_path of every row). */
  readonly objectUri: string;
  readonly scope: string;
  readonly gameDate: string;
  readonly processedAt: string;
  /** The stored schedule's games of gameDate; given to processors that declare needsSchedule. */
  readonly schedule?: readonly ScheduledGame[];
  /** The stored box score players of gameDate's games; given to processors that declare needsGamePlayers. */
  readonly gamePlayers?: readonly GamePlayer[];
}

export interface RawParseResult {
  readonly rows: Row[];
  readonly quarantined: QuarantinedRecord[];
  /** Records deliberately not stored (counted, so received = rows + filtered + quarantined). */
  readonly filtered: number;
  /** What the run's completion message should also say about the input (e.g. events the schedule could not place). */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** A phase-2 processor: the scraper it reads, the table it writes, and a pure parse. */
export interface RawProcessorDefinition {
  readonly name: string;
  readonly table: TableSpec;
  /** Date-scoped processors categorise an empty payload against the schedule. */
  readonly scope: "date" | "season";
  /** The payload does not say who was at home: parse gets the date's scheduled games. */
  readonly needsSchedule?: true;
  /** The payload names players by initials or last name only: parse gets the date's box score players. */
  readonly needsGamePlayers?: true;
  /**
   * `schedule_final_games`: the payload's games are compared with the schedule's games for the
   * date: a final game it lacks makes the run `partial` (named), a game the schedule does not
   * have that day is quarantined. For date-scoped sources that cover every final game (box
   * scores, play-by-play); leave it out for sources that cover only some games (props, injuries).
   */
  readonly coverage?: "schedule_final_games";
  parse(payload: unknown, context: RawParseContext): RawParseResult;
}
