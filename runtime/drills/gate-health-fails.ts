import type { Drill } from "./drill";
import { runGateHealthFails } from "./gate-drill";

export const gateHealthFails: Drill = {
  name: "gate-health-fails",
  description: "The next phase's service answers 503 on /health/ready: the gate holds and alerts once, passes on the sweep once it is ready; an override publishes.",
  run: ({ workDir }) => runGateHealthFails(workDir),
};
