import { catalog } from "../catalog/catalog";
import { seasonYearFromLabel } from "../domain/season";
import { ScrapeError } from "./base/scrape-error";
import type { ScraperDefinition } from "./base/scraper-definition";
import { scheduleGames, schedulePayloadSchema } from "./formats/nba-com-schedule";
import { simulatedSchedule } from "./sim/cached-schedule";

const spec = catalog.scrapers.find((s) => s.name === "nbac_schedule");
if (!spec) throw new Error("catalog: scraper nbac_schedule is not declared");

export const nbacScheduleScraper: ScraperDefinition = {
  spec,
  countRecords(payload) {
    const parsed = schedulePayloadSchema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ScrapeError("PAYLOAD_SHAPE", `not an NBA.com schedule: field ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
    }
    return scheduleGames(parsed.data).length;
  },
  simulate(scope, options) {
    return simulatedSchedule(seasonYearFromLabel(scope.key), options.seed, options.today);
  },
};
