import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { nbacPlayByPlay } from "../../runtime/catalog";
import { runLocalPipeline } from "../../runtime/orchestration/local-pipeline";
import { resolveActionPlayer, type GamePlayer } from "../../runtime/processors/raw/game-players";
import { parsePlayByPlays } from "../../runtime/processors/raw/nbac-play-by-play";
import type { RawParseContext } from "../../runtime/processors/raw/raw-processor";
import type { ScheduledGame } from "../../runtime/processors/raw/scheduled-games";
import { SimSource } from "../../runtime/scrapers/sources/sim-source";
import { sql, tableRef } from "../../runtime/platform/sql";
import { describeWithSamples, samplePath } from "../support/samples";
import { openTestPlatform } from "../support/test-platform";

const GAME = "0022400500";
const LAC_AT_MIN: ScheduledGame = { nbaGameId: GAME, gameId: "20250106_LAC_MIN", homeTeam: "MIN", awayTeam: "LAC", gameStatus: 3, homeScore: 108, awayScore: 106 };

/** The players of LAC @ MIN on 2025-01-06, as the game's box score names them. */
const BOX_SCORE: readonly [number, string, string, string][] = [
  [1629599, "LAC", "Amir Coffey", "amircoffey"], [1627884, "LAC", "Derrick Jones Jr.", "derrickjonesjr"], [1627826, "LAC", "Ivica Zubac", "ivicazubac"],
  [201935, "LAC", "James Harden", "jamesharden"], [1627739, "LAC", "Kris Dunn", "krisdunn"], [202695, "LAC", "Kawhi Leonard", "kawhileonard"],
  [1629645, "LAC", "Kevin Porter Jr.", "kevinporterjr"], [201587, "LAC", "Nicolas Batum", "nicolasbatum"], [1626181, "LAC", "Norman Powell", "normanpowell"],
  [1629611, "LAC", "Terance Mann", "terancemann"], [1630162, "MIN", "Anthony Edwards", "anthonyedwards"], [1628978, "MIN", "Donte DiVincenzo", "dontedivincenzo"],
  [204060, "MIN", "Joe Ingles", "joeingles"], [1630183, "MIN", "Jaden McDaniels", "jadenmcdaniels"], [1631169, "MIN", "Josh Minott", "joshminott"],
  [203944, "MIN", "Julius Randle", "juliusrandle"], [201144, "MIN", "Mike Conley", "mikeconley"], [1629638, "MIN", "Nickeil Alexander-Walker", "nickeilalexanderwalker"],
  [1629675, "MIN", "Naz Reid", "nazreid"], [203497, "MIN", "Rudy Gobert", "rudygobert"],
];
const players = (ids = true): GamePlayer[] => BOX_SCORE.map(([id, team, fullName, lookup]) => ({ nbaGameId: GAME, teamAbbr: team, nbaPlayerId: ids ? id : 0, fullName, lookup }));
const lookupOf = new Map(BOX_SCORE.map(([id, , , lookup]) => [id, lookup]));

const context = (gamePlayers?: readonly GamePlayer[]): RawParseContext => ({
  source: "/replay/file.json",
  objectUri: "file:///objects/file.json",
  scope: "2025-01-06",
  gameDate: "2025-01-06",
  processedAt: "2025-01-07T10:00:00.000Z",
  schedule: [LAC_AT_MIN],
  ...(gamePlayers ? { gamePlayers } : {}),
});

describeWithSamples("play-by-play player lookups from the game's box score players (2025-01-06 LAC @ MIN)", () => {
  const payload = (): unknown => [JSON.parse(gunzipSync(readFileSync(samplePath("nbac_play_by_play", "2025-01-06", `${GAME}.json.gz`))).toString("utf8"))];

  test("every actor, assister, blocker and stealer gets the player_lookup of the box score player with that id", () => {
    const { rows, quarantined } = parsePlayByPlays(payload(), context(players()));
    expect(quarantined).toEqual([]);
    expect(rows.find((r) => r.event_id === 12)).toMatchObject({ player_1_id: 203944, player_1_lookup: "juliusrandle" });
    const slots = rows.flatMap((r) => [[r.player_1_id, r.player_1_lookup], [r.player_2_id, r.player_2_lookup], [r.player_3_id, r.player_3_lookup]] as const).filter(([id]) => id !== null);
    // Of the 571 actions, 537 name an actor; 47 an assister, 15 a blocker and 15 a stealer.
    expect(slots).toHaveLength(614);
    for (const [id, lookup] of slots) expect([id, lookup]).toEqual([id, lookupOf.get(Number(id))]);
  });

  test("without matching ids, the initial and last name find the player on the same team (suffixes and hyphens included)", () => {
    const { rows } = parsePlayByPlays(payload(), context(players(false)));
    const resolved = rows.filter((r) => r.player_1_id !== null);
    expect(resolved.filter((r) => r.player_1_lookup !== lookupOf.get(Number(r.player_1_id)))).toEqual([]);
    expect(rows.find((r) => r.player_1_id === 1627884)?.player_1_lookup).toBe("derrickjonesjr");
    expect(rows.find((r) => r.player_1_id === 1629638)?.player_1_lookup).toBe("nickeilalexanderwalker");
  });

  test("an ambiguous name stays NULL; so does everything when the box score is not loaded", () => {
    const ambiguous = [...players(false), { nbaGameId: GAME, teamAbbr: "MIN", nbaPlayerId: 0, fullName: "Jalen Randle", lookup: "jalenrandle" }];
    const { rows } = parsePlayByPlays(payload(), context(ambiguous));
    expect(new Set(rows.filter((r) => r.player_1_id === 203944).map((r) => r.player_1_lookup))).toEqual(new Set([null]));
    expect(rows.find((r) => r.player_1_id === 1630162)?.player_1_lookup).toBe("anthonyedwards");
    expect(new Set(parsePlayByPlays(payload(), context()).rows.map((r) => r.player_1_lookup))).toEqual(new Set([null]));
  });
});

describe("resolveActionPlayer", () => {
  const box = (team: string, fullName: string, id = 0): GamePlayer => ({ nbaGameId: GAME, teamAbbr: team, nbaPlayerId: id, fullName, lookup: fullName.toLowerCase().replace(/[^a-z]/g, "") });

  test("a name must end in whole words: Anderson is not Sanderson", () => {
    expect(resolveActionPlayer([box("MIN", "Kyle Sanderson")], GAME, "MIN", 5, "K. Anderson")).toBeNull();
    expect(resolveActionPlayer([box("MIN", "Kyle Anderson")], GAME, "MIN", 5, "K. Anderson")).toBe("kyleanderson");
  });

  test("the same game and team only; the initial separates two players of one surname", () => {
    const list = [box("MIN", "Jaden McDaniels"), box("CHA", "Jalen McDaniels"), box("MIN", "Mike McDaniels")];
    expect(resolveActionPlayer(list, GAME, "MIN", 5, "J. McDaniels")).toBe("jadenmcdaniels");
    expect(resolveActionPlayer(list, GAME, "MIN", 5, "McDaniels")).toBeNull();
    expect(resolveActionPlayer(list, "0022400501", "MIN", 5, "J. McDaniels")).toBeNull();
  });
});

describe("at processing time, from the stored box scores (sim day through raw)", () => {
  test("every play-by-play actor with an id has a player_lookup", async () => {
    const platform = await openTestPlatform();
    try {
      const report = await runLocalPipeline(platform, { dates: ["2025-03-15"], source: new SimSource(20250315, "2025-03-16"), until: "raw" });
      expect(report.runs.find((r) => r.processor === "nbac_play_by_play" && r.phase === "phase_2_raw")).toMatchObject({ status: "success" });
      const [counts] = await platform.warehouse.query(
        sql`SELECT COUNT(*) AS actors, COUNTIF(player_1_lookup IS NULL) AS unresolved FROM ${tableRef(nbacPlayByPlay)} WHERE player_1_id IS NOT NULL`,
      );
      expect(Number(counts!.actors)).toBeGreaterThan(1000);
      expect(Number(counts!.unresolved)).toBe(0);
    } finally {
      await platform.warehouse.close();
    }
  });
});
