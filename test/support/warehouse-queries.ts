import { runCliCaptured } from "./cli";

/** Rows of a read query against a data dir, through the real `nba-props query --json`. */
export async function queryRows(dataDir: string, sqlText: string): Promise<Record<string, unknown>[]> {
  const result = await runCliCaptured(["query", "--data-dir", dataDir, "--json", sqlText]);
  if (result.code !== 0) throw new Error(`query failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>[];
}

export const FIVE_TABLES = [
  { id: "nba_raw.nbac_schedule", key: ["game_id", "game_date"] },
  { id: "nba_raw.nbac_player_boxscores", key: ["game_id", "player_lookup"] },
  { id: "nba_analytics.team_offense_game_summary", key: ["game_id", "team_abbr"] },
  { id: "nba_analytics.team_defense_game_summary", key: ["game_id", "defending_team_abbr"] },
  { id: "nba_analytics.player_game_summary", key: ["game_id", "player_lookup"] },
] as const;

/** Row count and distinct-key count of each of the five skeleton tables. */
export async function tableCounts(dataDir: string): Promise<Record<string, { rows: number; keys: number }>> {
  const out: Record<string, { rows: number; keys: number }> = {};
  for (const t of FIVE_TABLES) {
    const [row] = await queryRows(dataDir, `SELECT COUNT(*) AS n, COUNT(DISTINCT (${t.key.join(", ")})) AS k FROM ${t.id}`);
    out[t.id] = { rows: Number(row?.n), keys: Number(row?.k) };
  }
  return out;
}

/** Column names and types of every table, as the warehouse has them. */
export async function warehouseShapes(dataDir: string): Promise<string[]> {
  const rows = await queryRows(
    dataDir,
    "SELECT table_schema || '.' || table_name || '.' || column_name || ' ' || data_type AS c FROM information_schema.columns WHERE table_schema LIKE 'nba_%' ORDER BY table_schema, table_name, ordinal_position",
  );
  return rows.map((r) => String(r.c));
}
