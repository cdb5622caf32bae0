import type { Command } from "commander";
import type { CliIo } from "../cli-io";
import { registerDrillCommand } from "./drill";
import { registerGateCommands } from "./gate";
import { registerInfraCommands } from "./infra-check";
import { registerPipelineCommand } from "./pipeline";
import { registerPlanReviewCommand } from "./plan-review";
import { registerQueryCommand } from "./query";
import { registerStatusCommand } from "./status";

/** Each command module registers itself on the program; one line here per command. */
export type CommandRegistration = (program: Command, io: CliIo) => void;

export const commandRegistrations: readonly CommandRegistration[] = [registerPipelineCommand, registerQueryCommand, registerInfraCommands, registerPlanReviewCommand, registerDrillCommand, registerStatusCommand, registerGateCommands];
