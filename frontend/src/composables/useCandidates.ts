import { ref, shallowRef, watch } from 'vue'
import { request, errorMessage } from '@/graphql/client'
import { CandidateDocument, type CandidateFieldsFragment } from '@/graphql/generated/graphql'

/** Several candidates of a project by iid, fetched in parallel, in the order asked. */
export function useCandidates(args: () => { fullPath: string; iids: number[] }) {
  const candidates = shallowRef<CandidateFieldsFragment[]>([])
  const missing = ref<number[]>([])
  const error = ref<string | null>(null)
  const loading = ref(false)
  let latest = 0

  async function load(): Promise<void> {
    const { fullPath, iids } = args()
    const ticket = ++latest
    loading.value = true
    error.value = null
    try {
      const results = await Promise.all(iids.map((iid) => request(CandidateDocument, { fullPath, iid })))
      if (ticket !== latest) return
      const found = results.map((r) => r.project?.candidate ?? null)
      candidates.value = found.filter((c): c is CandidateFieldsFragment => c !== null)
      missing.value = iids.filter((_, i) => found[i] === null)
    } catch (e) {
      if (ticket === latest) error.value = errorMessage(e)
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  watch(() => JSON.stringify(args()), () => void load(), { immediate: true })
  return { candidates, missing, error, loading, reload: load }
}
