/** Time, injectable so tests and replays can pin "now". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(instant: string | Date): Clock {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new Error(`fixedClock: invalid instant "${String(instant)}"`);
  return { now: () => new Date(at.getTime()) };
}
