/** Mapped dates are ISO 8601 (`YYYY-MM-DD`, optionally with a time); anything else is not a date. */
const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/

export interface CalendarDate {
  year: number
  month: number
  day: number
}

export function parseIsoDate(value: string): CalendarDate | null {
  const m = iso.exec(value.trim())
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return { year, month, day }
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day
}

/** Whole years from `from` to `to` (an age). */
export function yearsBetween(from: CalendarDate, to: CalendarDate): number {
  const years = to.year - from.year
  return to.month < from.month || (to.month === from.month && to.day < from.day) ? years - 1 : years
}

export function toCalendarDate(d: Date): CalendarDate {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}
