import { mlFeatureStoreProcessor } from "./ml-feature-store";
import { playerCompositeFactorsProcessor } from "./player-composite-factors";
import { playerDailyCacheProcessor } from "./player-daily-cache";
import { playerShotZoneProcessor } from "./player-shot-zone-analysis";
import { runnablePrecompute, type RunnablePrecomputeProcessor } from "./precompute-processor";
import { teamDefenseZoneProcessor } from "./team-defense-zone-analysis";

/** Phase-4 processors in dependency order (DOMAIN §6.3): zones, then the cache, the factors, the feature store. */
export const precomputeProcessors: readonly RunnablePrecomputeProcessor[] = [
  runnablePrecompute(teamDefenseZoneProcessor),
  runnablePrecompute(playerShotZoneProcessor),
  runnablePrecompute(playerDailyCacheProcessor),
  runnablePrecompute(playerCompositeFactorsProcessor),
  runnablePrecompute(mlFeatureStoreProcessor),
];
