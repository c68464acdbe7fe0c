import type { Column } from './columns'

/** How the user arranged the candidates table: column order, hidden and pinned columns (ids). */
export interface ColumnView {
  order: string[]
  hidden: string[]
  pinned: string[]
}

export const DEFAULT_VIEW: ColumnView = { order: [], hidden: [], pinned: [] }
/** The name links to the candidate: it is always shown. */
export const ALWAYS_SHOWN = 'name'
export const CHECKBOX_WIDTH = 40

export function isDefaultView(view: ColumnView): boolean {
  return view.order.length === 0 && view.hidden.length === 0 && view.pinned.length === 0
}

/** Every column in the user's order: pinned ones first, then the rest; columns the view does
 * not mention yet (keys logged later) keep their default place after the ordered ones. */
export function orderColumns(columns: Column[], view: ColumnView): Column[] {
  const rank = (c: Column) => {
    const at = view.order.indexOf(c.id)
    return at === -1 ? view.order.length + columns.indexOf(c) : at
  }
  const sorted = [...columns].sort((a, b) => rank(a) - rank(b))
  return [...sorted.filter((c) => view.pinned.includes(c.id)), ...sorted.filter((c) => !view.pinned.includes(c.id))]
}

/** The columns the table shows, in order. */
export function visibleColumns(columns: Column[], view: ColumnView): Column[] {
  return orderColumns(columns, view).filter((c) => c.id === ALWAYS_SHOWN || !view.hidden.includes(c.id))
}

/** Left offsets (px) of the pinned columns among `shown`, after the selection checkbox. */
export function pinOffsets(shown: Column[], pinned: string[]): Map<string, number> {
  const offsets = new Map<string, number>()
  let left = CHECKBOX_WIDTH
  for (const column of shown.filter((c) => pinned.includes(c.id))) {
    offsets.set(column.id, left)
    left += column.minWidth
  }
  return offsets
}

const samePin = (view: ColumnView, a: string, b: string) => view.pinned.includes(a) === view.pinned.includes(b)

/** Whether `id` can move by `delta` places: within its group (pinned or not), inside the list. */
export function canMove(columns: Column[], view: ColumnView, id: string, delta: number): boolean {
  const ids = orderColumns(columns, view).map((c) => c.id)
  const target = ids[ids.indexOf(id) + delta]
  return target !== undefined && samePin(view, id, target)
}

/** `id` moved to where `target` is (dragging onto it, or one step up or down). */
export function moveTo(columns: Column[], view: ColumnView, id: string, target: string): ColumnView {
  if (id === target || !samePin(view, id, target)) return view
  const ids = orderColumns(columns, view).map((c) => c.id)
  const from = ids.indexOf(id)
  const to = ids.indexOf(target)
  if (from === -1 || to === -1) return view
  ids.splice(from, 1)
  ids.splice(to, 0, id)
  return { ...view, order: ids }
}

export function move(columns: Column[], view: ColumnView, id: string, delta: number): ColumnView {
  if (!canMove(columns, view, id, delta)) return view
  const ids = orderColumns(columns, view).map((c) => c.id)
  return moveTo(columns, view, id, ids[ids.indexOf(id) + delta]!)
}

function toggled(list: string[], id: string, on: boolean): string[] {
  const rest = list.filter((x) => x !== id)
  return on ? [...rest, id] : rest
}

export function setHidden(view: ColumnView, id: string, hidden: boolean): ColumnView {
  return id === ALWAYS_SHOWN ? view : { ...view, hidden: toggled(view.hidden, id, hidden) }
}

/** A newly pinned column goes to the end of the pinned group, an unpinned one to the start of
 * the rest: where it already stands, so nothing jumps. */
export function setPinned(columns: Column[], view: ColumnView, id: string, pinned: boolean): ColumnView {
  const next = { ...view, pinned: toggled(view.pinned, id, pinned) }
  const ids = orderColumns(columns, view).map((c) => c.id).filter((c) => c !== id)
  const at = ids.filter((c) => next.pinned.includes(c)).length
  ids.splice(at, 0, id)
  return { ...next, order: ids }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []
}

/** A view read back from storage; anything malformed reads as the default. */
export function parseView(text: string | null): ColumnView | null {
  if (!text) return null
  try {
    const raw: unknown = JSON.parse(text)
    if (typeof raw !== 'object' || raw === null) return null
    const { order, hidden, pinned } = raw as Record<string, unknown>
    return { order: strings(order), hidden: strings(hidden), pinned: strings(pinned) }
  } catch {
    return null
  }
}

export function storageKey(projectPath: string, experimentIid: number): string {
  return `labbook:columns:${projectPath}:${experimentIid}`
}
