import type { Command } from "commander";
import { z } from "zod";
import type { SynthesizedStack } from "../../../infra/policy";
import type { RecordedPlan } from "../../../infra/review";
import { processIo, type CliIo } from "../cli-io";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "../exit-codes";

const FLAGS: Readonly<Record<string, string>> = { base: "--base", head: "--head", plan: "--plan", stack: "--stack", format: "--format", failOn: "--fail-on" };

const optionsSchema = z
  .object({
    base: z.string().min(1, "needs a directory").optional(),
    head: z.string().min(1, "needs a directory"),
    plan: z.string().min(1, "needs a file").optional(),
    stack: z.string().min(1, "needs a stack name").optional(),
    format: z.enum(["md", "json"], { error: (issue) => `must be md or json, got ${JSON.stringify(issue.input)}` }),
    failOn: z.enum(["high", "medium", "never"], { error: (issue) => `must be high, medium or never, got ${JSON.stringify(issue.input)}` }),
  })
  .refine((o) => o.base !== undefined || o.plan !== undefined, { path: ["base"], message: "is required unless --plan is given (the base branch's cdktf.out)" });

type PlanReviewOptions = z.output<typeof optionsSchema>;

function parseOptions(raw: unknown): PlanReviewOptions {
  const result = optionsSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = typeof issue?.path[0] === "string" ? issue.path[0] : "";
  throw new UsageError(`${FLAGS[key] ?? "options"} ${issue?.message ?? "are invalid"}`);
}

function loadStacks(flag: string, dir: string): SynthesizedStack[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- infra/ loads only when the command runs: the image carries none of it (runtime/cli/commands/index.ts)
  const { SynthOutputMissingError, loadSynthesizedStacks }: typeof import("../../../infra/policy") = require("../../../infra/policy");
  try {
    return loadSynthesizedStacks(dir);
  } catch (err) {
    if (err instanceof SynthOutputMissingError) throw new UsageError(`${flag}: ${err.message}`);
    throw err;
  }
}

function loadPlan(options: PlanReviewOptions): RecordedPlan | undefined {
  if (options.plan === undefined) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- infra/ loads only when the command runs: the image carries none of it (runtime/cli/commands/index.ts)
  const { PlanFormatError, readPlanFile }: typeof import("../../../infra/review") = require("../../../infra/review");
  try {
    const plan = readPlanFile(options.plan);
    return options.stack === undefined ? { plan } : { plan, stack: options.stack };
  } catch (err) {
    if (err instanceof PlanFormatError) throw new UsageError(err.message);
    throw err;
  }
}

function runPlanReview(raw: unknown, io: CliIo): void {
  const options = parseOptions(raw);
  const head = loadStacks("--head", options.head);
  const base = options.base === undefined ? undefined : loadStacks("--base", options.base);
  const plan = loadPlan(options);
  // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- infra/ loads only when the command runs: the image carries none of it (runtime/cli/commands/index.ts)
  const { PlanStackError, failsReview, planReview, renderJson, renderMarkdown }: typeof import("../../../infra/review") = require("../../../infra/review");
  let review;
  try {
    review = planReview({ head, ...(base ? { base } : {}), ...(plan ? { plan } : {}) });
  } catch (err) {
    if (err instanceof PlanStackError) throw new UsageError(err.message);
    throw err;
  }
  io.stdout.write(options.format === "json" ? renderJson(review) : renderMarkdown(review));
  process.exitCode = failsReview(review, options.failOn) ? EXIT_FAILURE : EXIT_OK;
}

/**
 * `nba-props plan-review --base DIR --head DIR [--plan plan.json] [--stack NAME] [--format md|json]
 * [--fail-on high|medium|never]`: what a change to the stacks does and what it puts at risk.
 */
export function registerPlanReviewCommand(program: Command, io: CliIo = processIo): void {
  program
    .command("plan-review")
    .description(
      "Compare two synthesized outputs (cdktf.out) and optionally a `terraform show -json` plan: resources created, updated, replaced and destroyed, risky changes and the head's policy violations. Exits 1 when --fail-on is reached.",
    )
    .option("--base <dir>", "synthesized output of the base branch (required unless --plan is given)")
    .requiredOption("--head <dir>", "synthesized output of the change under review")
    .option("--plan <file>", "a `terraform show -json` plan for one stack; replaces the synthesized comparison for that stack")
    .option("--stack <name>", "the stack --plan was made for (default: inferred from the plan's project)")
    .option("--format <format>", "md (a pull-request comment) or json ({verdict, counts, findings})", "md")
    .option("--fail-on <risk>", "exit 1 on a finding of this risk or higher: high, medium or never", "high")
    .action((options: unknown) => runPlanReview(options, io));
}
