import { describe, expect, it } from 'vitest'
import { alignColumns, alignSeries, commonNames, zipPoints } from './chartData'

describe('alignSeries', () => {
  it('aligns several candidates on the union of their steps', () => {
    const aligned = alignSeries([
      { label: 'a', points: [{ step: 0, value: 1 }, { step: 2, value: 0.5 }] },
      { label: 'b', points: [{ step: 1, value: 2 }, { step: 2, value: 1.5 }, { step: 5, value: 1 }] },
      { label: 'c', points: [] },
    ])
    expect(aligned).toEqual([
      [0, 1, 2, 5],
      [1, null, 0.5, null],
      [null, 2, 1.5, 1],
      [null, null, null, null],
    ])
  })
  it('sorts steps numerically, not as text', () => {
    const [xs] = alignSeries([{ label: 'a', points: [10, 9, 100, 1].map((step) => ({ step, value: step })) }])
    expect(xs).toEqual([1, 9, 10, 100])
  })
  it('lets the last point of a repeated step win and drops non-finite values', () => {
    const aligned = alignSeries([
      { label: 'a', points: [{ step: 0, value: 1 }, { step: 0, value: 3 }, { step: 1, value: Number.NaN }] },
    ])
    expect(aligned).toEqual([[0, 1], [3, null]])
  })
  it('leaves a gap where the server sent null (NaN or infinity)', () => {
    const aligned = alignSeries([{ label: 'a', points: [{ step: 0, value: null }, { step: 1, value: 2 }] }])
    expect(aligned).toEqual([[0, 1], [null, 2]])
  })
  it('returns just an empty x column for no series', () => {
    expect(alignSeries([])).toEqual([[]])
  })
})

describe('commonNames', () => {
  it('keeps the metrics every candidate has', () => {
    expect(commonNames([['loss', 'acc', 'lr'], ['acc', 'loss'], ['loss', 'acc', 'f1']])).toEqual(['acc', 'loss'])
    expect(commonNames([])).toEqual([])
  })
})

describe('zipPoints', () => {
  it('pairs each step with the value at the same index, keeping nulls as gaps', () => {
    expect(zipPoints([0, 1, 2], [1, null, 0.5])).toEqual([{ step: 0, value: 1 }, { step: 1, value: null }, { step: 2, value: 0.5 }])
    expect(alignSeries([{ label: 'a', points: zipPoints([0, 1, 2], [1, null, 0.5]) }])).toEqual([[0, 1, 2], [1, null, 0.5]])
  })
  it('returns no points for empty lists', () => {
    expect(zipPoints([], [])).toEqual([])
  })
})

describe('alignColumns', () => {
  it('uses shared ascending steps as the x column, gaps for null and non-finite values', () => {
    const steps = [0, 10, 20]
    const aligned = alignColumns([
      { steps, values: [1, null, 3] },
      { steps: [0, 10, 20], values: [Number.POSITIVE_INFINITY, 2, undefined] },
    ])
    expect(aligned).toEqual([[0, 10, 20], [1, null, 3], [null, 2, null]])
    expect(aligned[0]).not.toBe(steps)
  })
  it('aligns different, unsorted or repeated steps on their sorted union (the last repeat wins)', () => {
    const aligned = alignColumns([
      { steps: [5, 1, 1], values: [0.5, 0.1, 0.2] },
      { steps: [2, 100], values: [2, 100] },
      { steps: [], values: [] },
    ])
    expect(aligned).toEqual([
      [1, 2, 5, 100],
      [0.2, null, 0.5, null],
      [null, 2, null, 100],
      [null, null, null, null],
    ])
  })
  it('gives what alignSeries gives for the same points', () => {
    const series = [{ steps: [0, 3, 7], values: [1, 2, 3] }, { steps: [3, 4], values: [5, null] }]
    const points = series.map((s, i) => ({ label: String(i), points: zipPoints(s.steps, s.values) }))
    expect(alignColumns(series)).toEqual(alignSeries(points))
    expect(alignColumns([])).toEqual([[]])
  })
})
