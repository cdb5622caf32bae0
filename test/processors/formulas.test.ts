import { effectiveFieldGoal, overtimePeriods, pace, parseTeamMinutes, possessions, rating, teamMinutesFromPlayers, trueShooting, usageRate } from "../../runtime/processors/analytics/formulas";

/**
 * Expected values worked out by hand from the real leaguegamelog of 2025-03-15 (NYK 94 @ GSW 97).
 * GSW totals over its 10 player lines: PTS 97, FGM 33, FGA 83, 3PM 13, FTA 22, OREB 10, TOV 9.
 * NYK: PTS 94, FGM 37, FGA 86, 3PM 9, FTA 13, OREB 13, TOV 13.
 * Stephen Curry: 35 min, FGA 20, FTA 9, TOV 3, PTS 28, FGM 8, 3PM 4.
 */
describe("DOMAIN §4.1 formulas on the real 2025-03-15 GSW-NYK game", () => {
  test("possessions = FGA + 0.44 FTA - OREB + TOV, 1 dp", () => {
    // 83 + 9.68 - 10 + 9 = 91.68
    expect(possessions(83, 22, 10, 9)).toBe(91.7);
    // 86 + 5.72 - 13 + 13 = 91.72
    expect(possessions(86, 13, 13, 13)).toBe(91.7);
  });

  test("offensive and defensive rating = points per 100 possessions, 2 dp", () => {
    // 97 / 91.7 * 100 = 105.7797...
    expect(rating(97, 91.7)).toBe(105.78);
    // NYK scored 94 on 91.7 possessions: 102.508...
    expect(rating(94, 91.7)).toBe(102.51);
    expect(rating(10, 0)).toBeNull();
  });

  test("pace per 48 uses the team minutes (240 regulation, 265 with one OT)", () => {
    expect(pace(91.7, 240)).toBe(91.7);
    // 91.7 * 48 / 53 = 83.049...
    expect(pace(91.7, 265)).toBe(83);
  });

  test("true shooting and effective FG", () => {
    // 97 / (2 * (83 + 9.68)) = 97 / 185.36 = 0.52330...
    expect(trueShooting(97, 83, 22)).toBe(0.523);
    // (33 + 6.5) / 83 = 0.47590...
    expect(effectiveFieldGoal(33, 13, 83)).toBe(0.476);
    // Curry: 28 / (2 * (20 + 3.96)) = 0.58430...; (8 + 2) / 20 = 0.5
    expect(trueShooting(28, 20, 9)).toBe(0.584);
    expect(effectiveFieldGoal(8, 4, 20)).toBe(0.5);
    expect(trueShooting(0, 0, 0)).toBeNull();
  });

  test("usage rate with team totals, and the team minutes of an overtime game", () => {
    // 100 * (20 + 3.96 + 3) * 48 / (35 * (83 + 9.68 + 9)) = 129408 / 3558.8 = 36.362...
    expect(usageRate({ fga: 20, fta: 9, tov: 3, minutes: 35 }, { fga: 83, fta: 22, tov: 9, minutes: 240 })).toBe(36.4);
    // Same line in a 265-minute game: TmMin/5 = 53, not 48: 36.362 * 53 / 48 = 40.15...
    expect(usageRate({ fga: 20, fta: 9, tov: 3, minutes: 35 }, { fga: 83, fta: 22, tov: 9, minutes: 265 })).toBe(40.2);
    expect(usageRate({ fga: 1, fta: 0, tov: 0, minutes: 0 }, { fga: 83, fta: 22, tov: 9, minutes: 240 })).toBeNull();
  });

  test("team minutes and overtime periods", () => {
    expect(overtimePeriods(240)).toBe(0);
    expect(overtimePeriods(265)).toBe(1);
    expect(overtimePeriods(290)).toBe(2);
    // GSW's integer player minutes add to 239 (rounding), still regulation.
    expect(teamMinutesFromPlayers(239)).toBe(240);
    expect(teamMinutesFromPlayers(266)).toBe(265);
    expect(parseTeamMinutes("265:00")).toBe(265);
    expect(parseTeamMinutes(null)).toBe(240);
  });
});
