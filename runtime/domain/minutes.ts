/**
 * Minutes in every source format (DOMAIN §1.9). Never coerces: a value that is not one of the
 * known shapes is an error the caller turns into a quarantined record.
 */
export type ParsedMinutes = { readonly played: false } | { readonly played: true; readonly decimal: number; readonly text: string };

export class MinutesFormatError extends Error {
  readonly code = "MINUTES_FORMAT";
  constructor(readonly value: unknown) {
    super(`minutes value ${JSON.stringify(value)} is not MM:SS, a whole number or empty`);
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function fromParts(minutes: number, seconds: number): ParsedMinutes {
  return { played: true, decimal: round2(minutes + seconds / 60), text: `${minutes}:${String(seconds).padStart(2, "0")}` };
}

export function parseMinutes(value: unknown): ParsedMinutes {
  if (value === null || value === undefined || value === "" || value === "-") return { played: false };
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0) throw new MinutesFormatError(value);
    return value === 0 ? { played: false } : fromParts(value, 0);
  }
  if (typeof value !== "string") throw new MinutesFormatError(value);
  const trimmed = value.trim();
  // boxscoretraditionalv2 has served whole minutes with a decimal tail ("36.000000:05"): same value.
  const mmss = /^(\d{1,3})(?:\.0+)?:([0-5]\d)(?:\.\d+)?$/.exec(trimmed);
  if (mmss) {
    const minutes = Number(mmss[1]);
    const seconds = Number(mmss[2]);
    return minutes === 0 && seconds === 0 ? { played: false } : fromParts(minutes, seconds);
  }
  if (/^\d{1,3}$/.test(trimmed)) {
    const minutes = Number(trimmed);
    return minutes === 0 ? { played: false } : fromParts(minutes, 0);
  }
  throw new MinutesFormatError(value);
}
