import type { CandidateRowFragment, CandidateStatus } from '@/graphql/generated/graphql'
import type { MetricSummary, SortNamespace } from '@/utils/searchLanguage'
import { formatDuration, formatNumber } from '@/utils/format'

export type ColumnKind = 'name' | 'status' | 'created' | 'duration' | 'creator' | 'param' | 'metric'

export interface Column {
  id: string
  label: string
  kind: ColumnKind
  /** What clicking the header sorts by; null when the server cannot sort by it. */
  sort: { namespace: SortNamespace; key: string } | null
  /** Narrowest width in px; a pinned column keeps exactly this width (its offset is known). */
  minWidth: number
  /** Share of the spare width (fr), 0 for a fixed width. */
  grow: number
}

const FIXED: Column[] = [
  { id: 'name', label: 'Name', kind: 'name', sort: { namespace: 'attributes', key: 'run_name' }, minWidth: 192, grow: 2 },
  { id: 'status', label: 'Status', kind: 'status', sort: { namespace: 'attributes', key: 'status' }, minWidth: 104, grow: 0 },
  { id: 'created', label: 'Created', kind: 'created', sort: { namespace: 'attributes', key: 'start_time' }, minWidth: 152, grow: 0 },
  { id: 'duration', label: 'Duration', kind: 'duration', sort: null, minWidth: 96, grow: 0 },
  { id: 'creator', label: 'Creator', kind: 'creator', sort: null, minWidth: 112, grow: 0 },
]

export function buildColumns(paramKeys: string[], metricKeys: string[]): Column[] {
  return [
    ...FIXED,
    ...paramKeys.map((key): Column => ({
      id: `params.${key}`, label: key, kind: 'param', sort: { namespace: 'params', key }, minWidth: 112, grow: 1,
    })),
    ...metricKeys.map((key): Column => ({
      id: `metrics.${key}`, label: key, kind: 'metric', sort: { namespace: 'metrics', key }, minWidth: 112, grow: 1,
    })),
  ]
}

/** The CSS grid track of a column: fixed when pinned, so pinned offsets add up. */
export function track(column: Column, pinned = false): string {
  return pinned || column.grow === 0 ? `${column.minWidth}px` : `minmax(${column.minWidth}px, ${column.grow}fr)`
}

/** Text of a cell that is plain text (name, status and created render richer markup). */
export function cellText(candidate: CandidateRowFragment, column: Column, summary: MetricSummary = 'last'): string {
  switch (column.kind) {
    case 'duration':
      return formatDuration(candidate.duration)
    case 'creator':
      return candidate.creator?.username ?? ''
    case 'param':
      return candidate.params.find((p) => p.name === column.label)?.value ?? ''
    case 'metric': {
      const metric = candidate.metrics.find((m) => m.name === column.label)
      return formatNumber(summary === 'last' ? metric?.value : metric?.[summary])
    }
    case 'name':
      return candidate.name
    case 'status':
      return candidate.status.toLowerCase()
    case 'created':
      return candidate.startTime ?? candidate.createdAt
  }
}

export const METRIC_SUMMARIES: { value: MetricSummary; label: string }[] = [
  { value: 'last', label: 'latest' },
  { value: 'min', label: 'minimum' },
  { value: 'max', label: 'maximum' },
]

export function toSummary(value: string): MetricSummary {
  return METRIC_SUMMARIES.find((s) => s.value === value)?.value ?? 'last'
}

export const STATUSES: CandidateStatus[] = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED']

export function toStatus(value: string): CandidateStatus | null {
  return STATUSES.find((s) => s === value) ?? null
}
