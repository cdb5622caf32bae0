import { canonicalGameId, parseNbaGameId, simGameId } from "../../runtime/domain/game-id";
import { parseMinutes } from "../../runtime/domain/minutes";
import { playerLookup, reorderLastFirst } from "../../runtime/domain/player-lookup";
import { resolveDate } from "../../runtime/domain/resolve-date";
import { seasonLabel, seasonYearForDate, seasonYearFromLabel } from "../../runtime/domain/season";
import { normalizeTricode } from "../../runtime/domain/teams";

describe("player_lookup (DOMAIN §2)", () => {
  test.each([
    ["Michael Porter Jr.", "michaelporterjr"],
    ["Gary Payton II", "garypaytonii"],
    ["José Alvarado", "josealvarado"],
    ["Jrue Holiday", "jrueholiday"],
    ["Nikola Jokić", "nikolajokic"],
    ["Alperen Şengün", "alperensengun"],
    ["Tim Hardaway Senior", "timhardawaysr"],
    ["Shai Gilgeous-Alexander", "shaigilgeousalexander"],
    ["De'Aaron Fox", "deaaronfox"],
  ])("%s -> %s", (name, key) => expect(playerLookup(name)).toBe(key));

  test("injury-report names are reordered with the suffix kept on the last name", () => {
    expect(playerLookup(reorderLastFirst("Duke Jr., David"))).toBe("daviddukejr");
    expect(reorderLastFirst("Payton II, Gary")).toBe("Gary Payton II");
  });
});

describe("minutes in every source format (DOMAIN §1.9)", () => {
  test.each([
    ["35:12", 35.2, "35:12"],
    [35, 35, "35:00"],
    ["06", 6, "6:00"],
    ["28", 28, "28:00"],
    ["36.000000:05", 36.08, "36:05"],
  ])("%p played", (input, decimal, text) => expect(parseMinutes(input)).toEqual({ played: true, decimal, text }));

  test.each([[null], [""], ["-"], ["00"], [0], ["0:00"]])("%p is a DNP", (input) => expect(parseMinutes(input)).toEqual({ played: false }));

  test.each([["4O:12"], ["35:7"], [-3], [12.5], ["abc"], [{}], ["36.5:05"]])("%p is rejected, never coerced", (input) => {
    expect(() => parseMinutes(input)).toThrow(/not MM:SS/);
  });
});

describe("game and season identity", () => {
  test("NBA ids carry the game type and season; canonical ids are date_away_home", () => {
    expect(parseNbaGameId("0022400974")).toEqual({ gameType: "regular_season", seasonYear: 2024, synthetic: false });
    expect(parseNbaGameId("0042400407")).toEqual({ gameType: "playoffs", seasonYear: 2024, synthetic: false });
    expect(parseNbaGameId("0052400101").gameType).toBe("play_in");
    expect(() => parseNbaGameId("22400974")).toThrow(/not an NBA game id/);
    expect(canonicalGameId("2025-03-15", "NYK", "GSW")).toBe("20250315_NYK_GSW");
  });

  test("sim ids are 99TYYNNNNN: parsed like NBA ids, marked synthetic, never a real id", () => {
    expect(simGameId(2, 2024, 21)).toBe("9922400021");
    expect(parseNbaGameId("9922400021")).toEqual({ gameType: "regular_season", seasonYear: 2024, synthetic: true });
    expect(() => parseNbaGameId("9822400021")).toThrow(/not an NBA game id/);
  });

  test("season from an ET date: October starts a season", () => {
    expect(seasonYearForDate("2024-10-22")).toBe(2024);
    expect(seasonYearForDate("2025-03-15")).toBe(2024);
    expect(seasonYearForDate("2025-09-30")).toBe(2024);
    expect(seasonLabel(2024)).toBe("2024-25");
    expect(seasonLabel(1999)).toBe("1999-00");
    expect(seasonYearFromLabel("2024-25")).toBe(2024);
    expect(() => seasonYearFromLabel("2024-26")).toThrow(/consecutive/);
  });

  test("tricodes: aliases map, anything else is rejected", () => {
    expect(normalizeTricode("PHO")).toBe("PHX");
    expect(normalizeTricode("utah")).toBe("UTA");
    expect(normalizeTricode("GSW")).toBe("GSW");
    expect(normalizeTricode("CHK")).toBeNull();
  });
});

describe("date arguments resolve in America/New_York", () => {
  // 03:30 UTC on March 16 is still March 15 in New York.
  const now = new Date("2025-03-16T03:30:00Z");
  test.each([
    ["TODAY", "2025-03-15"],
    ["yesterday", "2025-03-14"],
    ["TOMORROW", "2025-03-16"],
    ["2024-02-29", "2024-02-29"],
  ])("%s -> %s", (token, date) => expect(resolveDate(token, now)).toBe(date));

  test.each([["AUTO"], ["2025-02-30"], ["15/03/2025"], [""]])("%p is rejected", (token) => expect(() => resolveDate(token, now)).toThrow(/not a date/));
});
