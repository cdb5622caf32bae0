import { z } from "zod";

/**
 * Checks are data (STYLE.md, data quality): a table's config lists its checks, each with a kind,
 * a threshold, a severity, whether it blocks, when its data is due and the command that repairs
 * it. Every key is strict: a key nobody reads is an error, never silently ignored.
 */

export const SEVERITIES = ["info", "warning", "error", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, "a lowercase column or check name (letters, digits, '_')");

/**
 * When the data a check judges is due, in America/New_York terms. Games come from the schedule
 * (`nba_raw.nbac_schedule`) in the date window: a game counts only once it is due, so data not
 * yet due reports `not_due` instead of `fail` (RELIABILITY row 9).
 */
export const dueRuleSchema = z.discriminatedUnion("after", [
  z.strictObject({
    after: z.literal("game_start").describe("due `hours` after the scheduled tip (any status)"),
    hours: z.number().min(0).max(240),
  }),
  z.strictObject({
    after: z.literal("game_final").describe("due once the game is Final (status 3) and `hours` have passed since tip"),
    hours: z.number().min(0).max(240),
  }),
  z.strictObject({
    after: z.literal("next_day_et").describe("due at `at` (HH:MM, ET) on the day after the game date, for Final games"),
    at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM in America/New_York"),
  }),
  z.strictObject({ after: z.literal("always").describe("not tied to the schedule: every row present is judged") }),
  z.strictObject({
    after: z.literal("never").describe("nothing writes this data yet: checks are not_due unless rows exist"),
    reason: z.string().min(1),
  }),
]);
export type DueRule = z.infer<typeof dueRuleSchema>;

const common = {
  key: identifier.describe("check name, unique within the table (teams_per_game, ...)"),
  description: z.string().min(1).optional(),
  severity: z.enum(SEVERITIES),
  blocking: z.boolean().describe("a failure blocks the next phase"),
  max_failures: z.number().int().min(0).default(0).describe("violating rows tolerated before the check fails"),
  due: dueRuleSchema.optional().describe("overrides the table's due rule"),
  remediation: z.string().min(1).optional().describe("overrides the table's remediation command"),
};

const rowsPerGroup = z.strictObject({
  ...common,
  kind: z.literal("rows_per_group"),
  group_by: z.array(identifier),
  count_distinct: identifier.optional().describe("column whose distinct values are counted per group; rows are counted when absent"),
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(0).optional(),
});

const uniqueKey = z.strictObject({ ...common, kind: z.literal("unique_key"), columns: z.array(identifier).min(1) });

const notNullRate = z.strictObject({
  ...common,
  kind: z.literal("not_null_rate"),
  column: identifier,
  max_null_rate: z.number().min(0).max(1),
});

const valueBounds = z.strictObject({
  ...common,
  kind: z.literal("value_bounds"),
  column: identifier,
  min: z.number().optional(),
  max: z.number().optional(),
});

export const NAMED_VALUE_LISTS = ["nba_teams"] as const;

const allowedValues = z.strictObject({
  ...common,
  kind: z.literal("allowed_values"),
  column: identifier,
  values: z.array(z.string()).min(1).optional(),
  values_from: z.enum(NAMED_VALUE_LISTS).optional().describe("a named list: nba_teams = the 30 tricodes"),
  allow_null: z.boolean().default(false),
});

const completeness = z.strictObject({
  ...common,
  kind: z.literal("completeness"),
  reference: z.enum(["schedule_games", "schedule_team_games"]).describe("due schedule games, or each side of them"),
  game_column: identifier.default("game_id").describe("this table's canonical game id column"),
  team_column: identifier.optional().describe("this table's team column (schedule_team_games)"),
  min_rows: z.number().int().min(1).default(1),
});

const crossEquality = z.strictObject({
  ...common,
  kind: z.literal("cross_equality"),
  reference: z.literal("schedule_team_scores").describe("each side's final score in the schedule"),
  game_column: identifier.default("game_id"),
  team_column: identifier,
  sum: identifier.describe("summed per team-game and compared with the reference"),
  tolerance: z.number().min(0).default(0),
});

const freshness = z.strictObject({
  ...common,
  kind: z.literal("freshness"),
  max_lag_days: z.number().int().min(0).describe("days the newest row may trail the newest due game date"),
});

const distributionDrift = z.strictObject({
  ...common,
  kind: z.literal("distribution_drift"),
  column: identifier,
  baseline_days: z.number().int().min(1).max(365).describe("days before the window that form the baseline"),
  max_relative_change: z.number().min(0).describe("|mean(window) - mean(baseline)| / |mean(baseline)|"),
});

const arrayPopulated = z
  .strictObject({
    ...common,
    kind: z.literal("array_populated"),
    column: identifier.describe("an array column holding, per element, where its value came from (ml_feature_store_v2.feature_sources)"),
    names_column: identifier.optional().describe("an array column naming each element, shown in the failing keys"),
    length: z.number().int().min(1).max(200).describe("elements judged: indexes 0..length-1"),
    populated_values: z.array(z.string().min(1)).min(1).describe("element values that count as populated"),
    exempt_values: z.array(z.string().min(1)).default([]).describe("element values left out of the share (not due yet: no history, nothing posted)"),
    min_populated_rows: z.number().int().min(1).optional().describe("per date and element, fewer populated rows than this fails (1 = 0% populated)"),
    min_populated_share: z.number().gt(0).max(1).optional().describe("per date and element, a lower populated share of the judged rows fails"),
  })
  .refine((c) => c.min_populated_rows !== undefined || c.min_populated_share !== undefined, { message: "array_populated needs min_populated_rows or min_populated_share" });

const customSql = z.strictObject({
  ...common,
  kind: z.literal("custom_sql"),
  sql: z
    .string()
    .min(1)
    .describe("a SELECT returning one row per violation with a `failing_key` column (and optionally `failing_date`); placeholders {table}, {from}, {to}, {ref:dataset.table}"),
});

export const checkSpecSchema = z.discriminatedUnion("kind", [
  rowsPerGroup,
  uniqueKey,
  notNullRate,
  valueBounds,
  allowedValues,
  completeness,
  crossEquality,
  freshness,
  distributionDrift,
  arrayPopulated,
  customSql,
]);
export type CheckSpec = z.infer<typeof checkSpecSchema>;
export type CheckKind = CheckSpec["kind"];

export const tableConfigSchema = z.strictObject({
  table: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, "dataset.table"),
  description: z.string().min(1).optional(),
  date_column: identifier.nullable().optional().describe("column the date window applies to; default the partition field, null for the whole table"),
  due: dueRuleSchema.describe("when this table's data is due (default for its checks)"),
  remediation: z.string().min(1).describe("the nba-props command that repairs this table; placeholders {first_date} {last_date} {source} {data_dir}"),
  checks: z.array(checkSpecSchema).min(1),
});
export type TableConfig = z.infer<typeof tableConfigSchema>;

/** Kinds judged against due schedule games: with nothing due they are `not_due`, never `fail`. */
export const SCHEDULE_KINDS: ReadonlySet<CheckKind> = new Set(["completeness", "cross_equality", "freshness"]);
