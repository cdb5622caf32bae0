import type { ExpectedProcessor, TransitionSpec } from "./types";

const critical = (processor: string): ExpectedProcessor => ({ processor, critical: true });
const optional = (processor: string): ExpectedProcessor => ({ processor, critical: false });

/** Days before today (ET) a date is still `overnight`; older dates are `backfill`. */
export const OVERNIGHT_WINDOW_DAYS = 3;

/**
 * The phase transitions of DOMAIN §6.4, restricted to processors that exist (or, for phase 4,
 * the tables its processors will write). Same-day analytics (upcoming game context) are not
 * built yet, so same-day 2->3 and 3->4 are started by their schedules, not by completions.
 */
export const transitions: readonly TransitionSpec[] = [
  {
    name: "phase2-to-phase3",
    from: "phase_2_raw",
    to: "phase_3_analytics",
    completionTopic: "nba-phase2-raw-complete",
    triggerTopic: "nba-phase3-trigger",
    nextRole: "analytics-processors",
    expected: {
      overnight: [critical("nbac_schedule"), critical("nbac_player_boxscores")],
      same_day: [],
      // A backfill replays stored box scores; the season schedule is scraped once, not per date.
      backfill: [critical("nbac_player_boxscores")],
    },
    minCompletedFraction: 1,
    relaxations: [],
  },
];

/**
 * Transitions into phases whose services do not exist yet (precompute, predictions). They are
 * written and tested, but not declared in the catalog, so nothing is synthesized for them
 * (declared equals running); the orchestration drills exercise their gates on a drill bus that
 * adds `plannedTopics` (runtime/catalog/topics.ts). Each moves into `transitions` with its service.
 */
export const plannedTransitions: readonly TransitionSpec[] = [
  {
    name: "phase3-to-phase4",
    from: "phase_3_analytics",
    to: "phase_4_precompute",
    completionTopic: "nba-phase3-analytics-complete",
    triggerTopic: "nba-phase4-trigger",
    nextRole: "precompute-processors",
    expected: {
      overnight: [critical("player_game_summary"), optional("team_offense_game_summary"), optional("team_defense_game_summary")],
      same_day: [],
      backfill: [critical("player_game_summary"), optional("team_offense_game_summary"), optional("team_defense_game_summary")],
    },
    minCompletedFraction: 0.6,
    relaxations: [],
  },
  {
    name: "phase4-to-phase5",
    from: "phase_4_precompute",
    to: "phase_5_predictions",
    completionTopic: "nba-phase4-precompute-complete",
    triggerTopic: "nba-predictions-trigger",
    nextRole: "prediction-coordinator",
    expected: {
      overnight: [
        optional("team_defense_zone_analysis"),
        optional("player_shot_zone_analysis"),
        optional("player_composite_factors"),
        critical("player_daily_cache"),
        critical("ml_feature_store_v2"),
      ],
      same_day: [
        optional("team_defense_zone_analysis"),
        optional("player_shot_zone_analysis"),
        optional("player_composite_factors"),
        critical("player_daily_cache"),
        critical("ml_feature_store_v2"),
      ],
      // Predictions are made for slates ahead, never for past dates.
      backfill: [],
    },
    minCompletedFraction: 1,
    relaxations: [
      { afterMinutes: 60, minCompleted: 4 },
      { afterMinutes: 120, minCompleted: 3 },
      { afterMinutes: 240, minCompleted: 2 },
    ],
  },
];
