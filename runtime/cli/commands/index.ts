import type { Command } from "commander";
import type { CliIo } from "../cli-io";
import { registerAlertsCommands } from "./alerts";
import { registerDrillCommand } from "./drill";
import { registerGateCommands } from "./gate";
import { registerInfraCommands } from "./infra-check";
import { registerMonitorCommand } from "./monitor";
import { registerPipelineCommand } from "./pipeline";
import { registerPlanReviewCommand } from "./plan-review";
import { registerQueryCommand } from "./query";
import { registerScrapeCommand } from "./scrape";
import { registerServeCommand } from "./serve";
import { registerDescribeCommand } from "./describe";
import { registerResetCommand } from "./reset";
import { registerRunsCommand } from "./runs";
import { registerTablesCommand } from "./tables";
import { registerVersionCommand } from "./version";
import { registerValidateCommand } from "./validate";
import { registerStatusCommand } from "./status";
import { registerQuarantineCommand } from "./quarantine";

/**
 * Each command module registers itself on the program; one line here per command.
 *
 * Registration stays light: a command module imports only commander, zod and small helpers at
 * the top, and loads what its action needs (DuckDB, the pipeline, GCP clients, infra/) inside the
 * action. `nba-props --help` then loads none of it, and the runtime image, which carries no
 * infra/, never imports infra/ unless `infra check` or `plan-review` runs. The CLI runs as
 * CommonJS through tsx, where `await import()` of a .ts file fails, so the lazy loads are
 * `const { x }: typeof import("m") = require("m")`: typed, resolved only when called, and
 * destructured where they are required so knip still sees which exports are used.
 */
export type CommandRegistration = (program: Command, io: CliIo) => void;

export const commandRegistrations: readonly CommandRegistration[] = [
  registerPipelineCommand,
  registerQueryCommand,
  registerInfraCommands,
  registerPlanReviewCommand,
  registerDrillCommand,
  registerServeCommand,
  registerRunsCommand,
  registerTablesCommand,
  registerDescribeCommand,
  registerResetCommand,
  registerVersionCommand,
  registerMonitorCommand,
  registerScrapeCommand,
  registerAlertsCommands,
  registerValidateCommand,
  registerGateCommands,
  registerStatusCommand,
  registerQuarantineCommand,
];
