import type { Command } from "commander";
import type { CliIo } from "../cli-io";
import { registerDrillCommand } from "./drill";
import { registerInfraCommands } from "./infra-check";
import { registerMonitorCommand } from "./monitor";
import { registerPipelineCommand } from "./pipeline";
import { registerPlanReviewCommand } from "./plan-review";
import { registerQueryCommand } from "./query";
import { registerServeCommand } from "./serve";
import { registerDescribeCommand } from "./describe";
import { registerResetCommand } from "./reset";
import { registerRunsCommand } from "./runs";
import { registerTablesCommand } from "./tables";
import { registerVersionCommand } from "./version";

/** Each command module registers itself on the program; one line here per command. */
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
];
