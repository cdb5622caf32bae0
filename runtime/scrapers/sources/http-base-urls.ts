import { SOURCE_FAMILIES, type SourceFamily } from "../config/scrapers-config";

const PREFIX = "NBA_PROPS_HTTP_BASE_URL_";

/**
 * Origins that replace a live source's real host, from `NBA_PROPS_HTTP_BASE_URL_<SOURCE>` (e.g.
 * `..._NBA_STATS=http://127.0.0.1:8081`): an egress proxy or mirror, or a test server. Strict: a
 * variable naming no source, or a value that is not an http(s) origin, is an error naming it.
 */
export function httpBaseUrlsFromEnv(env: Readonly<Record<string, string | undefined>>): Partial<Record<SourceFamily, string>> {
  const urls: Partial<Record<SourceFamily, string>> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(PREFIX) || value === undefined) continue;
    const family = SOURCE_FAMILIES.find((f) => f.toUpperCase() === name.slice(PREFIX.length));
    if (!family) {
      problems.push(`${name} names no source (known: ${SOURCE_FAMILIES.map((f) => PREFIX + f.toUpperCase()).join(", ")})`);
      continue;
    }
    const url = URL.canParse(value) ? new URL(value) : null;
    if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search !== "") problems.push(`${name} is malformed: expected an http(s) origin such as http://127.0.0.1:8081 (got "${value}")`);
    else urls[family] = url.origin;
  }
  if (problems.length > 0) throw new Error(problems.join("; "));
  return urls;
}
