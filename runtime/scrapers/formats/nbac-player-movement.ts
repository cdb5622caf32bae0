import { z } from "zod";

/** NBA.com player movement feed: `{NBA_Player_Movement:{columns[], rows[{Transaction_Type, TRANSACTION_DATE, ...}]}}`. */
export const playerMovementSchema = z.looseObject({
  NBA_Player_Movement: z.looseObject({
    columns: z.array(z.unknown()).optional(),
    rows: z.array(z.record(z.string(), z.unknown())),
  }),
});

