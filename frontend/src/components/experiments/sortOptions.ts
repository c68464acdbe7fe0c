import type { ExperimentSort } from '@/graphql/generated/graphql'

export const EXPERIMENT_SORTS: { value: ExperimentSort; label: string }[] = [
  { value: 'CREATED_DESC', label: 'Created (newest)' },
  { value: 'CREATED_ASC', label: 'Created (oldest)' },
  // The table's "Last activity" (a candidate changed), not the experiment row's own updated_at.
  { value: 'LAST_ACTIVITY_DESC', label: 'Last activity (newest)' },
  { value: 'LAST_ACTIVITY_ASC', label: 'Last activity (oldest)' },
  { value: 'NAME_ASC', label: 'Name (A–Z)' },
  { value: 'NAME_DESC', label: 'Name (Z–A)' },
  { value: 'CANDIDATE_COUNT_DESC', label: 'Most candidates' },
  { value: 'CANDIDATE_COUNT_ASC', label: 'Fewest candidates' },
]

export const DEFAULT_EXPERIMENT_SORT: ExperimentSort = 'CREATED_DESC'

export function toExperimentSort(value: string): ExperimentSort {
  return EXPERIMENT_SORTS.find((s) => s.value === value)?.value ?? DEFAULT_EXPERIMENT_SORT
}
