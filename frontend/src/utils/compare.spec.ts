import { describe, expect, it } from 'vitest'
import { metricRows, paramRows } from './compare'

const candidates = [
  { params: [{ name: 'lr', value: '0.1' }, { name: 'opt', value: 'adam' }], metrics: [{ name: 'loss', value: 0.5 }, { name: 'acc', value: 0.9 }] },
  { params: [{ name: 'lr', value: '0.01' }, { name: 'opt', value: 'adam' }], metrics: [{ name: 'loss', value: 0.25 }, { name: 'acc', value: 0.9 }] },
  { params: [{ name: 'opt', value: 'adam' }, { name: 'seed', value: '1' }], metrics: [{ name: 'loss', value: 0.75 }] },
]

describe('paramRows', () => {
  it('lists every param name, with gaps as null', () => {
    const rows = paramRows(candidates)
    expect(rows.map((r) => r.name)).toEqual(['lr', 'opt', 'seed'])
    expect(rows[0]!.values).toEqual(['0.1', '0.01', null])
    expect(rows[1]).toMatchObject({ values: ['adam', 'adam', 'adam'], differs: false })
  })
  it('keeps only differing params when asked', () => {
    expect(paramRows(candidates, true).map((r) => r.name)).toEqual(['lr', 'seed'])
  })
})

describe('metricRows', () => {
  it('computes deltas against the first candidate', () => {
    const loss = metricRows(candidates).find((r) => r.name === 'loss')!
    expect(loss.values).toEqual([0.5, 0.25, 0.75])
    expect(loss.deltas).toEqual([null, -0.25, 0.25])
  })
  it('has no delta where a value is missing', () => {
    const acc = metricRows(candidates).find((r) => r.name === 'acc')!
    expect(acc.deltas).toEqual([null, 0, null])
    expect(acc.differs).toBe(true)
  })
  it('treats a null value (NaN on the server) as missing', () => {
    const rows = metricRows([{ params: [], metrics: [{ name: 'x', value: 1 }] }, { params: [], metrics: [{ name: 'x', value: null }] }])
    expect(rows[0]).toMatchObject({ values: [1, null], deltas: [null, null], differs: true })
  })
  it('keeps only differing metrics when asked', () => {
    const same = [candidates[0]!, { ...candidates[0]! }]
    expect(metricRows(same, true)).toEqual([])
    expect(metricRows(same, false)).toHaveLength(2)
  })
})
