import { alertFloodDrill } from "./alert-flood";
import { alertRestartDrill } from "./alert-restart";
import { channelDownDrill } from "./channel-down";
import type { Drill } from "./drill";

/** Every drill `nba-props drill <name>` can run; one line per drill. */
export const drills: readonly Drill[] = [
  alertFloodDrill,
  alertRestartDrill,
  channelDownDrill,
];
