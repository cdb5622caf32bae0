import { playerGameSummary } from "../../catalog/tables/player-game-summary";
import { teamOffenseGameSummary } from "../../catalog/tables/team-offense-game-summary";
import { addDays, daysBetween } from "../../domain/et-date";
import type { Warehouse } from "../../platform/ports/warehouse";
import { arrayParam, inArray, param, sql, tableRef } from "../../platform/sql/fragment";
import { windowRange } from "../base/declared-inputs";
import { round } from "./formulas";

/** One game a player played, newest first within the player; only what the context metrics need. */
export interface PlayedGame {
  readonly player_lookup: string;
  readonly game_date: string;
  readonly minutes: number;
  readonly points: number;
  readonly usage_rate: number | null;
  readonly season_games: number;
  readonly season_points: number;
  readonly season_minutes: number;
}

/** The longest day window the metrics use (last 14 days); games older than it are kept only among the newest 10. */
const LONGEST_DAY_WINDOW = 14;
const NEWEST_GAMES = 10;

/**
 * Per player, the newest 10 games and every game of the last 14 days before the date (this
 * season, played only), with season totals: one set-based statement for the whole slate.
 */
export async function playedGames(warehouse: Warehouse, gameDate: string, players: readonly string[]): Promise<PlayedGame[]> {
  if (players.length === 0) return [];
  const { from, to } = windowRange({ kind: "season_before" }, gameDate);
  const rows = await warehouse.query(sql`SELECT player_lookup, game_date, minutes_played, points, usage_rate,
  COUNT(*) OVER (PARTITION BY player_lookup) AS season_games,
  AVG(points) OVER (PARTITION BY player_lookup) AS season_points,
  AVG(minutes_played) OVER (PARTITION BY player_lookup) AS season_minutes
FROM ${tableRef(playerGameSummary)}
WHERE game_date >= ${param("from_date", from, "DATE")} AND game_date <= ${param("to_date", to, "DATE")} AND is_dnp = FALSE
  AND ${inArray(sql`player_lookup`, arrayParam("players", players, "STRING"))}
QUALIFY ROW_NUMBER() OVER (PARTITION BY player_lookup ORDER BY game_date DESC) <= ${param("newest", NEWEST_GAMES, "INT64")}
  OR game_date >= ${param("window_from", addDays(gameDate, -LONGEST_DAY_WINDOW), "DATE")}`);
  return rows
    .map((r) => ({
      player_lookup: String(r.player_lookup),
      game_date: String(r.game_date),
      minutes: Number(r.minutes_played ?? 0),
      points: Number(r.points),
      usage_rate: r.usage_rate === null || r.usage_rate === undefined ? null : Number(r.usage_rate),
      season_games: Number(r.season_games),
      season_points: Number(r.season_points),
      season_minutes: Number(r.season_minutes ?? 0),
    }))
    .sort((a, b) => (a.player_lookup < b.player_lookup ? -1 : a.player_lookup > b.player_lookup ? 1 : a.game_date < b.game_date ? 1 : a.game_date > b.game_date ? -1 : 0));
}

/** Mean pace over each team's newest 10 games this season before the date. */
export async function teamPaceLast10(warehouse: Warehouse, gameDate: string): Promise<Map<string, number>> {
  const { from, to } = windowRange({ kind: "season_before" }, gameDate);
  const rows = await warehouse.query(sql`SELECT team_abbr, AVG(pace) AS pace FROM (
  SELECT team_abbr, pace FROM ${tableRef(teamOffenseGameSummary)}
  WHERE game_date >= ${param("from_date", from, "DATE")} AND game_date <= ${param("to_date", to, "DATE")} AND pace IS NOT NULL
  QUALIFY ROW_NUMBER() OVER (PARTITION BY team_abbr ORDER BY game_date DESC) <= ${param("newest", NEWEST_GAMES, "INT64")}
) AS recent GROUP BY team_abbr`);
  return new Map(rows.map((r) => [String(r.team_abbr), Number(r.pace)]));
}

const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
const inLastDays = (gameDate: string, d: string, n: number): boolean => d < gameDate && daysBetween(d, gameDate) < n;

export interface PlayerLoad {
  readonly daysRest: number | null;
  readonly gamesLast7: number;
  readonly gamesLast14: number;
  readonly minutesLast7: number;
  readonly minutesLast14: number;
  readonly avgMinutesLast7: number | null;
  readonly backToBacksLast14: number;
  readonly avgUsageLast7Games: number | null;
  readonly usageLast10Games: number | null;
  readonly pointsAvgLast5: number | null;
  readonly pointsAvgLast10: number | null;
  readonly seasonGames: number;
  readonly gameDates: readonly string[];
}

/** DOMAIN §4.5 rest and load for one player from his games (newest first), before the date. */
export function playerLoad(games: readonly PlayedGame[], gameDate: string): PlayerLoad {
  const last7 = games.filter((g) => inLastDays(gameDate, g.game_date, 7));
  const last14 = games.filter((g) => inLastDays(gameDate, g.game_date, 14));
  const dates14 = new Set(last14.map((g) => g.game_date));
  const backToBacks = [...dates14].filter((d) => dates14.has(addDays(d, -1))).length;
  const newest = (n: number): readonly PlayedGame[] => games.slice(0, n);
  const r1 = (v: number | null): number | null => (v === null ? null : round(v, 1));
  const minutes7 = last7.reduce((a, g) => a + g.minutes, 0);
  return {
    daysRest: games[0] ? daysBetween(games[0].game_date, gameDate) : null,
    gamesLast7: last7.length,
    gamesLast14: last14.length,
    minutesLast7: round(minutes7, 2),
    minutesLast14: round(
      last14.reduce((a, g) => a + g.minutes, 0),
      2,
    ),
    avgMinutesLast7: last7.length === 0 ? null : round(minutes7 / last7.length, 2),
    backToBacksLast14: backToBacks,
    avgUsageLast7Games: r1(mean(newest(7).flatMap((g) => (g.usage_rate === null ? [] : [g.usage_rate])))),
    usageLast10Games: r1(mean(newest(10).flatMap((g) => (g.usage_rate === null ? [] : [g.usage_rate])))),
    pointsAvgLast5: r1(mean(newest(5).map((g) => g.points))),
    pointsAvgLast10: r1(mean(newest(10).map((g) => g.points))),
    seasonGames: games[0]?.season_games ?? 0,
    gameDates: games.map((g) => g.game_date),
  };
}

/**
 * A star (DOMAIN §4.5): at least 10 games, and 18+ points, or 28+ minutes with 12+ points; on the
 * averages of the last 10 days when he played in them, else the season's.
 */
export function isStar(games: readonly PlayedGame[], gameDate: string): boolean {
  const first = games[0];
  if (!first || first.season_games < 10) return false;
  const recent = games.filter((g) => inLastDays(gameDate, g.game_date, 10));
  const pts = recent.length > 0 ? mean(recent.map((g) => g.points))! : first.season_points;
  const min = recent.length > 0 ? mean(recent.map((g) => g.minutes))! : first.season_minutes;
  return pts >= 18 || (min >= 28 && pts >= 12);
}
