import { computed, type ComputedRef, type Ref } from 'vue'
import { useQuery } from '@/composables/useQuery'
import { ExperimentKeysDocument, type CandidateRowFragment } from '@/graphql/generated/graphql'

/**
 * The param and metric keys of an experiment: its table's columns. The server reads them over all
 * its candidates, which takes seconds for 100,000; until they come the loaded rows' own keys stand
 * in, so the table shows with its first page (sorted the same way: no column moves when they come).
 */
export function useExperimentKeys(
  args: () => { fullPath: string; iid: number },
  rows: Ref<CandidateRowFragment[]>,
  firstPageLoading: () => boolean = () => false,
) {
  // Asked once the first page is in: both at once, the keys' seconds of server work slow the page.
  let asked = false
  const variables = () => {
    if (!asked && firstPageLoading()) return null
    asked = true
    return args()
  }
  const { data, refetch } = useQuery(ExperimentKeysDocument, variables)
  const loaded = computed(() => data.value?.project?.experiment ?? null)
  const paramKeys = stableList(() => loaded.value?.paramKeys ?? namesIn(rows.value, (row) => row.params))
  const metricKeys = stableList(() => loaded.value?.metricKeys ?? namesIn(rows.value, (row) => row.metrics))
  return { paramKeys, metricKeys, refetch }
}

function namesIn(rows: CandidateRowFragment[], items: (row: CandidateRowFragment) => { name: string }[]): string[] {
  const names = new Set<string>()
  for (const row of rows) for (const item of items(row)) names.add(item.name)
  // Code-unit order, as the server's ORDER BY name (binary collation) gives.
  return [...names].sort()
}

/**
 * The same array while its contents stay the same: another page of rows, or the server's keys
 * matching the rows', then changes no column, and the table re-renders no row for them.
 */
function stableList(get: () => string[]): ComputedRef<string[]> {
  let last: string[] = []
  return computed(() => {
    const next = get()
    if (next.length === last.length && next.every((key, i) => key === last[i])) return last
    last = next
    return next
  })
}
