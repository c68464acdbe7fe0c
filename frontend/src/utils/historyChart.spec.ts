import { describe, expect, it } from 'vitest'
import { formatStepRange, historyColumns, parseStepRange, stepsWithin } from './historyChart'

const points = [
  { step: 0, timestamp: '2026-01-01T00:00:10Z', value: 4 },
  { step: 1, timestamp: '2026-01-01T00:00:05Z', value: null },
  { step: 2, timestamp: '2026-01-01T00:00:20Z', value: 2 },
]

describe('historyColumns', () => {
  it('puts steps on x, with gaps for missing values', () => {
    expect(historyColumns(points, 'step', 0)).toEqual([[0, 1, 2], [4, null, 2]])
  })

  it('puts wall time in epoch seconds on x, in time order', () => {
    const t0 = Date.parse('2026-01-01T00:00:00Z') / 1000
    expect(historyColumns(points, 'time', 0)).toEqual([[t0 + 5, t0 + 10, t0 + 20], [null, 4, 2]])
  })

  it('adds a smoothed line beside the raw one', () => {
    const [, raw, smooth] = historyColumns(points, 'step', 0.5)
    expect(raw).toEqual([4, null, 2])
    expect(smooth![0]).toBe(4)
    expect(smooth![1]).toBeNull()
    expect(smooth![2]).toBeCloseTo((4 * 0.5 * 0.5 + 0.5 * 2) / (1 - 0.25))
  })
})

describe('stepsWithin', () => {
  it('maps a step selection to the steps inside it', () => {
    expect(stepsWithin(points, 'step', 0.5, 2.4)).toEqual({ min: 1, max: 2 })
  })

  it('keeps a step selection between points (the detail is not loaded yet)', () => {
    expect(stepsWithin([{ step: 0, timestamp: '', value: 1 }, { step: 100, timestamp: '', value: 2 }], 'step', 10.2, 20.7)).toEqual({ min: 11, max: 20 })
    expect(stepsWithin(points, 'step', 1.2, 1.7)).toBeNull()
  })

  it('maps a time selection to the steps logged then', () => {
    const t0 = Date.parse('2026-01-01T00:00:00Z') / 1000
    expect(stepsWithin(points, 'time', t0, t0 + 12)).toEqual({ min: 0, max: 1 })
    expect(stepsWithin(points, 'time', t0 + 30, t0 + 40)).toBeNull()
  })
})

describe('step range in the URL', () => {
  it('round-trips and refuses nonsense', () => {
    expect(parseStepRange('10-250')).toEqual({ min: 10, max: 250 })
    expect(formatStepRange({ min: 10, max: 250 })).toBe('10-250')
    expect(parseStepRange('-5-3')).toEqual({ min: -5, max: 3 })
    for (const bad of ['', '3-1', 'a-b', '1.5-3', '10']) expect(parseStepRange(bad)).toBeNull()
    expect(formatStepRange(null)).toBe('')
  })
})
