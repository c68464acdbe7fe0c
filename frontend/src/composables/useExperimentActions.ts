import { ref, type Ref } from 'vue'
import { request, errorMessage } from '@/graphql/client'
import {
  DeleteExperimentDocument,
  RestoreExperimentDocument,
  UpdateExperimentDocument,
  type ExperimentFieldsFragment,
} from '@/graphql/generated/graphql'

type Payload = { __typename: 'Experiment' } | { __typename: string; message?: string }

/** Rename, delete and restore one experiment; `error` keeps the last refusal or failure. */
export function useExperimentActions(experiment: Ref<ExperimentFieldsFragment | null>) {
  const error = ref<string | null>(null)

  async function run(call: (id: string) => Promise<Payload>): Promise<boolean> {
    if (!experiment.value) return false
    error.value = null
    try {
      const result = await call(experiment.value.id)
      if (result.__typename === 'Experiment') return true
      error.value = 'message' in result && result.message ? result.message : 'The change was refused.'
    } catch (e) {
      error.value = errorMessage(e)
    }
    return false
  }

  const rename = (name: string) =>
    run(async (id) => (await request(UpdateExperimentDocument, { input: { id, name } })).updateExperiment)
  const remove = () => run(async (id) => (await request(DeleteExperimentDocument, { input: { id } })).deleteExperiment)
  const restore = () => run(async (id) => (await request(RestoreExperimentDocument, { input: { id } })).restoreExperiment)

  return { error, rename, remove, restore }
}
