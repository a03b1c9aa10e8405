/**
 * The rules of periods and grades a client runs itself (`@yardstick/contract/periods`), without
 * zod: the next period's suggestion and the order of grades.
 */
export { bandOrder, lowestGrade } from './grade-order'
export { CADENCE_MONTHS, type Period, periodLabel, suggestNextPeriod } from './period-dates'
