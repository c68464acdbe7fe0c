import type { CandidateStatus } from '@/graphql/generated/graphql'

export interface CandidatesCsvQuery {
  projectPath: string
  iid: number
  filter: string
  sort: string
  status: CandidateStatus | null
  includeDeleted: boolean
}

/** The server's CSV of every candidate the filter selects (not only the loaded rows),
 * `GET /api/v4/projects/:id/ml/experiments/:iid/candidates.csv`, with the table's arguments. */
export function candidatesCsvUrl(q: CandidatesCsvQuery): string {
  const params = new URLSearchParams()
  if (q.filter) params.set('filter', q.filter)
  if (q.sort) params.set('sort', q.sort)
  if (q.status) params.set('status', q.status)
  if (q.includeDeleted) params.set('include_deleted', 'true')
  const query = params.toString()
  const path = `/api/v4/projects/${encodeURIComponent(q.projectPath)}/ml/experiments/${q.iid}/candidates.csv`
  return query ? `${path}?${query}` : path
}
