/** Season helpers (DOMAIN §2): season_year is the start year; the label is "2024-25". */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function seasonYearForDate(gameDate: string): number {
  const m = DATE_RE.exec(gameDate);
  if (!m) throw new Error(`not a date YYYY-MM-DD: "${gameDate}"`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  return month >= 10 ? year : year - 1;
}

export function seasonLabel(seasonYear: number): string {
  return `${seasonYear}-${String((seasonYear + 1) % 100).padStart(2, "0")}`;
}

export function seasonYearFromLabel(label: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  if (!m) throw new Error(`not a season label like 2024-25: "${label}"`);
  const start = Number(m[1]);
  if ((start + 1) % 100 !== Number(m[2])) throw new Error(`season label "${label}" does not span consecutive years`);
  return start;
}
