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
 * label. The newest file by name wins (captures are named by time); a per-game scraper's folder
 * holds one file per game and serves them all.
 */
export class ReplaySource implements PayloadSource {
  readonly kind = "replay";
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  async fetch(scraper: ScraperDefinition, scope: ScrapeScope): Promise<FetchedPayload> {
    const folder = join(this.dir, scraper.spec.name, scope.key);
    let names: string[];
    try {
      names = (await readdir(folder)).filter((n) => PAYLOAD_FILE.test(n)).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") names = [];
      else throw new ScrapeError("SOURCE_FAILED", `cannot read replay folder ${folder}: ${String(err)}`);
    }
    const newest = names.at(-1);
    if (!newest) throw new ScrapeError("REPLAY_MISSING", `no replay payload for ${scraper.spec.name} ${scope.key}: ${folder} has no *.json or *.json.gz file`);
    // A per-game source keeps one file per game: the date's payload is all of them, in name order.
    if (scraper.perGame) {
      const texts = await Promise.all(names.map((name) => readPayload(join(folder, name))));
      return { text: `[${texts.join(",")}]`, origin: `${folder}/{${names.join(",")}}` };
    }
    const file = join(folder, newest);
    return { text: await readPayload(file), origin: file };
  }
}

async function readPayload(file: string): Promise<string> {
  const bytes = await readFile(file);
  try {
    return file.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
  } catch (err) {
    throw new ScrapeError("PAYLOAD_NOT_JSON", `${file}: not a readable gzip file (${errorMessage(err)})`);
  }
}
