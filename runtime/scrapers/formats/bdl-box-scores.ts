import { z } from "zod";

/** One Ball Don't Lie player line; the raw processor reads each field strictly, so extra fields pass. */
export const bdlPlayerLineSchema = z.looseObject({
  player: z.looseObject({ id: z.unknown(), first_name: z.unknown(), last_name: z.unknown() }),
});

export const bdlTeamSchema = z.looseObject({
  abbreviation: z.unknown(),
  players: z.array(bdlPlayerLineSchema),
});

export const bdlGameSchema = z.looseObject({
  date: z.unknown(),
  season: z.unknown(),
  status: z.unknown(),
  home_team_score: z.unknown(),
  visitor_team_score: z.unknown(),
  home_team: bdlTeamSchema,
  visitor_team: bdlTeamSchema,
});

/** `{data:[game], meta{next_cursor}}` (DOMAIN §1.5); an empty day `{"data":[]}` is valid. */
export const bdlBoxScoresSchema = z.looseObject({
  data: z.array(bdlGameSchema),
  meta: z.looseObject({}).optional(),
});

export type BdlBoxScoresPayload = z.infer<typeof bdlBoxScoresSchema>;
export type BdlGame = z.infer<typeof bdlGameSchema>;
export type BdlPlayerLine = z.infer<typeof bdlPlayerLineSchema>;

/** One record per player line, home and visitor alike: what the raw table receives. */
export function bdlPlayerCount(payload: BdlBoxScoresPayload): number {
  return payload.data.reduce((n, g) => n + g.home_team.players.length + g.visitor_team.players.length, 0);
}
