import { americanFromDecimal, decimalFromAmerican, priceOf } from "../../runtime/domain/odds-price";
import { oddsApiTeamName, tricodeFromTeamName } from "../../runtime/domain/team-names";
import { utcInstant } from "../../runtime/domain/utc-instant";
import { etDate } from "../../runtime/domain/et-date";
import { TEAMS } from "../../runtime/domain/teams";

describe("full team names (The Odds API) map to tricodes", () => {
  test.each([
    ["Golden State Warriors", "GSW"],
    ["Atlanta Hawks", "ATL"],
    ["Los Angeles Clippers", "LAC"],
    ["LA Clippers", "LAC"],
    ["Los Angeles Lakers", "LAL"],
    ["Philadelphia 76ers", "PHI"],
    ["Portland Trail Blazers", "POR"],
    ["  new orleans  pelicans ", "NOP"],
  ])("%p -> %p", (name, code) => {
    expect(tricodeFromTeamName(name)).toBe(code);
  });

  test.each(["Seattle SuperSonics", "Warriors", "GSW", ""])("%p is rejected", (name) => {
    expect(tricodeFromTeamName(name)).toBeNull();
  });

  test("every team's Odds API name maps back to it", () => {
    for (const t of TEAMS) expect(tricodeFromTeamName(oddsApiTeamName(t.tricode))).toBe(t.tricode);
  });
});

describe("prices are stored in both formats (DOMAIN §1.6)", () => {
  test.each([
    [1.91, -110],
    [1.83, -120],
    [2, 100],
    [2.5, 150],
    [1.5, -200],
  ])("decimal %p is American %p", (decimal, american) => {
    expect(americanFromDecimal(decimal)).toBe(american);
  });

  test.each([
    [-110, 1.909],
    [-115, 1.87],
    [150, 2.5],
    [100, 2],
  ])("American %p is decimal %p", (american, decimal) => {
    expect(decimalFromAmerican(american)).toBe(decimal);
  });

  test("a value is read as decimal below 100 and American at or beyond +/-100; anything else is no price", () => {
    expect(priceOf(1.87)).toEqual({ decimal: 1.87, american: -115 });
    expect(priceOf(-115)).toEqual({ decimal: 1.87, american: -115 });
    for (const bad of [0.5, 1, -50, 150.5, Number.NaN]) expect(priceOf(bad)).toBeNull();
  });
});

describe("UTC times of the betting sources (DOMAIN §1.9)", () => {
  test("The Odds API's Z times and BettingPros' unmarked times are both UTC", () => {
    expect(utcInstant("2024-01-25T03:20:30Z")?.toISOString()).toBe("2024-01-25T03:20:30.000Z");
    expect(utcInstant("2021-10-21 23:30:00")?.toISOString()).toBe("2021-10-21T23:30:00.000Z");
  });

  test("the ET date of a late tip is the day before the UTC date", () => {
    expect(etDate(utcInstant("2024-01-25T03:20:30Z")!)).toBe("2024-01-24");
    expect(etDate(utcInstant("2021-10-21 23:30:00")!)).toBe("2021-10-21");
  });

  test.each(["2024-01-25T03:20:30", "2024-01-25", "2024-02-30T01:00:00Z", "yesterday", "2024-01-25T03:20:30+02:00"])("%p is refused", (value) => {
    expect(utcInstant(value)).toBeNull();
  });
});
