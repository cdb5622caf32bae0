import type { AlertMessage } from "../alert-message";

/** Subject line shared by every channel. */
export function alertSubject(m: AlertMessage): string {
  return `[nba-props ${m.severity.toUpperCase()}] ${m.title}`;
}

/** Plain-text body: detail, key, context and links, and the alert id for tracing a delivery. */
export function alertBody(m: AlertMessage): string {
  const context = Object.entries(m.context).map(([k, v]) => `  ${k}: ${v === null ? "null" : String(v)}`);
  return [
    m.detail,
    "",
    `key: ${m.source} / ${m.category}${m.scope ? ` / ${m.scope}` : ""}`,
    ...(m.kind === "summary" ? [`repeats: ${m.count} between ${m.first_at} and ${m.last_at}`] : [`at: ${m.first_at}`]),
    ...(context.length > 0 ? ["context:", ...context] : []),
    ...m.links.map((l) => `link: ${l}`),
    `alert_id: ${m.id}`,
  ].join("\n");
}
