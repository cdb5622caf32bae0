import { transformRegistry, type RegistryInputs } from "../../../runtime/processors/reference/nba-players-registry";

const context = { gameDate: "2025-03-15", processedAt: "2025-03-16T10:00:00.000Z" };
const line = (date: string, minutes: string | null = "30:00", o: Partial<RegistryInputs["games"][number]> = {}) => ({ player_lookup: "garypaytonii", player_full_name: "Gary Payton II", team_abbr: "GSW", game_date: date, minutes, ...o });
const rosterEntry = (o: Partial<RegistryInputs["rosters"][number]> = {}) => ({ player_lookup: "garypaytonii", player_full_name: "Gary Payton II", team_abbr: "GSW", jersey_number: "0", position: "G", ...o });

describe("player registry transform", () => {
  test("a player who played that day: games and dates over the whole season, jersey and position from the day's roster, a new universal id", () => {
    const { rows, expectedRows } = transformRegistry({ season: "2024-25", games: [line("2025-03-15"), line("2025-01-02"), line("2025-02-01", null), line("2025-03-17")], rosters: [rosterEntry()], stored: [] }, context);
    expect(expectedRows).toBe(1);
    expect(rows).toEqual([
      expect.objectContaining({
        universal_player_id: "garypaytonii_001", player_lookup: "garypaytonii", team_abbr: "GSW", season: "2024-25", first_game_date: "2025-01-02", last_game_date: "2025-03-17",
        games_played: 3, dnp_appearances: 1, jersey_number: "0", position: "G", source_priority: "nba_gamebook", last_gamebook_activity_date: "2025-03-17", last_roster_activity_date: "2025-03-15",
      }),
    ]);
  });

  test("a roster-only player has 0 games and roster priority; players with no game or roster entry that day are not touched", () => {
    const { rows } = transformRegistry({ season: "2024-25", games: [line("2025-03-10", "20:00", { player_lookup: "other", team_abbr: "BOS" })], rosters: [rosterEntry()], stored: [] }, context);
    expect(rows).toEqual([expect.objectContaining({ player_lookup: "garypaytonii", games_played: 0, first_game_date: null, source_priority: "roster_nbac" })]);
  });

  test("the stored universal id is kept (stable across teams and seasons), and an older roster does not overwrite a newer one", () => {
    const stored = [{ player_lookup: "garypaytonii", team_abbr: "GSW", universal_player_id: "garypaytonii_002", jersey_number: "8", position: "G-F", last_roster_activity_date: "2025-03-20", season: "2024-25" }];
    const { rows } = transformRegistry({ season: "2024-25", games: [line("2025-03-15")], rosters: [rosterEntry()], stored }, context);
    expect(rows[0]).toMatchObject({ universal_player_id: "garypaytonii_002", jersey_number: "8", position: "G-F", last_roster_activity_date: "2025-03-20" });
    const moved = transformRegistry({ season: "2025-26", games: [line("2025-03-15", "25:00", { team_abbr: "MIL" })], rosters: [], stored }, context).rows;
    expect(moved[0]).toMatchObject({ universal_player_id: "garypaytonii_002", team_abbr: "MIL", jersey_number: null });
  });

  test("the same inputs give the same rows (a rerun of the date changes nothing)", () => {
    const inputs: RegistryInputs = { season: "2024-25", games: [line("2025-03-15"), line("2025-03-01")], rosters: [rosterEntry()], stored: [] };
    expect(transformRegistry(inputs, context)).toEqual(transformRegistry(inputs, context));
  });
});
