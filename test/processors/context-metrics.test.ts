import { milesBetweenArenas } from "../../runtime/domain/arenas";
import { isStar, playerLoad, type PlayedGame } from "../../runtime/processors/analytics/player-history";
import { teamScheduleContext } from "../../runtime/processors/analytics/team-schedule";
import { regularStarters } from "../../runtime/processors/analytics/upcoming-team-game-context";
import { game } from "../support/analytics-fixtures";

const played = (game_date: string, minutes: number, points: number, usage_rate: number | null, season = { games: 12, points: 20, minutes: 30 }): PlayedGame => ({
  player_lookup: "p", game_date, minutes, points, usage_rate, season_games: season.games, season_points: season.points, season_minutes: season.minutes,
});

describe("context metrics (DOMAIN §4.5)", () => {
  // Newest first, before 2025-01-15.
  const games = [
    played("2025-01-14", 36, 30, 30),
    played("2025-01-13", 34, 20, 25),
    played("2025-01-11", 30, 10, null),
    played("2025-01-09", 32, 25, 20),
    played("2025-01-08", 20, 15, 22),
    played("2025-01-01", 28, 12, 18),
  ];

  test("rest, last-N-day windows (game_date − N < d < game_date), back-to-backs and recent form, by hand", () => {
    expect(playerLoad(games, "2025-01-15")).toEqual({
      daysRest: 1,
      // 7-day window is 01-09..01-14: four games, 36 + 34 + 30 + 32 = 132 minutes.
      gamesLast7: 4,
      minutesLast7: 132,
      avgMinutesLast7: 33,
      // 14-day window is 01-02..01-14: five games (01-01 is out), 152 minutes.
      gamesLast14: 5,
      minutesLast14: 152,
      // Consecutive-day pairs: 01-13/01-14 and 01-08/01-09.
      backToBacksLast14: 2,
      // Newest 7 games with a usage: 30, 25, 20, 22, 18 -> 23.0
      avgUsageLast7Games: 23,
      usageLast10Games: 23,
      // 30 + 20 + 10 + 25 + 15 = 100 / 5 = 20; all six: 112 / 6 = 18.67 -> 18.7
      pointsAvgLast5: 20,
      pointsAvgLast10: 18.7,
      seasonGames: 12,
      gameDates: ["2025-01-14", "2025-01-13", "2025-01-11", "2025-01-09", "2025-01-08", "2025-01-01"],
    });
  });

  test("no history is NULL, never zeros presented as data (early season)", () => {
    expect(playerLoad([], "2024-10-22")).toMatchObject({ daysRest: null, avgMinutesLast7: null, avgUsageLast7Games: null, pointsAvgLast5: null, gamesLast7: 0, seasonGames: 0 });
  });

  test("a star: 10+ games and 18+ points, or 28+ minutes with 12+ points, on the last 10 days' averages", () => {
    // Last 10 days (01-06..01-14): 30, 20, 10, 25, 15 points -> 20 -> star.
    expect(isStar(games, "2025-01-15")).toBe(true);
    // Too few games this season.
    expect(isStar(games.map((g) => ({ ...g, season_games: 9 })), "2025-01-15")).toBe(false);
    // No game in the last 10 days: the season averages decide (13 points in 29 minutes: star; 13 in 27: not).
    expect(isStar([played("2024-12-01", 20, 40, null, { games: 20, points: 13, minutes: 29 })], "2025-01-15")).toBe(true);
    expect(isStar([played("2024-12-01", 20, 40, null, { games: 20, points: 13, minutes: 27 })], "2025-01-15")).toBe(false);
  });

  test("team rest, load, streaks and travel from the schedule", () => {
    const season = [
      game("1", "NYK", "BOS", 100, 90, { game_date: "2025-01-14" }), // NYK won at BOS
      game("2", "PHI", "NYK", 100, 110, { game_date: "2025-01-12" }), // NYK won at home
      game("3", "NYK", "MIA", 100, 101, { game_date: "2025-01-05" }), // NYK lost
      game("4", "NYK", "LAL", 100, 99, { game_date: "2024-12-30" }),
    ];
    expect(teamScheduleContext("NYK", "2025-01-15", season)).toEqual({ daysRest: 1, gamesInLast7Days: 2, gamesInLast14Days: 3, winStreak: 2, lossStreak: 0, previousArena: "BOS" });
    expect(teamScheduleContext("MIA", "2025-01-15", season)).toMatchObject({ daysRest: 10, winStreak: 1 });
    expect(teamScheduleContext("ATL", "2025-01-15", season)).toMatchObject({ daysRest: null, gamesInLast7Days: 0, winStreak: 0, lossStreak: 0, previousArena: null });
    // Boston to New York is about 190 miles.
    expect(milesBetweenArenas("BOS", "NYK")).toBeGreaterThan(180);
    expect(milesBetweenArenas("BOS", "NYK")).toBeLessThan(200);
    expect(milesBetweenArenas("NYK", "NYK")).toBe(0);
  });

  test("regular starters started at least half of the team's games", () => {
    const records = [
      { team_abbr: "NYK", player_lookup: "a", starts: 10, games: 10 },
      { team_abbr: "NYK", player_lookup: "b", starts: 5, games: 10 },
      { team_abbr: "NYK", player_lookup: "c", starts: 4, games: 10 },
      { team_abbr: "BOS", player_lookup: "d", starts: 10, games: 10 },
    ];
    expect([...regularStarters(records, "NYK", 10)].sort()).toEqual(["a", "b"]);
  });
});
