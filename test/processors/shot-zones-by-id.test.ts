import { gameZones } from "../../runtime/processors/analytics/shot-zones";
import { action, game } from "../support/analytics-fixtures";

const g = game("0022400561", "NYK", "PHI", 125, 115);
const nyk = { player_1_id: 1628973, player_1_team_abbr: "NYK" };

/**
 * The live play-by-play names players by initial only, so raw rows carry the player id and no
 * lookup: zones must be counted by id (before, every sim and real player had 0 zone shots).
 */
describe("shot zones of rows that carry only player ids", () => {
  test("counted per player id, with the assist, the and-one and the block, by hand", () => {
    const z = gameZones([
      action(g, { event_type: "2pt", shot_made: true, shot_distance: 3, ...nyk, player_2_id: 1629011, player_2_team_abbr: "NYK" }), // paint make, assisted
      action(g, { event_type: "freethrow", event_action_type: "1 of 1", shot_made: true, shot_type: "FT", ...nyk }), // and-one
      action(g, { event_type: "3pt", shot_made: false, shot_distance: 26, ...nyk, player_2_id: 203954, player_2_team_abbr: "PHI" }), // three miss, blocked
      action(g, { event_type: "freethrow", event_action_type: "1 of 1", shot_made: true, shot_type: "FT", player_1_id: 1629011, player_1_team_abbr: "NYK" }), // another player: no and-one
    ]);
    expect(z.players.get("20250115_NYK_PHI|id:1628973")).toEqual({
      paint_attempts: 1,
      paint_makes: 1,
      mid_range_attempts: 0,
      mid_range_makes: 0,
      three_attempts: 1,
      three_makes: 0,
      assisted_fg_makes: 1,
      unassisted_fg_makes: 0,
      and1_count: 1,
    });
    expect(z.players.get("20250115_NYK_PHI|id:1629011")).toBeUndefined();
    expect(z.blocks.get("20250115_NYK_PHI|PHI")).toEqual({ paint: 0, mid_range: 0, three: 1 });
    expect(z.teams.get("20250115_NYK_PHI|NYK")?.paint_attempts).toBe(1);
  });
});
