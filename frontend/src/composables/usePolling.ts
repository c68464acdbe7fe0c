import { onScopeDispose, ref, watch } from 'vue'

/**
 * Calls `refresh` every `interval` ms while `active()` holds and the tab is visible; `tick`
 * counts the refreshes so that child components can follow along.
 */
export function usePolling(active: () => boolean, refresh: () => Promise<void>, interval = 10_000) {
  const tick = ref(0)
  let timer: ReturnType<typeof setInterval> | undefined

  function stop(): void {
    clearInterval(timer)
    timer = undefined
  }

  watch(
    active,
    (on) => {
      stop()
      if (!on) return
      timer = setInterval(() => {
        if (document.visibilityState === 'hidden') return
        tick.value++
        void refresh()
      }, interval)
    },
    { immediate: true },
  )
  onScopeDispose(stop)
  return { tick }
}
