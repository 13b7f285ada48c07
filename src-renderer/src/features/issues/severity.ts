/** Severity is shown as a word and a symbol as well as a colour, so colour is never the only signal. */
import type { Severity } from '../../../../src-main/contract'

export const severityLabels: Record<Severity, { label: string; plural: string; icon: string; color: string }> = {
  error: { label: 'Error', plural: 'Errors', icon: '✖', color: 'red.9' },
  warning: { label: 'Warning', plural: 'Warnings', icon: '▲', color: '#9a3a06' },
  info: { label: 'Information', plural: 'Information', icon: 'ℹ', color: 'blue.9' },
}
