import { onScopeDispose } from 'vue'

/** Runs `fn` at most once per `interval` ms; a call inside the window runs once at its end. */
export function useThrottled(fn: () => void, interval: number): () => void {
  let last = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  onScopeDispose(() => clearTimeout(timer))
  return () => {
    if (timer) return
    const wait = last + interval - Date.now()
    if (wait <= 0) {
      last = Date.now()
      fn()
      return
    }
    timer = setTimeout(() => {
      timer = undefined
      last = Date.now()
      fn()
    }, wait)
  }
}
