import type { CandidateRowFragment, ExperimentFieldsFragment } from '@/graphql/generated/graphql'
import type { CsvCell } from '@/utils/csv'

/** Rows for a CSV of candidates, in GitLab's column order: ids, name, times, params, metrics. */
export function candidatesCsv(experiment: ExperimentFieldsFragment, candidates: CandidateRowFragment[]): CsvCell[][] {
  const header = ['experiment_iid', 'candidate_iid', 'name', 'status', 'start_time', 'duration_s', 'creator']
  const rows: CsvCell[][] = [[...header, ...experiment.paramKeys.map((k) => `params.${k}`), ...experiment.metricKeys.map((k) => `metrics.${k}`)]]
  for (const c of candidates) {
    rows.push([
      experiment.iid, c.iid, c.name, c.status, c.startTime, c.duration, c.creator?.username,
      ...experiment.paramKeys.map((k) => c.params.find((p) => p.name === k)?.value),
      ...experiment.metricKeys.map((k) => c.metrics.find((m) => m.name === k)?.value),
    ])
  }
  return rows
}
