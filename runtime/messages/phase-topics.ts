import type { Phase } from "../catalog/types";

/** The topic each phase announces its completions on (DOMAIN §6.1). */
export const COMPLETION_TOPIC: Readonly<Record<Phase, string>> = {
  phase_1_scrapers: "nba-phase1-scrapers-complete",
  phase_2_raw: "nba-phase2-raw-complete",
  phase_3_analytics: "nba-phase3-analytics-complete",
  phase_4_precompute: "nba-phase4-precompute-complete",
  phase_5_predictions: "nba-phase5-predictions-complete",
};
