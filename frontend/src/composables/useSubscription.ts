import { onScopeDispose, ref, watch } from 'vue'
import { subscribe } from '@/graphql/live'
import type { TypedDocumentString } from '@/graphql/generated/graphql'

/**
 * Keeps one subscription open for the current variables (`null` closes it) and hands every
 * event to `onData`. `failed` turns true when the server refuses or the socket gives up, so a
 * page can fall back to polling.
 */
export function useSubscription<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: () => TVariables | null,
  onData: (data: TResult) => void,
) {
  const failed = ref(false)
  let stop: (() => void) | null = null

  function close(): void {
    stop?.()
    stop = null
  }

  watch(
    () => JSON.stringify(variables()),
    () => {
      close()
      const vars = variables()
      if (vars === null) return
      failed.value = false
      stop = subscribe(document, vars, onData, () => (failed.value = true))
    },
    { immediate: true },
  )
  onScopeDispose(close)
  return { failed }
}
