import { z } from "zod";

/** The parts of NBA.com's scheduleleaguev2 payload the platform reads; other fields pass through. */
export const scheduleTeamSchema = z.looseObject({
  teamId: z.number().int(),
  teamTricode: z.string(),
  score: z.number().int().nullable().optional(),
  wins: z.number().int().nullable().optional(),
  losses: z.number().int().nullable().optional(),
});

export const scheduleGameSchema = z.looseObject({
  gameId: z.string(),
  gameCode: z.string().nullable().optional(),
  gameStatus: z.number().int(),
  gameStatusText: z.string().nullable().optional(),
  gameDateEst: z.string(),
  gameDateTimeEst: z.string().nullable().optional(),
  gameDateTimeUTC: z.string().nullable().optional(),
  gameLabel: z.string().nullable().optional(),
  gameSubtype: z.string().nullable().optional(),
  postponedStatus: z.string().nullable().optional(),
  homeTeam: scheduleTeamSchema,
  awayTeam: scheduleTeamSchema,
});

export const schedulePayloadSchema = z.looseObject({
  leagueSchedule: z.looseObject({
    seasonYear: z.string(),
    gameDates: z.array(
      z.looseObject({
        gameDate: z.string(),
        games: z.array(z.unknown()),
      }),
    ),
  }),
});

export type SchedulePayload = z.infer<typeof schedulePayloadSchema>;
export type ScheduleGame = z.infer<typeof scheduleGameSchema>;

/** Every game object in the payload, in order, with its position for error messages. */
export function scheduleGames(payload: SchedulePayload): { index: number; dateIndex: number; raw: unknown }[] {
  const out: { index: number; dateIndex: number; raw: unknown }[] = [];
  payload.leagueSchedule.gameDates.forEach((d, dateIndex) => {
    for (const raw of d.games) out.push({ index: out.length, dateIndex, raw });
  });
  return out;
}
