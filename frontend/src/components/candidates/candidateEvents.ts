import type { CandidateEventKind, CandidateRowFragment } from '@/graphql/generated/graphql'

export interface CandidateEventData {
  kind: CandidateEventKind
  candidate: CandidateRowFragment
}

/**
 * Folds a live event into the loaded rows. Updates and deletions change rows in place; a new
 * candidate is only counted, because where it belongs depends on the server's sort and filter.
 */
export function applyCandidateEvent(
  rows: CandidateRowFragment[],
  event: CandidateEventData,
  includeDeleted: boolean,
): { rows: CandidateRowFragment[]; added: number } {
  const index = rows.findIndex((row) => row.id === event.candidate.id)
  if (event.kind === 'CREATED') return { rows, added: index === -1 ? 1 : 0 }
  if (index === -1) return { rows, added: 0 }
  if (event.kind === 'DELETED' && !includeDeleted) return { rows: rows.filter((_, i) => i !== index), added: 0 }
  return { rows: rows.map((row, i) => (i === index ? event.candidate : row)), added: 0 }
}
