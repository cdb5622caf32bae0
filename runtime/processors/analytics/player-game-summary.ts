import type { ProducedRow } from "../../catalog/derive/row-type";
import { bdlPlayerBoxscores } from "../../catalog/tables/bdl-player-boxscores";
import { nbacPlayerBoxscores } from "../../catalog/tables/nbac-player-boxscores";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { oddsApiPlayerPointsProps } from "../../catalog/tables/odds-api-player-points-props";
import { playerGameSummary } from "../../catalog/tables/player-game-summary";
import { teamOffenseGameSummary } from "../../catalog/tables/team-offense-game-summary";
import { readDeclared, type DayContext, type DeclaredInputsProcessor, type ProcessorResult, type ScheduleRow } from "../base/declared-inputs";
import { trackSource, trackingColumns, type TrackedSource } from "../base/source-tracking";
import { bdlAsPlayerLines, nbacAsPlayerLines, type PlayerLine } from "./bdl-lines";
import { effectiveFieldGoal, round, trueShooting, usageRate } from "./formulas";
import { groupBy } from "./group-by";
import { overUnder, propLineFor, type BettingProsPropRow, type OddsPropRow, bettingProsLines } from "./prop-lines";
import { gameZones, playerKey, type GameZones, type PlayByPlayRow, trackingByGame, zonePlays } from "./shot-zones";

type OffenseRow = ProducedRow<typeof teamOffenseGameSummary>;
type SummaryRow = ProducedRow<typeof playerGameSummary>;

export interface PlayerGameInputs {
  readonly players: readonly ProducedRow<typeof nbacPlayerBoxscores>[];
  readonly bdlPlayers: readonly ProducedRow<typeof bdlPlayerBoxscores>[];
  readonly teamOffense: readonly OffenseRow[];
  readonly playByPlay: readonly PlayByPlayRow[];
  readonly oddsProps: readonly OddsPropRow[];
  readonly bettingProsProps: readonly BettingProsPropRow[];
}

/** Used for starter_flag only when the source has no starter information (leaguegamelog, BDL). */
const STARTER_MINUTES_THRESHOLD = 20;

interface Lookups {
  readonly offense: ReadonlyMap<string, OffenseRow>;
  readonly zones: GameZones;
  /** Play-by-play tracking per game: the same for every player of the game, so hashed once. */
  readonly pbpTracking: (gameId: string) => TrackedSource;
  readonly oddsByPlayer: ReadonlyMap<string, OddsPropRow[]>;
  readonly bpByPlayer: ReadonlyMap<string, BettingProsPropRow[]>;
}

function toRow(p: PlayerLine, game: ScheduleRow, own: OffenseRow, opp: OffenseRow | undefined, look: Lookups, day: DayContext): Omit<SummaryRow, "data_hash"> {
  const minutes = p.minutes_decimal;
  const played = minutes !== null && minutes > 0;
  const fga = p.field_goals_attempted ?? 0;
  const fta = p.free_throws_attempted ?? 0;
  const points = p.points ?? 0;
  const backup = p.stats_source === "bdl_player_boxscores";
  const usage = played ? usageRate({ fga, fta, tov: p.turnovers ?? 0, minutes }, { fga: own.fg_attempts ?? 0, fta: own.ft_attempts ?? 0, tov: own.turnovers ?? 0, minutes: own.team_minutes }) : null;
  const oppPoints = opp ? opp.points_scored : p.is_home ? game.away_team_score : game.home_team_score;
  const hasPbp = look.zones.games.has(p.game_id);
  const z = look.zones.players.get(`${p.game_id}|${playerKey(p.nba_player_id, null) ?? p.player_lookup}`) ?? look.zones.players.get(`${p.game_id}|${p.player_lookup}`);
  const zone = (n: number | undefined): number | null => (hasPbp ? (n ?? 0) : null);
  const odds = (look.oddsByPlayer.get(p.player_lookup) ?? []).filter((r) => r.game_id === p.game_id);
  const bp = (look.bpByPlayer.get(p.player_lookup) ?? []).filter((r) => r.game_id === null || r.game_id === p.game_id);
  const line = propLineFor(odds, bp, game.game_start_utc);
  // A player who did not play has no prop outcome (books void the bet).
  const outcome = line && played ? overUnder(points, line.points_line) : null;
  return {
    game_id: p.game_id,
    nba_game_id: game.game_id,
    game_date: p.game_date,
    season_year: p.season_year,
    player_lookup: p.player_lookup,
    universal_player_id: null,
    player_full_name: p.player_full_name,
    nba_player_id: p.nba_player_id,
    team_abbr: p.team_abbr,
    opponent_team_abbr: p.opponent_team_abbr,
    home_game: p.is_home,
    points,
    minutes_played: minutes,
    fg_makes: p.field_goals_made,
    fg_attempts: p.field_goals_attempted,
    three_pt_makes: p.three_pointers_made,
    three_pt_attempts: p.three_pointers_attempted,
    ft_makes: p.free_throws_made,
    ft_attempts: p.free_throws_attempted,
    offensive_rebounds: p.offensive_rebounds,
    defensive_rebounds: p.defensive_rebounds,
    total_rebounds: p.total_rebounds,
    assists: p.assists,
    steals: p.steals,
    blocks: p.blocks,
    turnovers: p.turnovers,
    personal_fouls: p.personal_fouls,
    plus_minus: p.plus_minus,
    paint_attempts: zone(z?.paint_attempts),
    paint_makes: zone(z?.paint_makes),
    mid_range_attempts: zone(z?.mid_range_attempts),
    mid_range_makes: zone(z?.mid_range_makes),
    three_attempts_pbp: zone(z?.three_attempts),
    three_makes_pbp: zone(z?.three_makes),
    assisted_fg_makes: zone(z?.assisted_fg_makes),
    unassisted_fg_makes: zone(z?.unassisted_fg_makes),
    and1_count: zone(z?.and1_count),
    usage_rate: usage,
    ts_pct: played ? trueShooting(points, fga, fta) : null,
    efg_pct: played && p.field_goals_made !== null && p.three_pointers_made !== null ? effectiveFieldGoal(p.field_goals_made, p.three_pointers_made, fga) : null,
    starter_flag: p.starter ?? (played ? minutes > STARTER_MINUTES_THRESHOLD : false),
    win_flag: oppPoints === null ? p.game_result === "W" : own.points_scored > oppPoints,
    is_dnp: !played,
    points_line: line ? line.points_line : null,
    opening_line: line ? line.opening_line : null,
    line_movement: line && line.opening_line !== null ? round(line.points_line - line.opening_line, 2) : null,
    margin: outcome ? outcome.margin : null,
    over_under_result: outcome ? outcome.result : null,
    primary_source: p.stats_source,
    backup_source_used: backup,
    data_source: p.stats_source,
    data_quality_tier: backup ? "silver" : "gold",
    quality_score: backup ? 85 : 100,
    ...trackingColumns("source_player_boxscores", trackSource(backup ? [] : [p], 1)),
    ...trackingColumns("source_team_offense", trackSource([own], 1)),
    ...trackingColumns("source_bdl_boxscores", trackSource(backup ? [p] : [], backup ? 1 : null)),
    ...trackingColumns("source_play_by_play", look.pbpTracking(p.game_id)),
    ...trackingColumns("source_props", trackSource([...odds, ...bp], null)),
    processed_at: day.processedAt,
    created_at: day.processedAt,
  };
}

function hasTeamTotals(row: OffenseRow | undefined): row is OffenseRow {
  return row !== undefined && row.fg_attempts !== null && row.ft_attempts !== null && row.turnovers !== null;
}

/**
 * One row per player line of every final game of the schedule: NBA.com lines (gold), else BDL
 * (silver, backup_source_used); zones from play-by-play; usage against the team totals; the
 * line and over/under from the props. A final game with no lines makes the run partial, naming
 * it; a team-game whose totals are missing or NULL is a failed check (usage cannot be computed).
 */
export function transformPlayerGames(inputs: PlayerGameInputs, day: DayContext): ProcessorResult<SummaryRow> {
  const nbac = groupBy(nbacAsPlayerLines(inputs.players), (p) => p.game_id);
  const bdl = groupBy(bdlAsPlayerLines(inputs.bdlPlayers), (p) => p.game_id);
  const look: Lookups = {
    offense: new Map(inputs.teamOffense.map((o) => [`${o.game_id}|${o.team_abbr}`, o])),
    zones: gameZones(inputs.playByPlay),
    pbpTracking: trackingByGame(inputs.playByPlay),
    oddsByPlayer: groupBy(inputs.oddsProps, (r) => r.player_lookup),
    bpByPlayer: groupBy(inputs.bettingProsProps, (r) => r.player_lookup),
  };
  const rows: Omit<SummaryRow, "data_hash">[] = [];
  const missing: string[] = [];
  const failedChecks: string[] = [];
  for (const game of day.finalGames) {
    const lines = nbac.get(game.canonical_game_id) ?? bdl.get(game.canonical_game_id) ?? [];
    if (lines.length === 0) {
      missing.push(`no player lines for ${game.canonical_game_id}`);
      continue;
    }
    for (const team of [game.home_team_tricode, game.away_team_tricode]) {
      const teamLines = lines.filter((p) => p.team_abbr === team);
      if (teamLines.length === 0) continue;
      const own = look.offense.get(`${game.canonical_game_id}|${team}`);
      if (!hasTeamTotals(own)) {
        failedChecks.push(`usage needs team totals: ${own ? "FGA, FTA or TOV is NULL" : "no team_offense_game_summary row"} for ${team} in ${game.canonical_game_id}`);
        continue;
      }
      const opp = look.offense.get(`${game.canonical_game_id}|${team === game.home_team_tricode ? game.away_team_tricode : game.home_team_tricode}`);
      for (const p of teamLines) rows.push(toRow(p, game, own, opp, look, day));
    }
  }
  return { rows, expectedRows: rows.length + missing.length, missing, failedChecks };
}

export const playerGameSummaryProcessor: DeclaredInputsProcessor<PlayerGameInputs, SummaryRow> = {
  name: "player_game_summary",
  table: playerGameSummary,
  inputs: {
    schedule: { table: nbacSchedule, window: { kind: "season_through" }, minRows: 1, criticality: "critical" },
    team_offense: { table: teamOffenseGameSummary, window: { kind: "day" }, minRows: { perFinalGame: 1 }, criticality: "critical" },
    // NBA.com lines, else BDL per game: neither is required alone; a game with neither is reported missing.
    player_boxscores: { table: nbacPlayerBoxscores, window: { kind: "day" }, minRows: 0, criticality: "soft" },
    bdl_boxscores: { table: bdlPlayerBoxscores, window: { kind: "day" }, minRows: 0, criticality: "soft" },
    play_by_play: { table: zonePlays, window: { kind: "day" }, minRows: { perFinalGame: 1 }, criticality: "soft" },
    // Not every player has a line, and older seasons have none: props never lower the tier.
    odds_props: { table: oddsApiPlayerPointsProps, window: { kind: "day" }, minRows: 0, criticality: "soft" },
    bettingpros_props: { table: bettingProsLines, window: { kind: "day" }, minRows: 0, criticality: "soft" },
  },
  async extract(warehouse, day) {
    return {
      players: await readDeclared(warehouse, day, "player_boxscores", nbacPlayerBoxscores),
      bdlPlayers: await readDeclared(warehouse, day, "bdl_boxscores", bdlPlayerBoxscores),
      teamOffense: await readDeclared(warehouse, day, "team_offense", teamOffenseGameSummary),
      playByPlay: await readDeclared(warehouse, day, "play_by_play", zonePlays),
      oddsProps: await readDeclared(warehouse, day, "odds_props", oddsApiPlayerPointsProps),
      bettingProsProps: await readDeclared(warehouse, day, "bettingpros_props", bettingProsLines),
    };
  },
  transform: transformPlayerGames,
};
