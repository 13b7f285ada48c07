/**
 * Turning stored numeric cells into the text a data officer expects: ISO dates for date-formatted
 * serial numbers (either date system), zero-padded codes for "0000000000" formats, and numbers
 * without binary-float noise (Excel stores 4.6 as 4.5999999999999996). Everything else stays as typed.
 */

/**
 * What a number format shows: a date (with or without a time of day), a time of day, an elapsed
 * duration ([h]:mm, where hours pass 24), or null for a plain number. Only y/m/d/h/s outside
 * quotes, escapes and padding (_x, *x) count; brackets ([Red], [$-809]) are not date parts, except
 * the elapsed-time ones. "m" is minutes next to h or s, and a month otherwise.
 */
export type TimeKind = 'date' | 'datetime' | 'time' | 'duration'

export function timeKind(code: string): TimeKind | null {
  const unquoted = code.replace(/"[^"]*"/g, '').replace(/[\\_*]./g, '')
  if (/\[(h+|m+|s+)]/i.test(unquoted)) return 'duration'
  const bare = unquoted.replace(/\[[^\]]*]/g, '')
  if (/^general$/i.test(bare.trim()) || !/[ymdhs]/i.test(bare)) return null
  const time = /[hs]/i.test(bare)
  const date = /[yd]/i.test(bare) || (/m/i.test(bare) && !time)
  return date ? (time ? 'datetime' : 'date') : 'time'
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
const msPerDay = 86_400_000
/** Day 0 of each system, as a UTC timestamp. The 1900 system counts a fictitious 29 Feb 1900 (Lotus bug). */
const epoch1900 = Date.UTC(1899, 11, 30)
const epoch1904 = Date.UTC(1904, 0, 1)

/** An Excel serial date as yyyy-mm-dd, yyyy-mm-ddThh:mm:ss, or hh:mm:ss for a pure time; null if out of range. */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return null
  let days = Math.floor(serial)
  const seconds = Math.round((serial - days) * 86_400)
  const wholeDays = days + Math.floor(seconds / 86_400)
  const secs = seconds % 86_400
  const time = `${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`
  if (wholeDays === 0) return time
  days = wholeDays
  if (!date1904 && days === 60) return secs ? `1900-02-29T${time}` : '1900-02-29'
  // Serials before the fictitious leap day are one day "late" in the 1900 system.
  const base = date1904 ? epoch1904 : days < 60 ? epoch1900 + msPerDay : epoch1900
  const d = new Date(base + days * msPerDay)
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  return secs ? `${date}T${time}` : date
}

/** The stored number as a person would have typed it. */
export function numberText(raw: string, format: string | null): string {
  if (format && /^0+$/.test(format) && /^\d+$/.test(raw)) return raw.padStart(format.length, '0')
  if (/^-?\d+$/.test(raw)) return raw
  const n = Number(raw)
  if (!Number.isFinite(n)) return raw
  const shortest = String(n)
  return shortest.includes('e') ? raw : shortest
}

/** What a cell style's number format means for reading: computed once per style, not per cell. */
export interface StyleReading {
  time: TimeKind | null
  format: string | null
}

export function styleReading(format: string | null): StyleReading {
  return { time: format === null ? null : timeKind(format), format }
}

const general: StyleReading = { time: null, format: null }

/** Elapsed time as Excel shows [h]:mm:ss: hours may pass 24 ("36:00:00"). */
export function durationText(serial: number): string {
  const total = Math.round(Math.abs(serial) * 86_400)
  const text = `${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`
  return serial < 0 ? `-${text}` : text
}

/** The text for a numeric cell, taking its style's number format into account. */
export function numericCellText(raw: string, style: StyleReading = general, date1904: boolean): string {
  const n = Number(raw)
  switch (style.time) {
    case 'duration':
      return Number.isFinite(n) ? durationText(n) : raw
    case 'date':
      // Day 0 is no date (Excel shows "00/01/1900"): keep the number as stored.
      if (n >= 0 && n < 1) return numberText(raw, null)
      return serialToIso(n, date1904) ?? numberText(raw, null)
    case 'datetime':
    case 'time':
      return serialToIso(n, date1904) ?? numberText(raw, null)
    default:
      return numberText(raw, style.format)
  }
}

/** OOXML writes characters XML cannot hold as _xHHHH_ (ECMA-376 ST_Xstring); _x005F_ escapes "_" itself. */
export function unescapeXstring(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s
}
