import type { ExpectedProcessor, TransitionSpec } from "./types";

const critical = (processor: string): ExpectedProcessor => ({ processor, critical: true });
const optional = (processor: string): ExpectedProcessor => ({ processor, critical: false });

/** Days before today (ET) a date is still `overnight`; older dates are `backfill`. */
export const OVERNIGHT_WINDOW_DAYS = 3;

/** Phase-2 sources that complete a finished game date after its games (post-game scrapes, DOMAIN §6.5). */
const postGameRaw = [optional("nbac_team_boxscore"), optional("nbac_play_by_play"), optional("bdl_player_boxscores"), optional("nbac_scoreboard_v2")];

/** The analytics of a date that precompute reads (DOMAIN §6.4 3->4: PGS and UPGC critical). */
const analyticsForPrecompute = [
  critical("player_game_summary"),
  critical("upcoming_player_game_context"),
  optional("team_offense_game_summary"),
  optional("team_defense_game_summary"),
  optional("upcoming_team_game_context"),
];

/**
 * The phase transitions of DOMAIN §6.4, restricted to processors that exist. Same-day phase 3
 * (upcoming game context) is started by its schedule (`same-day-phase3`, posting to the
 * orchestrator's /trigger), not by completions; its completions then start same-day phase 4.
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
      overnight: [critical("nbac_schedule"), critical("nbac_player_boxscores"), ...postGameRaw],
      same_day: [],
      // A backfill replays stored box scores; the season schedule is scraped once, not per date.
      backfill: [critical("nbac_player_boxscores"), ...postGameRaw],
    },
    minCompletedFraction: 1,
    // An optional source that never arrives (no play-by-play for a game, BDL down) must not hold
    // the date forever: after the recovery scrapes, the critical sources alone are enough.
    relaxations: [
      { afterMinutes: 180, minCompleted: 4 },
      { afterMinutes: 300, minCompleted: 1 },
    ],
  },
  {
    name: "phase3-to-phase4",
    from: "phase_3_analytics",
    to: "phase_4_precompute",
    completionTopic: "nba-phase3-analytics-complete",
    triggerTopic: "nba-phase4-trigger",
    nextRole: "precompute-processors",
    expected: {
      overnight: analyticsForPrecompute,
      same_day: [critical("upcoming_player_game_context"), optional("upcoming_team_game_context")],
      backfill: analyticsForPrecompute,
    },
    minCompletedFraction: 0.6,
    relaxations: [{ afterMinutes: 120, minCompleted: 1 }],
  },
];

/**
 * Transitions into phases whose services do not exist yet (predictions). Written and tested, but
 * not declared in the catalog, so nothing is synthesized for them (declared equals running); the
 * orchestrator records phase-4 completions in 4->5's documents without advancing it, and the
 * orchestration drills exercise its gates on a drill bus that adds `plannedTopics`.
 */
export const plannedTransitions: readonly TransitionSpec[] = [
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
