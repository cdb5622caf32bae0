import type { Drill } from "./drill";
import { flakyTransient } from "./flaky-transient";
import { gateHealthFails } from "./gate-health-fails";
import { gateValidationFails } from "./gate-validation-fails";
import { poisonMessage } from "./poison-message";
import { scheduleHang } from "./schedule-hang";

/** Every drill `nba-props drill <name>` can run; one line per drill. */
export const drills: readonly Drill[] = [
  gateValidationFails,
  gateHealthFails,
  poisonMessage,
  flakyTransient,
  scheduleHang,
];
