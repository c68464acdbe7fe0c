import { ref, shallowRef, watch, type Ref } from 'vue'
import { request, errorMessage } from '@/graphql/client'
import {
  ExperimentCandidatesDocument,
  type CandidateRowFragment,
  type CandidateStatus,
} from '@/graphql/generated/graphql'
import { applyCandidateEvent, type CandidateEventData } from '@/components/candidates/candidateEvents'

export interface CandidateQueryArgs {
  fullPath: string
  iid: number
  filter: string | null
  sort: string | null
  status: CandidateStatus | null
  includeDeleted: boolean
}

// A first page just fills the table (about 25 rows show): the server answers 50 rows in about half
// the time of 100, which the first paint and every re-sort wait for. Scrolling then loads more.
const FIRST_PAGE = 50
const NEXT_PAGE = 100

/** Candidates of an experiment, page after page by cursor; restarts when the arguments change. */
export function useCandidatePages(args: () => CandidateQueryArgs) {
  const rows = shallowRef<CandidateRowFragment[]>([])
  const totalCount = ref<number | null>(null)
  const error: Ref<string | null> = ref(null)
  const loading = ref(false)
  const hasMore = ref(false)
  /** Candidates created since the rows were loaded (live events); reloading shows them. */
  const newCount = ref(0)
  let cursor: string | null = null
  let generation = 0

  async function fetchPage(reset: boolean): Promise<void> {
    if (reset) {
      generation++
      cursor = null
      newCount.value = 0
    }
    const mine = generation
    loading.value = true
    error.value = null
    try {
      const data = await request(ExperimentCandidatesDocument, { ...args(), first: reset ? FIRST_PAGE : NEXT_PAGE, after: cursor })
      if (mine !== generation) return
      const connection = data.project?.experiment?.candidates
      if (!connection) throw new Error('Experiment not found')
      rows.value = reset ? connection.nodes : [...rows.value, ...connection.nodes]
      totalCount.value = connection.totalCount
      hasMore.value = connection.pageInfo.hasNextPage
      cursor = connection.pageInfo.endCursor ?? null
    } catch (e) {
      if (mine !== generation) return
      error.value = errorMessage(e)
      if (reset) {
        rows.value = []
        hasMore.value = false
      }
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  function loadMore(): void {
    if (!loading.value && hasMore.value) void fetchPage(false)
  }

  function applyEvent(event: CandidateEventData): void {
    const result = applyCandidateEvent(rows.value, event, args().includeDeleted)
    rows.value = result.rows
    newCount.value += result.added
  }

  watch(() => JSON.stringify(args()), () => void fetchPage(true), { immediate: true })
  return { rows, totalCount, error, loading, hasMore, newCount, loadMore, applyEvent, reload: () => fetchPage(true) }
}
