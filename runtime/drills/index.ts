import { alertFloodDrill } from "./alert-flood";
import { alertRestartDrill } from "./alert-restart";
import { channelDownDrill } from "./channel-down";
import type { Drill } from "./drill";
import { flakyTransient } from "./flaky-transient";
import { gateHealthFails } from "./gate-health-fails";
import { gateValidationFails } from "./gate-validation-fails";
import { poisonMessage } from "./poison-message";
import { scheduleHang } from "./schedule-hang";
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
  gateValidationFails,
  gateHealthFails,
  poisonMessage,
  flakyTransient,
  scheduleHang,
];
