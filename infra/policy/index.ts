export * from "./types";
export * from "./stack";
export * from "./suppressions";
export * from "./load";
export * from "./engine";
export * from "./policy-rules";
export * from "./rules";
