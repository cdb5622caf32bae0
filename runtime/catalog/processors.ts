import type { ProcessorSpec } from "./types";

export const processors: readonly ProcessorSpec[] = [
  {
    name: "nbac_schedule",
    phase: "phase_2_raw",
    description: "Parses the season schedule; keeps regular season (incl. Cup), play-in and playoffs.",
    role: "raw-processors",
    inputs: ["nbac_schedule"],
    output: "nba_raw.nbac_schedule",
    critical: true,
  },
  {
    name: "nbac_player_boxscores",
    phase: "phase_2_raw",
    description: "Parses leaguegamelog player lines into one row per player per game.",
    role: "raw-processors",
    inputs: ["nbac_player_boxscore"],
    output: "nba_raw.nbac_player_boxscores",
    critical: true,
  },
  {
    name: "team_offense_game_summary",
    phase: "phase_3_analytics",
    description: "Team offense per game from the team box score, rebuilt from player rows when there is none.",
    role: "analytics-processors",
    inputs: ["nba_raw.nbac_schedule", "nba_raw.nbac_team_boxscore", "nba_raw.nbac_player_boxscores"],
    output: "nba_analytics.team_offense_game_summary",
    critical: false,
  },
  {
    name: "team_defense_game_summary",
    phase: "phase_3_analytics",
    description: "Team defense per game: each team's row carries the opponent's offense.",
    role: "analytics-processors",
    inputs: ["nba_analytics.team_offense_game_summary"],
    output: "nba_analytics.team_defense_game_summary",
    critical: false,
  },
  {
    name: "player_game_summary",
    phase: "phase_3_analytics",
    description: "Player per game: box score, efficiency and usage against the team totals.",
    role: "analytics-processors",
    inputs: ["nba_raw.nbac_player_boxscores", "nba_analytics.team_offense_game_summary"],
    output: "nba_analytics.player_game_summary",
    critical: true,
  },
];
