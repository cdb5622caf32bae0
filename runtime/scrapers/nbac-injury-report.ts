import { catalog } from "../catalog/catalog";
import { seasonYearForDate } from "../domain/season";
import { checkShape } from "./base/check-shape";
import type { ScraperDefinition } from "./base/scraper-definition";
import { injuryReportSchema } from "./formats/nbac-injury-report";
import { simulatedSchedule } from "./sim/cached-schedule";
import { simulateInjuryReport } from "./sim/sim-injury-report";

const spec = catalog.scrapers.find((s) => s.name === "nbac_injury_report");
if (!spec) throw new Error("catalog: scraper nbac_injury_report is not declared");

export const nbacInjuryReportScraper: ScraperDefinition = {
  spec,
  countRecords(payload) {
    return checkShape(injuryReportSchema, payload, "a parsed NBA.com injury report").records.length;
  },
  simulate(scope, options) {
    const schedule = simulatedSchedule(seasonYearForDate(scope.gameDate), options.seed, options.today);
    return simulateInjuryReport({ gameDate: scope.gameDate, seed: options.seed, schedule });
  },
};
