/** Tip-off times: home-market local evening tips on weekdays, some afternoon games on weekends. */
import type { Rng } from "./prng";
import { isEasternDst, weekday } from "./et-clock";
import { localOffsetFromEt, type SimTeam } from "./league";

interface Option {
  readonly local: number;
  readonly weight: number;
}

const h = (hours: number, minutes = 0): number => hours * 60 + minutes;

const WEEKNIGHT: readonly Option[] = [
  { local: h(19), weight: 5 },
  { local: h(19, 30), weight: 4 },
  { local: h(20), weight: 1 },
];
const SATURDAY: readonly Option[] = [...WEEKNIGHT, { local: h(17), weight: 1 }, { local: h(18), weight: 2 }];
const SUNDAY: readonly Option[] = [
  ...WEEKNIGHT,
  { local: h(12), weight: 1 },
  { local: h(13), weight: 1 },
  { local: h(15, 30), weight: 2 },
  { local: h(18), weight: 2 },
];

export interface TipTime {
  /** Minutes after midnight, Eastern wall clock. */
  readonly et: number;
  readonly homeLocal: number;
  readonly awayLocal: number;
}

export function tipTime(rng: Rng, date: string, home: SimTeam, away: SimTeam): TipTime {
  const day = weekday(date);
  const options = day === 0 ? SUNDAY : day === 6 ? SATURDAY : WEEKNIGHT;
  const local = options[rng.weightedIndex(options.map((o) => o.weight))]?.local ?? h(19);
  const dst = isEasternDst(date, 12);
  const et = local - localOffsetFromEt(home, dst) * 60;
  return { et, homeLocal: local, awayLocal: et + localOffsetFromEt(away, dst) * 60 };
}
