import { z } from "zod";

/**
 * NBA.com live play-by-play (DOMAIN §1.3): `{meta, game{gameId, actions[]}}`, or a stored capture
 * wrapping it as `{metadata{gameId|game_id, ...}, playByPlay{meta, game}}`. Actions are checked one
 * by one by the raw processor; here only the envelope.
 */
const liveSchema = z.looseObject({
  game: z.looseObject({
    gameId: z.string(),
    actions: z.array(z.unknown()),
  }),
});

const wrappedSchema = z.looseObject({ playByPlay: liveSchema });

export type PlayByPlayGame = z.infer<typeof liveSchema>["game"];

/** The game of either layout, or the zod error of the layout the payload looks like. */
export function parsePlayByPlay(payload: unknown): { game: PlayByPlayGame; error?: never } | { game?: never; error: z.ZodError } {
  const wrapped = typeof payload === "object" && payload !== null && "playByPlay" in payload;
  if (wrapped) {
    const parsed = wrappedSchema.safeParse(payload);
    return parsed.success ? { game: parsed.data.playByPlay.game } : { error: parsed.error };
  }
  const parsed = liveSchema.safeParse(payload);
  return parsed.success ? { game: parsed.data.game } : { error: parsed.error };
}
