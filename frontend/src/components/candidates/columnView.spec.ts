import { describe, expect, it } from 'vitest'
import { buildColumns } from './columns'
import {
  DEFAULT_VIEW, canMove, move, moveTo, orderColumns, parseView, pinOffsets, setHidden, setPinned, storageKey, visibleColumns,
} from './columnView'

const columns = buildColumns(['lr', 'seed'], ['acc'])
const ids = (view = DEFAULT_VIEW) => orderColumns(columns, view).map((c) => c.id)

describe('column view', () => {
  it('keeps the default order, and appends columns the order does not know', () => {
    expect(ids()).toEqual(['name', 'status', 'created', 'duration', 'creator', 'params.lr', 'params.seed', 'metrics.acc'])
    expect(ids({ ...DEFAULT_VIEW, order: ['metrics.acc', 'params.gone', 'name'] }).slice(0, 3)).toEqual(['metrics.acc', 'name', 'status'])
  })

  it('moves a column up or down by one, and not past either end', () => {
    const down = move(columns, DEFAULT_VIEW, 'params.lr', 1)
    expect(ids(down).slice(5)).toEqual(['params.seed', 'params.lr', 'metrics.acc'])
    expect(move(columns, DEFAULT_VIEW, 'name', -1)).toBe(DEFAULT_VIEW)
    expect(canMove(columns, DEFAULT_VIEW, 'metrics.acc', 1)).toBe(false)
  })

  it('drops a dragged column where the target stood', () => {
    const view = moveTo(columns, DEFAULT_VIEW, 'metrics.acc', 'status')
    expect(ids(view).slice(0, 3)).toEqual(['name', 'metrics.acc', 'status'])
    expect(ids(moveTo(columns, view, 'name', 'params.seed')).slice(-2)).toEqual(['params.seed', 'name'])
  })

  it('puts pinned columns first, keeps moves within the pinned group, and unpins in place', () => {
    let view = setPinned(columns, DEFAULT_VIEW, 'metrics.acc', true)
    view = setPinned(columns, view, 'params.lr', true)
    expect(ids(view).slice(0, 3)).toEqual(['metrics.acc', 'params.lr', 'name'])
    expect(canMove(columns, view, 'params.lr', 1)).toBe(false)
    expect(moveTo(columns, view, 'name', 'metrics.acc')).toBe(view)
    expect(ids(move(columns, view, 'params.lr', -1)).slice(0, 2)).toEqual(['params.lr', 'metrics.acc'])
    const unpinned = setPinned(columns, view, 'metrics.acc', false)
    expect(ids(unpinned).slice(0, 3)).toEqual(['params.lr', 'metrics.acc', 'name'])
  })

  it('hides columns but never the name, and offsets pinned ones after the checkbox', () => {
    let view = setHidden(DEFAULT_VIEW, 'status', true)
    view = setHidden(view, 'name', true)
    expect(visibleColumns(columns, view).map((c) => c.id)).not.toContain('status')
    expect(visibleColumns(columns, view)[0]!.id).toBe('name')
    view = setPinned(columns, setPinned(columns, view, 'name', true), 'params.seed', true)
    expect([...pinOffsets(visibleColumns(columns, view), view.pinned)]).toEqual([['name', 40], ['params.seed', 232]])
  })

  it('reads stored views defensively, keyed per project and experiment', () => {
    expect(parseView('{"order":["a",3],"hidden":"x","pinned":["b"]}')).toEqual({ order: ['a'], hidden: [], pinned: ['b'] })
    expect(parseView('not json')).toBeNull()
    expect(parseView(null)).toBeNull()
    expect(storageKey('group/proj', 4)).toBe('labbook:columns:group/proj:4')
  })
})
