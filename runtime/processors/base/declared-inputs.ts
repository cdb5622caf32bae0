import { tableId } from "../../catalog/define-table";
import type { ProducedRow, Row, RowOf } from "../../catalog/derive/row-type";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import type { TableSpec } from "../../catalog/types";
import { dataHash } from "../../domain/data-hash";
import { addDays } from "../../domain/et-date";
import { seasonYearForDate } from "../../domain/season";
import type { Warehouse } from "../../platform/ports/warehouse";
import { arrayParam, ident, identList, inArray, join, param, sql, tableRef, type SqlFragment } from "../../platform/sql/fragment";
import { emptyReasonFor } from "./empty-reason";
import { contentFields } from "./hash-fields";
import { ProcessorError } from "./processor-error";
import { readPartitions } from "./read-partition";
import { readWindow } from "./read-window";
import type { WorkOutput } from "./work-output";

export type ScheduleRow = ProducedRow<typeof nbacSchedule>;

/**
 * Which partitions of an input a run reads, relative to its date. `before` windows end the day
 * before (point in time: nothing from the run's own date leaks in).
 */
export type InputWindow =
  | { readonly kind: "day" }
  | { readonly kind: "days_before"; readonly days: number }
  | { readonly kind: "days_through"; readonly days: number }
  | { readonly kind: "season_before" }
  | { readonly kind: "season_through" };

/** A critical input below its threshold stops the run; a soft one lowers the rows' quality tier. */
export type Criticality = "critical" | "soft";

export interface DeclaredInput {
  readonly table: TableSpec;
  readonly window: InputWindow;
  /** Rows the window must hold: a fixed number, or so many per final game of the day's schedule. */
  readonly minRows: number | { readonly perFinalGame: number };
  /** Newest processed_at in the window may be at most this old (hours), when set. */
  readonly maxStalenessHours?: number;
  readonly criticality: Criticality;
}

export interface DependencyStatus {
  readonly input: string;
  readonly table: string;
  readonly from: string;
  readonly to: string;
  readonly rows: number;
  readonly required: number;
  readonly lastUpdated: string | null;
  readonly stale: boolean;
  readonly criticality: Criticality;
  readonly ok: boolean;
}

/** Rows of a declared input read for a whole range, with the partitions the read covered. */
export interface HeldRows {
  readonly from: string;
  readonly to: string;
  readonly rows: readonly Row[];
}

/**
 * Declared inputs of a range of run dates, by table id: a run of the range filters its own window
 * from them instead of reading it. Each is read once, when a run first asks for it.
 */
export interface PrefetchedInputs {
  held(tableId: string): Promise<HeldRows | undefined>;
}

export interface DayContext {
  readonly gameDate: string;
  readonly processedAt: string;
  /** The day's scheduled games, and the final ones among them: what expected rows come from. */
  readonly schedule: readonly ScheduleRow[];
  readonly finalGames: readonly ScheduleRow[];
  readonly dependencies: readonly DependencyStatus[];
  /** Inputs already read for the range this run belongs to (see prefetchDeclared). */
  readonly prefetched?: PrefetchedInputs;
}

export interface ProcessorResult<R extends Row = Row> {
  /** Rows without data_hash: the base hashes them over the table's content fields. */
  readonly rows: readonly Omit<R, "data_hash">[];
  /** Rows a complete day would have (from the schedule); fewer makes the run partial. */
  readonly expectedRows: number;
  /** What is missing against the schedule (e.g. `no player lines for 20250315_NYK_PHI`): partial. */
  readonly missing?: readonly string[];
  /** Failed input checks (a required input NULL for a whole team-game): the run fails, nothing is written. */
  readonly failedChecks?: readonly string[];
}

/**
 * A processor with declared inputs (phase 3 and 4): one short file. The base checks every input
 * before extracting, reads the day's schedule, hashes the rows and writes only what changed.
 */
export interface DeclaredInputsProcessor<Inputs, R extends Row = Row> {
  readonly name: string;
  readonly table: TableSpec;
  readonly inputs: Readonly<Record<string, DeclaredInput>>;
  /** Set-based reads for the day (a few statements, never one per game or player). */
  extract(warehouse: Warehouse, day: DayContext): Promise<Inputs>;
  /** Pure. */
  transform(inputs: Inputs, day: DayContext): ProcessorResult<R>;
}

/** First and last partition of a window for a run date. Seasons start on 1 October of their start year. */
export function windowRange(window: InputWindow, gameDate: string): { from: string; to: string } {
  const seasonStart = `${seasonYearForDate(gameDate)}-10-01`;
  switch (window.kind) {
    case "day":
      return { from: gameDate, to: gameDate };
    case "days_before":
      return { from: addDays(gameDate, -window.days), to: addDays(gameDate, -1) };
    case "days_through":
      return { from: addDays(gameDate, -window.days), to: gameDate };
    case "season_before":
      return { from: seasonStart, to: addDays(gameDate, -1) };
    case "season_through":
      return { from: seasonStart, to: gameDate };
  }
}

function partitionField(table: TableSpec): string {
  if (table.partitioning.kind !== "time") throw new Error(`declared input ${tableId(table)} is not partitioned by date`);
  return table.partitioning.field;
}

/** One statement for every input: rows and newest processed_at in each window. */
function dependencyQuery(inputs: readonly (readonly [string, DeclaredInput])[], gameDate: string): SqlFragment {
  const parts = inputs.map(([, input], i) => {
    const { from, to } = windowRange(input.window, gameDate);
    const field = ident(partitionField(input.table));
    return sql`SELECT ${param(`i${i}`, i, "INT64")} AS input_index, COUNT(*) AS row_count, MAX(processed_at) AS last_updated FROM ${tableRef(input.table)} WHERE ${field} >= ${param(`from${i}`, from, "DATE")} AND ${field} <= ${param(`to${i}`, to, "DATE")}`;
  });
  return join(parts, "\nUNION ALL\n");
}

function requiredRows(input: DeclaredInput, finalGames: number): number {
  return typeof input.minRows === "number" ? input.minRows : input.minRows.perFinalGame * finalGames;
}

/** Checks every declared input against its threshold and staleness; pure over the counts. */
export function judgeDependencies(
  inputs: readonly (readonly [string, DeclaredInput])[],
  counts: readonly { readonly rows: number; readonly lastUpdated: string | null }[],
  gameDate: string,
  finalGames: number,
  now: Date,
): DependencyStatus[] {
  return inputs.map(([name, input], i) => {
    const count = counts[i] ?? { rows: 0, lastUpdated: null };
    const required = requiredRows(input, finalGames);
    const stale =
      input.maxStalenessHours !== undefined && count.lastUpdated !== null && now.getTime() - Date.parse(count.lastUpdated) > input.maxStalenessHours * 3_600_000;
    const { from, to } = windowRange(input.window, gameDate);
    return { input: name, table: tableId(input.table), from, to, rows: count.rows, required, lastUpdated: count.lastUpdated, stale, criticality: input.criticality, ok: count.rows >= required && !stale };
  });
}

function describe(s: DependencyStatus): string {
  const window = s.from === s.to ? s.from : `${s.from}..${s.to}`;
  return s.stale ? `${s.table} (${window}) is stale: newest row ${s.lastUpdated}` : `${s.table} (${window}) has ${s.rows} rows, needs ${s.required}`;
}

const TIERS = ["gold", "silver", "bronze", "poor", "unusable"] as const;
const TIER_SCORE: Record<string, number> = { gold: 100, silver: 85, bronze: 70, poor: 50, unusable: 0 };

/** A degraded soft input lowers a row's tier one step, and its score to that tier's ceiling. */
export function lowerTier(row: Row): Row {
  const tier = row.data_quality_tier;
  if (typeof tier !== "string") return row;
  const next = TIERS[Math.min(TIERS.indexOf(tier as (typeof TIERS)[number]) + 1, TIERS.length - 1)] ?? "unusable";
  const score = typeof row.quality_score === "number" ? Math.min(row.quality_score, TIER_SCORE[next] ?? 0) : row.quality_score;
  return { ...row, data_quality_tier: next, quality_score: score };
}

/**
 * The rows of a declared input's window, read in one statement; none (and no statement) when the
 * dependency check already counted zero rows there.
 */
export async function readDeclared<T extends TableSpec>(warehouse: Warehouse, day: DayContext, input: string, table: T): Promise<RowOf<T>[]> {
  const status = day.dependencies.find((s) => s.input === input);
  if (!status || status.table !== tableId(table)) throw new Error(`${tableId(table)} is not the declared input "${input}"`);
  if (status.rows === 0) return [];
  const held = await day.prefetched?.held(status.table);
  if (held && held.from <= status.from && held.to >= status.to) {
    const field = partitionField(table);
    return held.rows.filter((r) => String(r[field]) >= status.from && String(r[field]) <= status.to) as RowOf<T>[];
  }
  return readWindow(warehouse, table, status.from, status.to);
}

/**
 * For a range run: each declared input whose window reaches beyond the run's own day (a season,
 * the last N days) read once over every window of the range's dates, one statement per table,
 * instead of once per date (which reads a season's history again for every date of the season).
 * The day's own partitions are read per date as before.
 */
export function prefetchDeclared(warehouse: Warehouse, inputs: Readonly<Record<string, DeclaredInput>>, dates: readonly string[]): Promise<PrefetchedInputs> {
  const spans = new Map<string, { table: TableSpec; from: string; to: string }>();
  for (const input of Object.values(inputs)) {
    if (input.window.kind === "day") continue;
    for (const date of dates) {
      const { from, to } = windowRange(input.window, date);
      const id = tableId(input.table);
      const span = spans.get(id);
      spans.set(id, { table: input.table, from: span && span.from < from ? span.from : from, to: span && span.to > to ? span.to : to });
    }
  }
  // Read on first use: an input the processor reads its own way (or not at all today) costs nothing.
  const reads = new Map<string, Promise<HeldRows>>();
  return Promise.resolve({
    held(id) {
      const span = spans.get(id);
      if (!span) return Promise.resolve(undefined);
      const read = reads.get(id) ?? readWindow(warehouse, span.table, span.from, span.to).then((rows) => ({ from: span.from, to: span.to, rows }));
      reads.set(id, read);
      return read;
    },
  });
}

/** Rows the dependency check counted in a declared input's window (0 for an undeclared one). */
export function rowsCounted(day: DayContext, input: string): number {
  return day.dependencies.find((s) => s.input === input)?.rows ?? 0;
}

function keyOf(table: TableSpec, row: Row): string {
  return table.key.map((k) => String(row[k])).join("\u0000");
}

/** The stored content hash of every key in the partitions about to be written (one statement). */
async function storedHashes(warehouse: Warehouse, table: TableSpec, partitions: readonly string[]): Promise<Map<string, string>> {
  const field = partitionField(table);
  const rows = await warehouse.query(
    sql`SELECT ${identList([...table.key, "data_hash"])} FROM ${tableRef(table)} WHERE ${inArray(sql`${ident(field)}`, arrayParam("partition_values", partitions, "DATE"))}`,
  );
  return new Map(rows.map((r) => [keyOf(table, r), String(r.data_hash)]));
}

/**
 * The work of one run of a declared-inputs processor, handed to runProcessor: schedule, input
 * checks (critical below threshold → DEPENDENCY_MISSING / DEPENDENCY_STALE, soft → lower tier),
 * extract, pure transform, hash, and only the rows whose content changed go to the MERGE.
 */
export async function declaredInputsWork<Inputs, R extends Row>(
  warehouse: Warehouse,
  processor: DeclaredInputsProcessor<Inputs, R>,
  gameDate: string,
  now: Date,
  prefetched?: PrefetchedInputs,
): Promise<WorkOutput> {
  const schedule = await readPartitions(warehouse, nbacSchedule, [gameDate]);
  const finalGames = schedule.filter((g) => g.game_status === 3);
  const entries = Object.entries(processor.inputs);
  // The output's own partition rides along: when it is empty there are no stored hashes to read.
  const output: DeclaredInput = { table: processor.table, window: { kind: "day" }, minRows: 0, criticality: "soft" };
  const counts = await warehouse.query(dependencyQuery([...entries, ["output", output]], gameDate));
  const outputRows = Number(counts.find((c) => Number(c.input_index) === entries.length)?.row_count ?? 0);
  const byIndex = new Map(counts.map((c) => [Number(c.input_index), { rows: Number(c.row_count), lastUpdated: typeof c.last_updated === "string" ? c.last_updated : null }]));
  const statuses = judgeDependencies(
    entries,
    entries.map((_, i) => byIndex.get(i) ?? { rows: 0, lastUpdated: null }),
    gameDate,
    finalGames.length,
    now,
  );
  const blocking = statuses.filter((s) => !s.ok && s.criticality === "critical");
  if (blocking.length > 0) {
    const code = blocking.every((s) => s.stale) ? "DEPENDENCY_STALE" : "DEPENDENCY_MISSING";
    throw new ProcessorError(code, `${processor.name} for ${gameDate} blocked by its critical inputs: ${blocking.map(describe).join("; ")}; nothing was read or written`);
  }
  const degraded = statuses.filter((s) => !s.ok && s.criticality === "soft");
  const day: DayContext = { gameDate, processedAt: now.toISOString(), schedule, finalGames, dependencies: statuses, ...(prefetched ? { prefetched } : {}) };
  const result = processor.transform(await processor.extract(warehouse, day), day);
  if (result.failedChecks && result.failedChecks.length > 0) {
    throw new ProcessorError("INPUT_INCOMPLETE", `${result.failedChecks.join("; ")}; nothing was written`);
  }
  const fields = contentFields(processor.table);
  const rows: Row[] = result.rows.map((r) => {
    const row: Row = degraded.length > 0 ? lowerTier(r) : r;
    return { ...row, data_hash: dataHash(row, fields) };
  });
  const partitions = [...new Set(rows.map((r) => String(r[partitionField(processor.table)])))];
  const onlyThisDay = partitions.every((p) => p === gameDate);
  const stored = rows.length === 0 || (onlyThisDay && outputRows === 0) ? new Map<string, string>() : await storedHashes(warehouse, processor.table, partitions);
  const changed = rows.filter((r) => stored.get(keyOf(processor.table, r)) !== r.data_hash);
  const notes = [...(result.missing ?? []), ...degraded.map((s) => `soft input ${describe(s)}`)];
  return {
    rows: changed,
    quarantined: [],
    rowsUnchanged: rows.length - changed.length,
    expectedRows: result.expectedRows,
    incompleteReason: (result.missing ?? []).length > 0 ? notes.join("; ") : undefined,
    emptyReason: rows.length === 0 ? emptyReasonFor({ games: schedule.length, finalGames: finalGames.length }) : undefined,
    metadata: {
      dependency_check_passed: true,
      degraded_inputs: degraded.map((s) => s.input),
      ...(notes.length > 0 ? { notes } : {}),
    },
  };
}
