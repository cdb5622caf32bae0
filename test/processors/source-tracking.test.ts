import { createHash } from "node:crypto";
import { trackSource } from "../../runtime/processors/base/source-tracking";
import { trackingByGame } from "../../runtime/processors/analytics/shot-zones";

const action = (game: string, hash: string, processedAt: string) => ({
  game_id: game,
  game_date: "2025-03-15",
  event_id: 1,
  period: 1,
  event_type: "2pt",
  event_action_type: null,
  player_1_id: null,
  player_1_lookup: null,
  player_1_team_abbr: null,
  player_2_id: null,
  player_2_lookup: null,
  player_2_team_abbr: null,
  shot_made: true,
  shot_type: "2PT",
  shot_distance: 3,
  shot_area: null,
  data_hash: hash,
  processed_at: processedAt,
});

// The hash is the first 16 hex of SHA-256 over the sorted row hashes joined by "|" (DOMAIN §2).
const expectedHash = (hashes: string[]): string => createHash("sha256").update([...hashes].sort().join("|")).digest("hex").slice(0, 16);

describe("source tracking", () => {
  const rows = [
    action("g1", "bb", "2025-03-16T08:00:00.000Z"),
    action("g2", "cc", "2025-03-16T09:00:00.000Z"),
    action("g1", "aa", "2025-03-16T10:00:00.000Z"),
  ];

  test("a source's newest version, rows used and order-free content hash", () => {
    expect(trackSource(rows, 4)).toEqual({ last_updated: "2025-03-16T10:00:00.000Z", rows_found: 3, completeness_pct: 75, hash: expectedHash(["bb", "cc", "aa"]) });
    expect(trackSource([], 2)).toEqual({ last_updated: null, rows_found: 0, completeness_pct: 0, hash: null });
  });

  test("play-by-play tracked once per game gives each game what tracking its actions alone gives, and a game without actions none", () => {
    const byGame = trackingByGame(rows);
    expect(byGame("g1")).toEqual({ last_updated: "2025-03-16T10:00:00.000Z", rows_found: 2, completeness_pct: null, hash: expectedHash(["aa", "bb"]) });
    expect(byGame("g2")).toEqual(trackSource([rows[1]!], null));
    expect(byGame("g3")).toEqual({ last_updated: null, rows_found: 0, completeness_pct: null, hash: null });
  });
});
