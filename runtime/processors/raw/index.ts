import { nbacPlayerBoxscoresProcessor } from "./nbac-player-boxscores";
import { nbacScheduleProcessor } from "./nbac-schedule";
import type { RawProcessorDefinition } from "./raw-processor";
import { bdlPlayerBoxscoresProcessor } from "./bdl-player-boxscores";
import { nbacPlayerMovementProcessor } from "./nbac-player-movement";
import { nbacInjuryReportProcessor } from "./nbac-injury-report";
import { nbacTeamRostersProcessor } from "./nbac-team-rosters";

/** Every phase-2 processor implementation, by catalog processor name. */
export const rawProcessors: readonly RawProcessorDefinition[] = [
  nbacScheduleProcessor,
  nbacPlayerBoxscoresProcessor,
  bdlPlayerBoxscoresProcessor,
  nbacPlayerMovementProcessor,
  nbacInjuryReportProcessor,
  nbacTeamRostersProcessor,
];
