import { nbacTeamRosters } from "../../catalog/tables/nbac-team-rosters";
import type { ProducedRow } from "../../catalog/derive/row-type";
import { dataHash } from "../../domain/data-hash";
import { errorMessage } from "../../domain/error-message";
import { isIsoDate } from "../../domain/et-date";
import { playerLookup } from "../../domain/player-lookup";
import { tricodeForTeamId } from "../../domain/teams";
import { findResultSet, rowObjects } from "../../scrapers/formats/nba-stats-result-sets";
import { ROSTER_SET, teamRostersSchema } from "../../scrapers/formats/nbac-team-roster";
import { FieldError } from "../base/field-error";
import { intField, stringField, type SourceRecord } from "../base/fields";
import { ProcessorError } from "../base/processor-error";
import { parseEach } from "../base/quarantine";
import { envelopeError } from "./envelope-error";
import type { RawParseContext, RawParseResult, RawProcessorDefinition } from "./raw-processor";

type RosterRow = ProducedRow<typeof nbacTeamRosters>;

const REQUIRED_HEADERS = ["TeamID", "SEASON", "PLAYER", "NUM", "POSITION", "PLAYER_ID", "BIRTH_DATE", "EXP"];
const HASH_FIELDS = ["roster_date", "team_abbr", "player_lookup", "nba_player_id", "jersey_number", "position", "birth_date", "experience_years"];
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
/** "MAR 14, 1988". */
const BIRTH = /^([A-Z]{3}) (\d{1,2}), (\d{4})$/;

function optionalText(record: SourceRecord, field: string): string | null {
  const v = record[field];
  if (v === null || v === undefined || v === "") return null;
  if (typeof v !== "string" && typeof v !== "number") throw new FieldError(field, v, "expected text or nothing");
  return String(v).trim();
}

function birthDate(record: SourceRecord): string | null {
  const v = record.BIRTH_DATE;
  if (v === null || v === undefined || v === "") return null;
  const m = typeof v === "string" ? BIRTH.exec(v.trim().toUpperCase()) : null;
  const month = m ? MONTHS.indexOf(m[1] ?? "") + 1 : 0;
  const iso = m && month > 0 ? `${m[3] ?? ""}-${String(month).padStart(2, "0")}-${(m[2] ?? "").padStart(2, "0")}` : "";
  if (!isIsoDate(iso)) throw new FieldError("BIRTH_DATE", v, 'expected a date like "MAR 14, 1988"');
  return iso;
}

/** "R" is a rookie (0 seasons); otherwise a count of seasons. */
function experience(record: SourceRecord): number | null {
  const v = record.EXP;
  if (v === null || v === undefined || v === "") return null;
  if (v === "R") return 0;
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === "string" && /^\d{1,2}$/.test(v)) return Number(v);
  throw new FieldError("EXP", v, 'expected "R" or a number of seasons');
}

function toRow(record: SourceRecord, context: RawParseContext): RosterRow {
  const teamId = intField(record, "TeamID", { min: 1 });
  const team = tricodeForTeamId(teamId);
  if (!team) throw new FieldError("TeamID", record.TeamID, "expected the NBA.com id of one of the 30 teams");
  const season = record.SEASON;
  const seasonYear = typeof season === "string" && /^\d{4}$/.test(season) ? Number(season) : typeof season === "number" && Number.isInteger(season) ? season : null;
  if (seasonYear === null) throw new FieldError("SEASON", season, 'expected the season start year ("2024")');
  const name = stringField(record, "PLAYER");
  const lookup = playerLookup(name);
  if (!lookup) throw new FieldError("PLAYER", name, "normalises to an empty player key");
  const row: Omit<RosterRow, "data_hash"> = {
    roster_date: context.gameDate,
    season_year: seasonYear,
    team_id: teamId,
    team_abbr: team,
    nba_player_id: intField(record, "PLAYER_ID", { min: 1 }),
    player_full_name: name,
    player_lookup: lookup,
    jersey_number: optionalText(record, "NUM"),
    position: optionalText(record, "POSITION"),
    birth_date: birthDate(record),
    experience_years: experience(record),
    data_source: "nbac_commonteamroster",
    source_file_path: context.objectUri,
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, HASH_FIELDS) };
}

export function parseTeamRosters(payload: unknown, context: RawParseContext): RawParseResult {
  const responses = teamRostersSchema.safeParse(payload);
  if (!responses.success) throw envelopeError(context.source, responses.error);
  const items = responses.data.flatMap((response, i) => {
    let set;
    try {
      set = findResultSet(response, ROSTER_SET);
    } catch (err) {
      throw new ProcessorError("INPUT_INVALID", `${context.source}: payload field ${i}.resultSets: ${errorMessage(err)}; nothing was written`);
    }
    const missing = REQUIRED_HEADERS.filter((h) => !set.headers.includes(h));
    if (missing.length > 0) throw new ProcessorError("INPUT_INVALID", `${context.source}: payload field ${i}.resultSets[${ROSTER_SET}] lacks headers ${missing.join(", ")}; nothing was written`);
    return rowObjects(set).map((r) => ({ ...r, response: i, width: set.headers.length }));
  });
  const describe = (r: (typeof items)[number]): string =>
    `[${r.response}].resultSets[${ROSTER_SET}].rowSet[${r.index}] (TeamID ${String(r.record.TeamID)}, PLAYER ${JSON.stringify(r.record.PLAYER)})`;
  const parsed = parseEach(items, context.source, describe, (r) => {
    if (r.lengthMismatch) throw new FieldError("(row)", r.record, `expected ${r.width} values like the headers`);
    return toRow(r.record, context);
  });
  return { rows: parsed.rows, quarantined: parsed.quarantined, filtered: 0 };
}

export const nbacTeamRostersProcessor: RawProcessorDefinition = {
  name: "nbac_team_rosters",
  table: nbacTeamRosters,
  scope: "date",
  parse: parseTeamRosters,
};
