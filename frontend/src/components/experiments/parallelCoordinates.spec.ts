import { describe, expect, it } from 'vitest'
import { axisAt, axisTicks, axisX, fromY, inBrushes, nearestLine, parallelData, toY, type Layout } from './parallelCoordinates'

const rows = [
  { iid: 1, name: 'a', params: [{ name: 'lr', value: '0.1' }, { name: 'opt', value: 'sgd' }], metrics: [{ name: 'acc', value: 0.5 }] },
  { iid: 2, name: 'b', params: [{ name: 'lr', value: '0.3' }, { name: 'opt', value: 'adam' }], metrics: [{ name: 'acc', value: 0.9 }] },
  { iid: 3, name: '', params: [{ name: 'lr', value: '0.2' }], metrics: [{ name: 'acc', value: Number.NaN }] },
]
const chosen = [
  { kind: 'param', key: 'lr' },
  { kind: 'param', key: 'opt' },
  { kind: 'metric', key: 'acc' },
] as const
const layout: Layout = { width: 400, height: 200, padX: 50, padTop: 20, padBottom: 30 }

describe('parallelData', () => {
  it('builds numeric and categorical axes and one line per candidate', () => {
    const data = parallelData(rows, [...chosen])
    expect(data.axes.map((a) => [a.id, a.categories, a.min, a.max])).toEqual([
      ['param:lr', null, 0.1, 0.3],
      ['param:opt', ['adam', 'sgd'], 0, 1],
      ['metric:acc', null, 0.5, 0.9],
    ])
    expect(data.lines[0]!.positions[0]).toBeCloseTo(0)
    expect(data.lines[2]!.positions[0]).toBeCloseTo(0.5)
    expect(data.lines.map((l) => l.positions[1])).toEqual([1, 0, null])
    expect(data.lines[2]!.positions[2]).toBeNull() // NaN is missing, not plotted
    expect(data.lines[2]!.name).toBe('Candidate 3')
  })

  it('puts a single value mid-axis and labels ticks', () => {
    const data = parallelData(rows.slice(0, 1), [chosen[0]])
    expect(data.lines[0]!.positions).toEqual([0.5])
    expect(axisTicks(data.axes[0]!)).toEqual([{ at: 0.5, label: '0.1' }])
    const full = parallelData(rows, [...chosen])
    expect(axisTicks(full.axes[1]!)).toEqual([{ at: 0, label: 'adam' }, { at: 1, label: 'sgd' }])
    expect(axisTicks(full.axes[2]!).map((t) => t.at)).toEqual([0, 0.5, 1])
  })

  it('keeps lines inside every brushed range, missing values outside', () => {
    const data = parallelData(rows, [...chosen])
    const brushes = [{ axis: 2, from: 0.8, to: 1 }]
    expect(data.lines.map((l) => inBrushes(l, brushes))).toEqual([false, true, false])
    expect(data.lines.map((l) => inBrushes(l, [{ axis: 0, from: 0.6, to: 0 }]))).toEqual([true, false, true])
  })
})

describe('geometry', () => {
  it('spaces axes across the width and maps positions to y and back', () => {
    expect([0, 1, 2].map((i) => axisX(layout, i, 3))).toEqual([50, 200, 350])
    expect(toY(layout, 0)).toBe(170)
    expect(toY(layout, 1)).toBe(20)
    expect(fromY(layout, 95)).toBeCloseTo(0.5)
    expect(fromY(layout, 0)).toBe(1)
    expect(fromY(layout, 23)).toBe(1) // within 4 px of the top: snapped to it
    expect(fromY(layout, 168)).toBe(0)
    expect(fromY(layout, 26)).toBeLessThan(1)
    expect(axisAt(layout, 3, 205)).toBe(1)
    expect(axisAt(layout, 3, 120)).toBeNull()
  })

  it('finds the line under the pointer, skipping ineligible ones', () => {
    const data = parallelData(rows, [...chosen])
    // Candidate b runs from lr 0.3 (top) to opt adam (bottom): halfway it is at y 95.
    expect(nearestLine(data, layout, 125, 95)).not.toBeNull()
    const b = nearestLine(data, layout, 51, 21)
    expect(data.lines[b!]!.name).toBe('b')
    expect(nearestLine(data, layout, 51, 21, (l) => l.iid !== 2)).toBeNull()
    expect(nearestLine(data, layout, 10, 190)).toBeNull()
  })
})
