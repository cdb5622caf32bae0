/**
 * A Retry-After header in milliseconds from `now`: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Anything else is ignored (undefined), so a malformed header falls back to the configured backoff.
 */
export function parseRetryAfter(header: string | string[] | undefined, now: Date): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
