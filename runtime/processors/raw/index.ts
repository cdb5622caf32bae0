import { nbacPlayerBoxscoresProcessor } from "./nbac-player-boxscores";
import { nbacScheduleProcessor } from "./nbac-schedule";
import { bettingprosPlayerPointsPropsProcessor } from "./bettingpros-player-points-props";
import { oddsApiGameLinesProcessor } from "./odds-api-game-lines";
import { oddsApiPlayerPointsPropsProcessor } from "./odds-api-player-points-props";
import type { RawProcessorDefinition } from "./raw-processor";

/** Every phase-2 processor implementation, by catalog processor name. */
export const rawProcessors: readonly RawProcessorDefinition[] = [
  nbacScheduleProcessor,
  nbacPlayerBoxscoresProcessor,
  oddsApiPlayerPointsPropsProcessor,
  oddsApiGameLinesProcessor,
  bettingprosPlayerPointsPropsProcessor,
];
