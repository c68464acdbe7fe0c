import { describe, expect, it } from 'vitest'
import {
  alignLines, chartCandidates, ema, metricChartData, parseAxis, parseSmoothing, parseTopN, positiveOnly, scatterData, xValues,
} from './experimentCharts'

const rows = [1, 2, 3, 4].map((iid) => ({ iid, id: `C${iid}`, name: `run-${iid}` }))

describe('chart candidates', () => {
  it('uses the selection in table order when there is one', () => {
    expect(chartCandidates(rows, [3, 1], 2).map((r) => r.iid)).toEqual([1, 3])
  })
  it('else the first N rows (the current sort)', () => {
    expect(chartCandidates(rows, [], 2).map((r) => r.iid)).toEqual([1, 2])
  })
  it('reads N and smoothing from the URL safely', () => {
    expect(parseTopN('')).toBe(10)
    expect(parseTopN('abc')).toBe(10)
    expect(parseTopN('5')).toBe(5)
    expect(parseTopN('500')).toBe(50)
    expect(parseSmoothing('')).toBe(0)
    expect(parseSmoothing('2')).toBe(0.99)
    expect(parseSmoothing('-1')).toBe(0)
    expect(parseSmoothing('0.6')).toBe(0.6)
  })
})

describe('smoothing and log scale', () => {
  it('EMA 0 is the raw line; a constant stays constant (debiased)', () => {
    expect(ema([1, 2, 3], 0)).toEqual([1, 2, 3])
    for (const v of ema([5, 5, 5, 5], 0.9)) expect(v).toBeCloseTo(5)
  })
  it('EMA keeps gaps and lags a step', () => {
    const out = ema([0, null, 10], 0.5)
    expect(out[1]).toBeNull()
    expect(out[2]!).toBeGreaterThan(0)
    expect(out[2]!).toBeLessThan(10)
  })
  it('log scale drops zero and negative values', () => {
    expect(positiveOnly([1, 0, -2, null, 3])).toEqual([1, null, null, null, 3])
  })
})

describe('metric chart data', () => {
  const series = [
    { candidateId: 'C1', name: 'loss', steps: [0, 2], values: [4, 2], timestamps: ['2026-01-01T00:00:00Z', '2026-01-01T00:00:10Z'] },
    { candidateId: 'C2', name: 'loss', steps: [1, 2], values: [3, null], timestamps: ['2026-01-01T00:00:05Z', '2026-01-01T00:00:06Z'] },
    { candidateId: 'C1', name: 'acc', steps: [0], values: [0.5], timestamps: ['2026-01-01T00:00:00Z'] },
  ]
  it('aligns candidates of one metric on the union of steps', () => {
    const chart = metricChartData('loss', rows.slice(0, 2), series, { axis: 'step', smoothing: 0, log: false })
    expect(chart.data).toEqual([[0, 1, 2], [4, null, 2], [null, 3, null]])
    expect(chart.labels).toEqual(['run-1', 'run-2'])
    expect(chart.raw).toEqual([false, false])
  })
  it('with smoothing puts a faint raw line before each smoothed one', () => {
    const chart = metricChartData('loss', rows.slice(0, 1), series, { axis: 'step', smoothing: 0.5, log: false })
    expect(chart.labels).toEqual(['run-1 (raw)', 'run-1'])
    expect(chart.raw).toEqual([true, false])
    expect(chart.colorIndex).toEqual([0, 0])
  })
  it('time axis is seconds since the first point', () => {
    expect(xValues(series[0]!, 'time')).toEqual([0, 10])
  })
  it('a candidate without the metric gets an empty column', () => {
    const chart = metricChartData('acc', rows.slice(0, 2), series, { axis: 'step', smoothing: 0, log: false })
    expect(chart.data).toEqual([[0], [0.5], [null]])
  })
  it('alignLines lets the last point win on a repeated x', () => {
    expect(alignLines([{ xs: [1, 1], ys: [1, 2] }])).toEqual([[1], [2]])
  })
})

describe('scatter', () => {
  const candidates = [
    { iid: 1, name: 'a', params: [{ name: 'opt', value: 'sgd' }, { name: 'lr', value: '0.1' }], metrics: [{ name: 'acc', value: 0.8 }] },
    { iid: 2, name: 'b', params: [{ name: 'opt', value: 'adam' }, { name: 'lr', value: '0.01' }], metrics: [{ name: 'acc', value: 0.9 }] },
    { iid: 3, name: 'c', params: [{ name: 'lr', value: '1e-3' }], metrics: [{ name: 'acc', value: null }] },
  ]
  it('parses axes from the URL', () => {
    expect(parseAxis('param:lr')).toEqual({ kind: 'param', key: 'lr' })
    expect(parseAxis('metric:val/acc')).toEqual({ kind: 'metric', key: 'val/acc' })
    expect(parseAxis('bad')).toBeNull()
  })
  it('numeric params plot as numbers sorted by x, skipping missing values', () => {
    const s = scatterData(candidates, { kind: 'param', key: 'lr' }, { kind: 'metric', key: 'acc' })
    expect(s).toEqual({ xs: [0.01, 0.1], ys: [0.9, 0.8], names: ['b', 'a'], categories: null })
  })
  it('non-numeric params map to category indices with labels', () => {
    const s = scatterData(candidates, { kind: 'param', key: 'opt' }, { kind: 'metric', key: 'acc' })
    expect(s.categories).toEqual(['adam', 'sgd'])
    expect(s.xs).toEqual([0, 1])
    expect(s.names).toEqual(['b', 'a'])
  })
})
