import { nbacInjuryReport } from "../../catalog/tables/nbac-injury-report";
import type { ProducedRow } from "../../catalog/derive/row-type";
import { dataHash } from "../../domain/data-hash";
import { isIsoDate } from "../../domain/et-date";
import { canonicalGameId } from "../../domain/game-id";
import { playerLookup, reorderLastFirst } from "../../domain/player-lookup";
import { seasonYearForDate } from "../../domain/season";
import { injuryReportSchema } from "../../scrapers/formats/nbac-injury-report";
import { FieldError } from "../base/field-error";
import { matchField, stringField, tricodeField, tricodeValue, type SourceRecord } from "../base/fields";
import { ProcessorError } from "../base/processor-error";
import { parseEach } from "../base/quarantine";
import { envelopeError } from "./envelope-error";
import type { RawParseContext, RawParseResult, RawProcessorDefinition } from "./raw-processor";

type InjuryRow = ProducedRow<typeof nbacInjuryReport>;

const STATUSES = new Set(["out", "doubtful", "questionable", "probable", "available"]);
const HASH_FIELDS = ["report_date", "report_hour", "game_id", "player_lookup", "team", "injury_status", "reason", "confidence_score"];
const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const MATCHUP = /^([A-Z]{2,4})@([A-Z]{2,4})$/;

/** "Injury/Illness - Right Ankle; Sprain" → injury; the family decides how long an absence tends to last. */
export function reasonCategory(reason: string | null): string | null {
  if (reason === null) return null;
  const r = reason.toLowerCase();
  if (r.startsWith("g league")) return "g_league";
  if (r.includes("suspension")) return "suspension";
  if (r.includes("personal")) return "personal";
  if (r.startsWith("injury/illness")) return /illness/.test(r.slice("injury/illness".length)) ? "illness" : "injury";
  return "other";
}

function gameDate(record: SourceRecord): string {
  const m = matchField(record, "date", US_DATE, "a date MM/DD/YYYY");
  const iso = `${m[3] ?? ""}-${m[1] ?? ""}-${m[2] ?? ""}`;
  if (!isIsoDate(iso)) throw new FieldError("date", record.date, "expected a real calendar date MM/DD/YYYY");
  return iso;
}

function optionalString(record: SourceRecord, field: string): string | null {
  const v = record[field];
  if (v === null || v === undefined || v === "") return null;
  if (typeof v !== "string") throw new FieldError(field, v, "expected a string or nothing");
  return v.trim();
}

interface ReportFacts {
  readonly reportDate: string;
  readonly reportHour: number;
  readonly runId: string | null;
}

function toRow(record: SourceRecord, report: ReportFacts, context: RawParseContext): InjuryRow {
  const date = gameDate(record);
  const matchup = matchField(record, "matchup", MATCHUP, "AWAY@HOME tricodes (MIL@SAS)");
  const away = tricodeValue("matchup", matchup[1]);
  const home = tricodeValue("matchup", matchup[2]);
  const team = tricodeField(record, "team");
  if (team !== away && team !== home) throw new FieldError("team", record.team, `expected one of the matchup's teams ${away} or ${home}`);
  const published = stringField(record, "player");
  const name = reorderLastFirst(published);
  const lookup = playerLookup(name);
  if (!lookup) throw new FieldError("player", published, "normalises to an empty player key");
  const status = stringField(record, "status").toLowerCase();
  if (!STATUSES.has(status)) throw new FieldError("status", record.status, "expected Out, Doubtful, Questionable, Probable or Available");
  const confidence = record.confidence;
  if (confidence !== null && confidence !== undefined && (typeof confidence !== "number" || confidence < 0 || confidence > 1)) {
    throw new FieldError("confidence", confidence, "expected a number from 0 to 1");
  }
  const reason = optionalString(record, "reason");
  const row: Omit<InjuryRow, "data_hash"> = {
    report_date: report.reportDate,
    report_hour: report.reportHour,
    game_date: date,
    game_id: canonicalGameId(date, away, home),
    season_year: seasonYearForDate(date),
    game_time: optionalString(record, "gametime"),
    matchup: `${away}@${home}`,
    team,
    player_full_name: name,
    player_lookup: lookup,
    injury_status: status,
    reason,
    reason_category: reasonCategory(reason),
    confidence_score: typeof confidence === "number" ? confidence : null,
    report_run_id: report.runId,
    data_source: "nbac_injury_report",
    source_file_path: context.objectUri,
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, HASH_FIELDS) };
}

export function parseInjuryReport(payload: unknown, context: RawParseContext): RawParseResult {
  const envelope = injuryReportSchema.safeParse(payload);
  if (!envelope.success) throw envelopeError(context.source, envelope.error);
  const meta = envelope.data.metadata;
  const reportDate = `${meta.gamedate.slice(0, 4)}-${meta.gamedate.slice(4, 6)}-${meta.gamedate.slice(6, 8)}`;
  if (!isIsoDate(reportDate)) throw new ProcessorError("INPUT_INVALID", `${context.source}: payload field metadata.gamedate: ${meta.gamedate} is not a calendar date; nothing was written`);
  const reportHour = Number(meta.hour);
  if (reportHour > 23) throw new ProcessorError("INPUT_INVALID", `${context.source}: payload field metadata.hour: ${meta.hour} is not an hour 0-23; nothing was written`);
  const report: ReportFacts = { reportDate, reportHour, runId: meta.run_id ?? null };
  const items = envelope.data.records.map((record, index) => ({ record, index }));
  const describe = (i: (typeof items)[number]): string => `records[${i.index}] (${JSON.stringify(i.record.player)}, ${JSON.stringify(i.record.matchup)})`;
  const parsed = parseEach(items, context.source, describe, (i) => toRow(i.record, report, context));
  return { rows: parsed.rows, quarantined: parsed.quarantined, filtered: 0 };
}

export const nbacInjuryReportProcessor: RawProcessorDefinition = {
  name: "nbac_injury_report",
  table: nbacInjuryReport,
  scope: "date",
  parse: parseInjuryReport,
};
