/** Deleting many candidates: one `deleteCandidate` per id, failures gathered into one message. */
import { errorMessage, request } from '@/graphql/client'
import { DeleteCandidateDocument } from '@/graphql/generated/graphql'

export interface BulkTarget {
  id: string
  iid: number
  name?: string | null
}

async function deleteOne(target: BulkTarget): Promise<string | null> {
  try {
    const result = (await request(DeleteCandidateDocument, { input: { id: target.id } })).deleteCandidate
    if (result.__typename === 'Candidate') return null
    return 'message' in result && result.message ? result.message : 'refused'
  } catch (e) {
    return errorMessage(e)
  }
}

/** Returns null when every candidate was deleted, otherwise "2 of 5 could not be deleted: …". */
export async function deleteCandidates(targets: BulkTarget[]): Promise<string | null> {
  // One at a time: the server is not flooded and the failures keep the selection's order.
  const failures: string[] = []
  for (const target of targets) {
    const failure = await deleteOne(target)
    if (failure) failures.push(`${target.name || `Candidate ${target.iid}`} (${failure})`)
  }
  if (failures.length === 0) return null
  return `${failures.length} of ${targets.length} could not be deleted: ${failures.join('; ')}`
}
