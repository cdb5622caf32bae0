export * from "./duration";
export * from "./labels";
export * from "./monitored-service";
export * from "./naming";
export * from "./partitioned-table";
export * from "./reliable-topic";
export * from "./scheduled-job";
export * from "./suppression";
