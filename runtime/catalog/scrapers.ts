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
];
