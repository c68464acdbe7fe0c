import { onScopeDispose } from 'vue'

/** Wraps `fn` so that it runs once, `delay` ms after the last call. */
export function useDebounced<A extends unknown[]>(fn: (...args: A) => void, delay = 300) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const cancel = () => clearTimeout(timer)
  onScopeDispose(cancel)
  const debounced = (...args: A): void => {
    cancel()
    timer = setTimeout(() => fn(...args), delay)
  }
  return { debounced, cancel }
}
