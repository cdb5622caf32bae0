import type { ScraperSpec } from "./types";

export const scrapers: readonly ScraperSpec[] = [
  {
    name: "nbac_schedule",
    description: "NBA.com season schedule (scheduleleaguev2): every game of a season with status and scores.",
    scope: "season",
    family: "nba-com",
    role: "scraper-nbac-schedule",
    critical: true,
    stallLimitSeconds: 300,
  },
  {
    name: "nbac_player_boxscore",
    description: "NBA.com stats leaguegamelog (PlayerOrTeam=P): every player line of an ET game date.",
    scope: "date",
    family: "nba-com",
    role: "scraper-nbac-player-boxscore",
    critical: true,
    stallLimitSeconds: 300,
  },
  {
    name: "nbac_team_boxscore",
    description: "NBA.com stats boxscore per final game of an ET date: PlayerStats, TeamStats, TeamStarterBenchStats.",
    scope: "date",
    family: "nba-com",
    role: "scraper-nbac-team-boxscore",
    critical: false,
    stallLimitSeconds: 300,
  },
  {
    name: "nbac_play_by_play",
    description: "NBA.com live play-by-play (game.actions) per final game of an ET date.",
    scope: "date",
    family: "nba-com",
    role: "scraper-nbac-play-by-play",
    critical: false,
    stallLimitSeconds: 300,
  },
  {
    name: "nbac_scoreboard_v2",
    description: "NBA.com stats scoreboardV2 of an ET date: GameHeader status and LineScore points per game.",
    scope: "date",
    family: "nba-com",
    role: "scraper-nbac-scoreboard-v2",
    critical: false,
    stallLimitSeconds: 300,
  },
];
