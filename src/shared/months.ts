// Runs everywhere: English month names, lower-case, January first (dates typed in the app, figure detection).
export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const
