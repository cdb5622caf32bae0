import { bdlPlayerBoxscores } from "../../catalog/tables/bdl-player-boxscores";
import type { ProducedRow } from "../../catalog/derive/row-type";
import { dataHash } from "../../domain/data-hash";
import { canonicalGameId } from "../../domain/game-id";
import { MinutesFormatError, parseMinutes } from "../../domain/minutes";
import { playerLookup } from "../../domain/player-lookup";
import { bdlBoxScoresSchema, type BdlGame, type BdlPlayerLine } from "../../scrapers/formats/bdl-box-scores";
import { FieldError } from "../base/field-error";
import { dateField, intField, stringField, tricodeValue, type SourceRecord } from "../base/fields";
import { parseEach } from "../base/quarantine";
import { envelopeError } from "./envelope-error";
import type { RawParseContext, RawParseResult, RawProcessorDefinition } from "./raw-processor";

type BdlRow = ProducedRow<typeof bdlPlayerBoxscores>;

/** BDL player field → stat column. */
const STATS = {
  pts: "points",
  fgm: "field_goals_made",
  fga: "field_goals_attempted",
  fg3m: "three_pointers_made",
  fg3a: "three_pointers_attempted",
  ftm: "free_throws_made",
  fta: "free_throws_attempted",
  oreb: "offensive_rebounds",
  dreb: "defensive_rebounds",
  reb: "total_rebounds",
  ast: "assists",
  stl: "steals",
  blk: "blocks",
  turnover: "turnovers",
  pf: "personal_fouls",
} as const;

type StatColumn = (typeof STATS)[keyof typeof STATS];

const HASH_FIELDS = ["game_id", "player_lookup", "team_abbr", "game_status", "minutes", ...Object.values(STATS), "plus_minus"];

/** Only a Final file replaces a game (DOMAIN §3.1): lines of games not final yet are counted, not stored. */
const FINAL = "Final";

interface LineItem {
  readonly game: BdlGame;
  readonly gameIndex: number;
  readonly side: "home_team" | "visitor_team";
  readonly line: BdlPlayerLine;
  readonly lineIndex: number;
}

function minutesOf(line: SourceRecord): ReturnType<typeof parseMinutes> {
  try {
    return parseMinutes(line.min);
  } catch (err) {
    if (err instanceof MinutesFormatError) throw new FieldError("min", line.min, 'expected minutes as a digit string ("28", "00" = did not play) or MM:SS');
    throw err;
  }
}

/** A DNP line may carry nulls; a line with minutes must carry every stat as an integer. */
function statOrNull(line: SourceRecord, field: string, played: boolean): number | null {
  if (!played && (line[field] === null || line[field] === undefined)) return null;
  return intField(line, field, { min: 0 });
}

function gameFacts(game: BdlGame, context: RawParseContext) {
  const record = game as SourceRecord;
  const gameDate = dateField(record, "date");
  if (gameDate !== context.gameDate) throw new FieldError("date", gameDate, `expected the requested date ${context.gameDate}`);
  const home = tricodeValue("home_team.abbreviation", game.home_team.abbreviation);
  const visitor = tricodeValue("visitor_team.abbreviation", game.visitor_team.abbreviation);
  const bdlGameId = record.id === undefined || record.id === null ? null : intField(record, "id", { min: 1 });
  return {
    gameDate,
    home,
    visitor,
    bdlGameId,
    gameId: canonicalGameId(gameDate, visitor, home),
    seasonYear: intField(record, "season", { min: 1946 }),
    status: stringField(record, "status"),
    homeScore: intField(record, "home_team_score", { min: 0 }),
    visitorScore: intField(record, "visitor_team_score", { min: 0 }),
  };
}

function toRow(item: LineItem, context: RawParseContext): BdlRow {
  const facts = gameFacts(item.game, context);
  const line = item.line as SourceRecord;
  const p = item.line.player as SourceRecord;
  // Prefixed so a quarantined record names the field as the payload nests it (player.last_name).
  const player: SourceRecord = { "player.id": p.id, "player.first_name": p.first_name, "player.last_name": p.last_name };
  const isHome = item.side === "home_team";
  const first = stringField(player, "player.first_name");
  const last = stringField(player, "player.last_name");
  const name = `${first} ${last}`;
  const lookup = playerLookup(name);
  if (!lookup) throw new FieldError("player.first_name", name, "normalises to an empty player key");
  const minutes = minutesOf(line);
  const stats = Object.fromEntries(Object.entries(STATS).map(([src, col]) => [col, statOrNull(line, src, minutes.played)])) as Record<StatColumn, number | null>;
  // plus_minus exists only in newer payloads (DOMAIN §1.5): absent is null, present must be an integer.
  const plusMinus = line.plus_minus === undefined || line.plus_minus === null ? null : intField(line, "plus_minus");
  const row: Omit<BdlRow, "data_hash"> = {
    game_id: facts.gameId,
    game_date: facts.gameDate,
    season_year: facts.seasonYear,
    game_status: facts.status,
    bdl_game_id: facts.bdlGameId,
    team_abbr: isHome ? facts.home : facts.visitor,
    opponent_team_abbr: isHome ? facts.visitor : facts.home,
    is_home: isHome,
    bdl_player_id: intField(player, "player.id", { min: 1 }),
    player_full_name: name,
    player_lookup: lookup,
    minutes: minutes.played ? minutes.text : null,
    ...stats,
    plus_minus: plusMinus,
    data_source: "bdl_box_scores",
    source_file_path: context.objectUri,
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, HASH_FIELDS) };
}

export function parseBdlBoxScores(payload: unknown, context: RawParseContext): RawParseResult {
  const envelope = bdlBoxScoresSchema.safeParse(payload);
  if (!envelope.success) throw envelopeError(context.source, envelope.error);
  const items: LineItem[] = [];
  let filtered = 0;
  envelope.data.data.forEach((game, gameIndex) => {
    const lines = (["visitor_team", "home_team"] as const).flatMap((side) => game[side].players.map((line, lineIndex) => ({ game, gameIndex, side, line, lineIndex })));
    if (game.status !== FINAL) filtered += lines.length;
    else items.push(...lines);
  });
  const describe = (i: LineItem): string => {
    const p = i.line.player as SourceRecord;
    return `data[${i.gameIndex}].${i.side}.players[${i.lineIndex}] (player.id ${String(p.id)}, ${JSON.stringify(`${String(p.first_name)} ${String(p.last_name)}`)})`;
  };
  const parsed = parseEach(items, context.source, describe, (i) => toRow(i, context));
  return { rows: parsed.rows, quarantined: parsed.quarantined, filtered };
}

export const bdlPlayerBoxscoresProcessor: RawProcessorDefinition = {
  name: "bdl_player_boxscores",
  table: bdlPlayerBoxscores,
  scope: "date",
  coverage: "schedule_final_games",
  parse: parseBdlBoxScores,
};
