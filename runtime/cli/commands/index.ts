import type { Command } from "commander";
import type { CliIo } from "../cli-io";
import { registerDrillCommand } from "./drill";
import { registerInfraCommands } from "./infra-check";
import { registerPipelineCommand } from "./pipeline";
import { registerPlanReviewCommand } from "./plan-review";
import { registerQueryCommand } from "./query";
import { registerValidateCommand } from "./validate";

/** Each command module registers itself on the program; one line here per command. */
export type CommandRegistration = (program: Command, io: CliIo) => void;

export const commandRegistrations: readonly CommandRegistration[] = [registerPipelineCommand, registerQueryCommand, registerInfraCommands, registerPlanReviewCommand, registerDrillCommand, registerValidateCommand];
