import { alertFloodDrill } from "./alert-flood";
import { alertRestartDrill } from "./alert-restart";
import { channelDownDrill } from "./channel-down";
import type { Drill } from "./drill";
import { crashMidRunDrill } from "./heartbeat/crash-mid-run";
import { heartbeatStoreDownDrill } from "./heartbeat/heartbeat-store-down";
import { processorHangDrill } from "./heartbeat/processor-hang";
import { processorStallDrill } from "./heartbeat/processor-stall";

/** Every drill `nba-props drill <name>` can run; one line per drill. */
export const drills: readonly Drill[] = [
  processorHangDrill,
  processorStallDrill,
  heartbeatStoreDownDrill,
  crashMidRunDrill,
  alertFloodDrill,
  alertRestartDrill,
  channelDownDrill,
];
