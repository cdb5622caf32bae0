/** Seasons the generator can produce (start years); a date outside them is a usage error at parse time. */
export const SIM_FIRST_SEASON = 2000;
/** Two-digit season years in the id (YY) must not wrap into the next century. */
export const SIM_LAST_SEASON = 2098;
