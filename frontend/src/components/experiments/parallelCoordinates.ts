import type { ScatterAxis } from '@/utils/experimentCharts'
import { formatNumber } from '@/utils/format'

/** Data shaping and geometry of the parallel coordinates chart (drawing lives in the component). */

export interface PcRow {
  iid: number
  name?: string | null
  params: { name: string; value: string }[]
  metrics: { name: string; value?: number | null }[]
}

export interface PcAxis {
  id: string
  label: string
  kind: ScatterAxis['kind']
  /** Categorical when some value of a param is not a number: categories sorted, evenly spaced. */
  categories: string[] | null
  min: number
  max: number
}

export interface PcLine {
  iid: number
  name: string
  /** Per axis, 0 (bottom: min or first category) to 1 (top); null where the candidate lacks the key. */
  positions: (number | null)[]
}

export interface PcData {
  axes: PcAxis[]
  lines: PcLine[]
}

/** A brushed range of one axis, in positions (0 to 1). */
export interface Brush {
  axis: number
  from: number
  to: number
}

function raw(row: PcRow, axis: ScatterAxis): string | number | null {
  if (axis.kind === 'param') return row.params.find((p) => p.name === axis.key)?.value ?? null
  const v = row.metrics.find((m) => m.name === axis.key)?.value
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

const isNumber = (v: string | number) => typeof v === 'number' || (v.trim() !== '' && Number.isFinite(Number(v)))

function shapeAxis(axis: ScatterAxis, values: (string | number | null)[]): PcAxis {
  const present = values.filter((v): v is string | number => v !== null)
  const id = `${axis.kind}:${axis.key}`
  if (present.every(isNumber)) {
    const numbers = present.map(Number)
    const [min, max] = numbers.length ? [Math.min(...numbers), Math.max(...numbers)] : [0, 1]
    return { id, label: axis.key, kind: axis.kind, categories: null, min, max }
  }
  const categories = [...new Set(present.map(String))].sort()
  return { id, label: axis.key, kind: axis.kind, categories, min: 0, max: categories.length - 1 }
}

/** Where `value` sits on `axis`, 0 to 1; a single value or category sits in the middle. */
export function position(axis: PcAxis, value: string | number | null): number | null {
  if (value === null) return null
  const n = axis.categories ? axis.categories.indexOf(String(value)) : Number(value)
  if (axis.max === axis.min) return 0.5
  return (n - axis.min) / (axis.max - axis.min)
}

export function parallelData(rows: PcRow[], chosen: ScatterAxis[]): PcData {
  const values = chosen.map((axis) => rows.map((row) => raw(row, axis)))
  const axes = chosen.map((axis, i) => shapeAxis(axis, values[i]!))
  const lines = rows.map((row, r) => ({
    iid: row.iid,
    name: row.name || `Candidate ${row.iid}`,
    positions: axes.map((axis, i) => position(axis, values[i]![r]!)),
  }))
  return { axes, lines }
}

/** Labels along an axis: every category, or min, middle and max. */
export function axisTicks(axis: PcAxis): { at: number; label: string }[] {
  if (axis.categories) return axis.categories.map((label, i) => ({ at: axis.max === 0 ? 0.5 : i / axis.max, label }))
  if (axis.min === axis.max) return [{ at: 0.5, label: formatNumber(axis.min) }]
  return [0, 0.5, 1].map((at) => ({ at, label: formatNumber(axis.min + at * (axis.max - axis.min)) }))
}

/** A line passes the brushes when it lies within every brushed range (a missing value does not). */
export function inBrushes(line: PcLine, brushes: Brush[]): boolean {
  return brushes.every((b) => {
    const p = line.positions[b.axis]
    return p !== null && p !== undefined && p >= Math.min(b.from, b.to) && p <= Math.max(b.from, b.to)
  })
}

export interface Layout {
  width: number
  height: number
  padX: number
  padTop: number
  padBottom: number
}

export function axisX(layout: Layout, index: number, count: number): number {
  if (count <= 1) return layout.width / 2
  return layout.padX + (index * (layout.width - 2 * layout.padX)) / (count - 1)
}

export function toY(layout: Layout, at: number): number {
  return layout.height - layout.padBottom - at * (layout.height - layout.padTop - layout.padBottom)
}

/** The position at y; within `snap` px of an end it is that end, so a brush started on the
 * topmost or bottommost line includes it. */
export function fromY(layout: Layout, y: number, snap = 4): number {
  const span = layout.height - layout.padTop - layout.padBottom
  const at = (layout.height - layout.padBottom - y) / span
  if (at >= 1 - snap / span) return 1
  return at <= snap / span ? 0 : at
}

/** The axis within `slack` px of x, if any. */
export function axisAt(layout: Layout, count: number, x: number, slack = 12): number | null {
  for (let i = 0; i < count; i++) if (Math.abs(axisX(layout, i, count) - x) <= slack) return i
  return null
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax
  const dy = by - ay
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

/** Index of the line nearest the pointer (within `slack` px), among lines `eligible` allows. */
export function nearestLine(data: PcData, layout: Layout, x: number, y: number, eligible: (line: PcLine) => boolean = () => true, slack = 6): number | null {
  let best: number | null = null
  let bestDistance = slack
  const n = data.axes.length
  data.lines.forEach((line, l) => {
    if (!eligible(line)) return
    for (let i = 0; i + 1 < n; i++) {
      const a = line.positions[i]
      const b = line.positions[i + 1]
      if (a === null || b === null || a === undefined || b === undefined) continue
      const d = segmentDistance(x, y, axisX(layout, i, n), toY(layout, a), axisX(layout, i + 1, n), toY(layout, b))
      if (d <= bestDistance) [best, bestDistance] = [l, d]
    }
  })
  return best
}
