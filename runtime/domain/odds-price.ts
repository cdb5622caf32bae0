/**
 * Betting prices (DOMAIN §1.6): captures carry decimal (1.91) or American (-115) odds; both are
 * stored. Decimal to American: d >= 2 gives +100(d-1), else -100/(d-1).
 */
export interface Price {
  readonly decimal: number;
  readonly american: number;
}

export function americanFromDecimal(decimal: number): number {
  if (!(decimal > 1)) throw new RangeError(`a decimal price is above 1, got ${decimal}`);
  return decimal >= 2 ? Math.round(100 * (decimal - 1)) : Math.round(-100 / (decimal - 1));
}

export function decimalFromAmerican(american: number): number {
  if (!Number.isFinite(american) || Math.abs(american) < 100) throw new RangeError(`an American price is <= -100 or >= 100, got ${american}`);
  const d = american > 0 ? 1 + american / 100 : 1 + 100 / -american;
  return Math.round(d * 1000) / 1000;
}

/**
 * Either format, told apart by range: decimal prices lie in (1, 100), American ones at or beyond
 * +/-100. Null when the number is neither.
 */
export function priceOf(value: number): Price | null {
  if (!Number.isFinite(value)) return null;
  if (value > 1 && value < 100) return { decimal: value, american: americanFromDecimal(value) };
  if (Math.abs(value) >= 100 && Number.isInteger(value)) return { decimal: decimalFromAmerican(value), american: value };
  return null;
}
