import { ref, shallowRef, watch, onScopeDispose, type Ref, type ShallowRef } from 'vue'
import { request, errorMessage } from '@/graphql/client'
import type { TypedDocumentString } from '@/graphql/generated/graphql'

export interface QueryState<T> {
  data: ShallowRef<T | null>
  error: Ref<string | null>
  loading: Ref<boolean>
  refetch: () => Promise<void>
}

/**
 * Runs a query whenever its variables change (compared by value); `null` variables pause it.
 * Only the newest answer is kept, so fast typing never shows a stale result.
 */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: () => TVariables | null,
): QueryState<TResult> {
  const data = shallowRef<TResult | null>(null)
  const error = ref<string | null>(null)
  const loading = ref(false)
  let latest = 0
  let disposed = false
  onScopeDispose(() => {
    disposed = true
  })

  async function refetch(): Promise<void> {
    const vars = variables()
    if (vars === null) return
    const ticket = ++latest
    loading.value = true
    error.value = null
    try {
      const result = await request(document, vars)
      if (ticket === latest && !disposed) data.value = result
    } catch (e) {
      if (ticket === latest && !disposed) error.value = errorMessage(e)
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  watch(() => JSON.stringify(variables()), () => void refetch(), { immediate: true })
  return { data, error, loading, refetch }
}
