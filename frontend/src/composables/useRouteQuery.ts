import { computed, type WritableComputedRef } from 'vue'
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router'

/** A URL query parameter as a string ref; writing it replaces the URL (empty removes it). */
export function useRouteQuery(name: string, fallback = ''): WritableComputedRef<string> {
  const route = useRoute()
  const router = useRouter()
  return computed({
    get() {
      const value = route.query[name]
      const first = Array.isArray(value) ? value[0] : value
      return first ?? fallback
    },
    set(next: string) {
      void updateQuery(router, route.query, { [name]: next === fallback ? undefined : next })
    },
  })
}

/** Merges `changes` into the current query; `undefined` or '' removes a key. */
export function updateQuery(
  router: ReturnType<typeof useRouter>,
  current: LocationQueryRaw,
  changes: Record<string, string | undefined>,
) {
  const query: LocationQueryRaw = { ...current }
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') delete query[key]
    else query[key] = value
  }
  return router.replace({ query })
}

/** A repeated URL query parameter (`?k=a&k=b`) as a list; writing replaces the URL. */
export function useRouteQueryList(name: string): WritableComputedRef<string[]> {
  const route = useRoute()
  const router = useRouter()
  return computed({
    get() {
      const value = route.query[name]
      const list = Array.isArray(value) ? value : value ? [value] : []
      return list.filter((v): v is string => typeof v === 'string' && v !== '')
    },
    set(next: string[]) {
      const query: LocationQueryRaw = { ...route.query }
      if (next.length > 0) query[name] = next
      else delete query[name]
      void router.replace({ query })
    },
  })
}
