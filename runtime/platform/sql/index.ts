export * from "./fragment";
export * from "./dialect";
export * from "./render";
export * from "./merge";
export * from "./select";
