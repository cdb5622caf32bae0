/**
 * A config that does not parse or does not fit its strict schema: `source` names the file (or
 * the input), `problems` lists every bad key, and the message carries both.
 */
export abstract class ConfigError extends Error {
  abstract readonly code: string;
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
    what: string,
  ) {
    super(`${source}: invalid ${what}\n  ${problems.join("\n  ")}`);
  }
}
