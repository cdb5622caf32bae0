import { tableId } from "../catalog/define-table";
import { nbacPlayerBoxscores } from "../catalog/tables/nbac-player-boxscores";
import { rawProcessors } from "../processors/raw";
import type { RawProcessorDefinition } from "../processors/raw/raw-processor";
import { processorsFor } from "../processors/raw/raw-consumer";
import type { ScraperDefinition } from "../scrapers/base/scraper-definition";

/** Tables a raw processor reads besides its payload (the schedule comes from a season scraper, run before any date). */
function tablesRead(definition: RawProcessorDefinition): string[] {
  return definition.needsGamePlayers ? [tableId(nbacPlayerBoxscores)] : [];
}

function definitionsOf(scraper: ScraperDefinition): RawProcessorDefinition[] {
  return processorsFor(scraper.spec.name).flatMap((spec) => rawProcessors.filter((d) => d.name === spec.name));
}

/**
 * Date scrapers in waves: a wave's scrapers (with their raw processors) may run at the same time,
 * since none reads a table that another of the same or a later wave writes (play-by-play names
 * players by initials, so it waits for the box score players). Within a wave, the given order.
 */
export function scraperWaves(scrapers: readonly ScraperDefinition[]): ScraperDefinition[][] {
  const writers = new Map<string, ScraperDefinition[]>();
  for (const scraper of scrapers) for (const d of definitionsOf(scraper)) writers.set(tableId(d.table), [...(writers.get(tableId(d.table)) ?? []), scraper]);
  const waveOf = new Map<ScraperDefinition, number>();
  const visiting = new Set<ScraperDefinition>();
  const wave = (scraper: ScraperDefinition): number => {
    const known = waveOf.get(scraper);
    if (known !== undefined) return known;
    if (visiting.has(scraper)) throw new Error(`scraper ${scraper.spec.name}: its raw processors read, through other scrapers, a table they write`);
    visiting.add(scraper);
    const before = definitionsOf(scraper).flatMap(tablesRead).flatMap((table) => (writers.get(table) ?? []).filter((w) => w !== scraper));
    const level = Math.max(-1, ...before.map(wave)) + 1;
    visiting.delete(scraper);
    waveOf.set(scraper, level);
    return level;
  };
  const waves: ScraperDefinition[][] = [];
  for (const scraper of scrapers) (waves[wave(scraper)] ??= []).push(scraper);
  return waves.filter((w) => w !== undefined);
}
