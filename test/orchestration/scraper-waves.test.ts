import { scraperDefinitions } from "../../runtime/scrapers";
import { scraperWaves } from "../../runtime/orchestration/scraper-waves";

describe("scraperWaves", () => {
  const dateScrapers = scraperDefinitions.filter((s) => s.spec.scope === "date");
  const waves = scraperWaves(dateScrapers);
  const waveOf = (name: string): number => waves.findIndex((w) => w.some((s) => s.spec.name === name));

  test("every date scraper is in exactly one wave, and no season scraper is", () => {
    const names = waves.flat().map((s) => s.spec.name);
    expect([...names].sort()).toEqual(dateScrapers.map((s) => s.spec.name).sort());
    expect(names).not.toContain("nbac_schedule");
  });

  test("play-by-play, which names players by initials, comes after the box score players it resolves them against", () => {
    expect(waveOf("nbac_player_boxscore")).toBe(0);
    expect(waveOf("nbac_play_by_play")).toBe(1);
  });

  test("scrapers whose raw processors read no other date's table share the first wave, in the given order", () => {
    const first = waves[0]?.map((s) => s.spec.name) ?? [];
    expect(first).toEqual(dateScrapers.map((s) => s.spec.name).filter((n) => n !== "nbac_play_by_play"));
    expect(waves).toHaveLength(2);
  });
});
