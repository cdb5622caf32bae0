import type { Drill } from "./drill";
import { runGateValidationFails } from "./gate-drill";

export const gateValidationFails: Drill = {
  name: "gate-validation-fails",
  description: "A blocking validation failure holds the 3->4 gate: nothing published or latched, one alert; fixed data passes on the sweep; an override publishes.",
  run: ({ workDir }) => runGateValidationFails(workDir),
};
