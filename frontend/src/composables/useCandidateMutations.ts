import { ref, type Ref } from 'vue'
import { request, errorMessage } from '@/graphql/client'
import {
  DeleteCandidateDocument,
  PurgeCandidateDocument,
  RestoreCandidateDocument,
  UpdateCandidateDocument,
  type CandidateFieldsFragment,
  type UpdateCandidateInput,
} from '@/graphql/generated/graphql'

type Payload = { __typename: string; message?: string }

/** Edit, delete and restore one candidate; `onDone` refreshes the page, `error` keeps the last failure. */
export function useCandidateMutations(candidate: Ref<CandidateFieldsFragment | null>, onDone: () => Promise<void>) {
  const error = ref<string | null>(null)

  async function run(call: (id: string) => Promise<Payload>, expected = 'Candidate'): Promise<boolean> {
    if (!candidate.value) return false
    error.value = null
    try {
      const result = await call(candidate.value.id)
      if (result.__typename !== expected) {
        error.value = 'message' in result && result.message ? result.message : 'The change was refused.'
        return false
      }
      if (expected === 'Candidate') await onDone()
      return true
    } catch (e) {
      error.value = errorMessage(e)
      return false
    }
  }

  const update = (changes: Omit<UpdateCandidateInput, 'id'>) =>
    run(async (id) => (await request(UpdateCandidateDocument, { input: { id, ...changes } })).updateCandidate)
  const remove = () => run(async (id) => (await request(DeleteCandidateDocument, { input: { id } })).deleteCandidate)
  const restore = () => run(async (id) => (await request(RestoreCandidateDocument, { input: { id } })).restoreCandidate)

  const purge = () => run(async (id) => (await request(PurgeCandidateDocument, { input: { id } })).purgeCandidate, 'Purged')

  return { error, update, remove, restore, purge }
}
