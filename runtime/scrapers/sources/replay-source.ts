import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { ScrapeError } from "../base/scrape-error";
import type { ScrapeScope, ScraperDefinition } from "../base/scraper-definition";
import type { FetchedPayload, PayloadSource } from "./payload-source";
import { errorMessage } from "../../domain/error-message";

const PAYLOAD_FILE = /\.json(\.gz)?$/;

/**
 * Captured payloads laid out as `<dir>/<scraper>/<key>/*.json[.gz]`, key = ET date or season
 * label. The newest file by name wins (captures are named by time); a scraper captured one file
 * per event (`replayFiles: "every"`) gets every file of the folder, in name order, as one JSON array.
 */
export class ReplaySource implements PayloadSource {
  readonly kind = "replay";
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  async holds(scraper: ScraperDefinition, scope: ScrapeScope): Promise<boolean> {
    return (await payloadFiles(join(this.dir, scraper.spec.name, scope.key))).length > 0;
  }

  async fetch(scraper: ScraperDefinition, scope: ScrapeScope): Promise<FetchedPayload> {
    const folder = join(this.dir, scraper.spec.name, scope.key);
    const names = await payloadFiles(folder);
    const newest = names.at(-1);
    if (!newest) throw new ScrapeError("REPLAY_MISSING", `no replay payload for ${scraper.spec.name} ${scope.key}: ${folder} has no *.json or *.json.gz file`);
    if (scraper.replayFiles !== "every") {
      const file = join(folder, newest);
      return { text: await readText(file), origin: file };
    }
    const items: unknown[] = [];
    for (const name of names) {
      const file = join(folder, name);
      const text = await readText(file);
      try {
        items.push(JSON.parse(text));
      } catch (err) {
        throw new ScrapeError("PAYLOAD_NOT_JSON", `${file}: not valid JSON (${errorMessage(err)})`);
      }
    }
    return { text: JSON.stringify(items), origin: names.length === 1 ? join(folder, newest) : `${folder}/{${names.join(",")}}` };
  }
}

async function payloadFiles(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((n) => PAYLOAD_FILE.test(n)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new ScrapeError("SOURCE_FAILED", `cannot read replay folder ${folder}: ${String(err)}`);
  }
}

async function readText(file: string): Promise<string> {
  const bytes = await readFile(file);
  try {
    return file.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
  } catch (err) {
    throw new ScrapeError("PAYLOAD_NOT_JSON", `${file}: not a readable gzip file (${errorMessage(err)})`);
  }
}
