import { computed, watch, type ComputedRef } from 'vue'
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router'
import { isDefaultView, parseView, storageKey, type ColumnView } from './columnView'

/** URL parameters of the column view: `?hide=…&order=…&pin=…` (each repeated). */
const PARAMS = { hidden: 'hide', order: 'order', pinned: 'pin' } as const

function list(query: LocationQuery, name: string): string[] {
  const value = query[name]
  const values = Array.isArray(value) ? value : value ? [value] : []
  return values.filter((v): v is string => typeof v === 'string' && v !== '')
}

function fromQuery(query: LocationQuery): ColumnView {
  return { hidden: list(query, PARAMS.hidden), order: list(query, PARAMS.order), pinned: list(query, PARAMS.pinned) }
}

function withView(query: LocationQuery, view: ColumnView): LocationQueryRaw {
  const next: LocationQueryRaw = { ...query }
  for (const [field, name] of Object.entries(PARAMS) as [keyof ColumnView, string][]) {
    if (view[field].length > 0) next[name] = view[field]
    else delete next[name]
  }
  return next
}

function readStored(key: string): ColumnView | null {
  try {
    return parseView(localStorage.getItem(key))
  } catch {
    return null // storage disabled
  }
}

function store(key: string, view: ColumnView): void {
  try {
    localStorage.setItem(key, JSON.stringify(view))
  } catch {
    // Storage full or disabled: the URL still holds the view.
  }
}

/**
 * The candidates table's column view, held in the URL (so a link shares it) and remembered
 * per experiment in localStorage. A URL with column parameters wins; without them, the
 * experiment's remembered view is put into the URL.
 */
export function useColumnView(projectPath: () => string, iid: () => number): { view: ComputedRef<ColumnView>; set(view: ColumnView): void } {
  const route = useRoute()
  const router = useRouter()
  const view = computed(() => fromQuery(route.query))
  watch(
    () => storageKey(projectPath(), iid()),
    (key) => {
      const stored = readStored(key)
      if (isDefaultView(view.value) && stored && !isDefaultView(stored)) void router.replace({ query: withView(route.query, stored) })
    },
    { immediate: true },
  )
  function set(next: ColumnView): void {
    store(storageKey(projectPath(), iid()), next)
    void router.replace({ query: withView(route.query, next) })
  }
  return { view, set }
}
