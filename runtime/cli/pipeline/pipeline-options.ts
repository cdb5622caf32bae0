import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { daysBetween, dateRange } from "../../domain/et-date";
import { errorMessage } from "../../domain/error-message";
import { resolveDate } from "../../domain/resolve-date";
import type { Backend } from "../../platform/open-platform";
import { resolveBackend } from "../backend-option";
import { dataDirFlag, defaultDataDir } from "../data-dir";
import { UsageError } from "../exit-codes";
import { MAX_DAYS, SEASON_DAYS } from "./pipeline-limits";
import { assertServable, replayServableDates, simServableDates } from "./servable-dates";
import { parseFlags } from "../parse-flags";


const optionsSchema = z.strictObject({
  date: z.string(),
  to: z.string().optional(),
  source: z.enum(["sim", "replay"]),
  replayDir: z.string().optional(),
  dataDir: z.string().min(1).optional(),
  until: z.enum(["raw", "analytics", "precompute"]),
  seed: z.string().regex(/^\d{1,9}$/, "expected a whole number"),
  yes: z.boolean().optional(),
  analyticsBatch: z.string().regex(/^[1-9]\d{0,2}$/, "expected a whole number from 1 to 999").optional(),
  backend: z.string().optional(),
  json: z.boolean().optional(),
});

export interface PipelineCommandOptions {
  readonly dates: string[];
  readonly source: "sim" | "replay";
  readonly replayDir: string | null;
  readonly dataDir: string;
  readonly until: "raw" | "analytics" | "precompute";
  readonly seed: number;
  /** Triggered dates whose phase 3 runs as one range run (1: date by date). */
  readonly analyticsBatch: number;
  readonly backend: Backend;
  readonly json: boolean;
}

/** Every flag checked before anything runs: bad input exits 2 naming the flag and what to do. */
export function resolvePipelineOptions(raw: unknown, now: Date): PipelineCommandOptions {
  const o = parseFlags(optionsSchema, raw);
  const backend = resolveBackend(o.backend);
  // Real and invented data never mix: the generator only ever writes a local data dir.
  if (backend === "gcp" && o.source === "sim") throw new UsageError("--backend gcp needs --source replay: the sim source invents data");
  if (o.source === "replay") {
    if (!o.replayDir) throw new UsageError("--source replay needs --replay-dir DIR (a folder laid out as <scraper>/<key>/*.json[.gz])");
    if (!existsSync(o.replayDir) || !statSync(o.replayDir).isDirectory()) throw new UsageError(`--replay-dir ${o.replayDir}: no such directory`);
  } else if (o.replayDir) {
    throw new UsageError("--replay-dir is only used with --source replay");
  }
  const servable = o.source === "replay" && o.replayDir ? replayServableDates(resolve(o.replayDir)) : simServableDates();
  const dateOf = (flag: string, value: string): string => {
    let date: string;
    try {
      date = resolveDate(value, now);
    } catch (err) {
      throw new UsageError(`${flag}: ${errorMessage(err)}`);
    }
    assertServable(flag, date, servable);
    return date;
  };
  const from = dateOf("--date", o.date);
  const to = o.to === undefined ? from : dateOf("--to", o.to);
  if (to < from) throw new UsageError(`--to ${to} is before --date ${from}`);
  const days = daysBetween(from, to) + 1;
  if (days > MAX_DAYS) throw new UsageError(`--date ${from} --to ${to} covers ${days} days; at most ${MAX_DAYS} per run: split the range`);
  if (days > SEASON_DAYS && !o.yes) throw new UsageError(`--date ${from} --to ${to} covers ${days} days, more than a season (${SEASON_DAYS}); add --yes if you mean it`);
  const dates = dateRange(from, to);
  for (const date of dates) assertServable(date === from ? "--date" : "--to range, date", date, servable);
  return {
    dates,
    source: o.source,
    replayDir: o.replayDir ? resolve(o.replayDir) : null,
    dataDir: dataDirFlag(o.dataDir ?? defaultDataDir(o.source)),
    until: o.until,
    seed: Number(o.seed),
    analyticsBatch: Number(o.analyticsBatch ?? 1),
    backend,
    json: o.json ?? false,
  };
}
