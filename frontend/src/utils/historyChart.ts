/** One candidate's metric history as chart columns: x by step or wall time, raw and smoothed y. */
import { ema, type XAxis } from './experimentCharts'

export interface HistoryPoint {
  /** A 64-bit step may arrive as a decimal string (GraphQL `Long`). */
  step: number | string
  timestamp: string
  value?: number | null
}

/** x, raw y, and (when smoothing) the smoothed y; time is epoch seconds (uPlot's time scale). */
export type HistoryColumns = [number[], (number | null)[]] | [number[], (number | null)[], (number | null)[]]

function xOf(point: HistoryPoint, axis: XAxis): number {
  return axis === 'step' ? Number(point.step) : Date.parse(point.timestamp) / 1000
}

export function historyColumns(points: HistoryPoint[], axis: XAxis, smoothing: number): HistoryColumns {
  const sorted = axis === 'step' ? points : [...points].sort((a, b) => xOf(a, axis) - xOf(b, axis))
  const xs = sorted.map((p) => xOf(p, axis))
  const ys = sorted.map((p) => (typeof p.value === 'number' && Number.isFinite(p.value) ? p.value : null))
  return smoothing > 0 ? [xs, ys, ema(ys, smoothing)] : [xs, ys]
}

export interface StepRange {
  min: number
  max: number
}

/**
 * The steps a selection of x in [lo, hi] covers: on the step axis every whole step inside it
 * (the downsampled points may miss some); on the time axis the steps of the points logged
 * then. Null when it covers none (nothing to zoom to).
 */
export function stepsWithin(points: HistoryPoint[], axis: XAxis, lo: number, hi: number): StepRange | null {
  if (axis === 'step') return Math.ceil(lo) <= Math.floor(hi) ? { min: Math.ceil(lo), max: Math.floor(hi) } : null
  const inside = points.filter((p) => xOf(p, axis) >= lo && xOf(p, axis) <= hi).map((p) => Number(p.step))
  return inside.length === 0 ? null : { min: Math.min(...inside), max: Math.max(...inside) }
}

/** `?steps=100-250` in the URL; null for anything else. */
export function parseStepRange(text: string): StepRange | null {
  const match = /^(-?\d+)-(-?\d+)$/.exec(text.trim())
  if (!match) return null
  const [min, max] = [Number(match[1]), Number(match[2])]
  return Number.isSafeInteger(min) && Number.isSafeInteger(max) && min <= max ? { min, max } : null
}

export function formatStepRange(range: StepRange | null): string {
  return range ? `${range.min}-${range.max}` : ''
}
