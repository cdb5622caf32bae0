import type { Command } from "commander";

/** Each command module registers itself on the program; one line here per command. */
export type CommandRegistration = (program: Command) => void;

export const commandRegistrations: readonly CommandRegistration[] = [];
