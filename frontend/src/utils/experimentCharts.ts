/** Data shaping for the experiment page's Charts tab: which candidates, smoothing, log scale, scatter. */
import type { AlignedColumns } from './chartData'

export interface ChartCandidate {
  id: string
  iid: number
  name: string
}

/** The table's selection (in table order) when there is one, else the first `topN` rows (the current sort). */
export function chartCandidates<T extends { iid: number }>(rows: T[], selected: number[], topN: number): T[] {
  if (selected.length > 0) {
    const chosen = new Set(selected)
    return rows.filter((r) => chosen.has(r.iid))
  }
  return rows.slice(0, Math.max(0, topN))
}

/** Reads a positive integer from the URL, falling back when absent or invalid. */
export function parseTopN(text: string, fallback = 10, max = 50): number {
  const n = Number(text)
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback
}

/** Reads the smoothing weight from the URL, clamped to 0–0.99. */
export function parseSmoothing(text: string): number {
  const n = Number(text)
  if (!text || !Number.isFinite(n)) return 0
  return Math.min(0.99, Math.max(0, n))
}

/**
 * Exponential moving average with weight `w` (0 = raw), debiased like TensorBoard's so the start
 * is not pulled toward zero; nulls (gaps) stay null and do not reset the average.
 */
export function ema(values: (number | null)[], w: number): (number | null)[] {
  if (w <= 0) return values.slice()
  let last = 0
  let n = 0
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return null
    last = last * w + (1 - w) * v
    n++
    return last / (1 - Math.pow(w, n))
  })
}

/** A log axis cannot show zero or negative values: they become gaps. */
export function positiveOnly(values: (number | null)[]): (number | null)[] {
  return values.map((v) => (v !== null && v > 0 ? v : null))
}

export interface RawSeries {
  candidateId: string
  name: string
  steps: number[]
  values: (number | null)[]
  timestamps: string[]
}

export type XAxis = 'step' | 'time'

/** x of each point: the step, or seconds since the candidate's first point of this metric. */
export function xValues(series: RawSeries, axis: XAxis): number[] {
  if (axis === 'step') return series.steps
  const times = series.timestamps.map((t) => Date.parse(t))
  const start = times.length > 0 ? Math.min(...times) : 0
  return times.map((t) => (t - start) / 1000)
}

export interface LineSeries {
  xs: number[]
  ys: (number | null)[]
}

/** Union of all x, sorted; each series gets its y at that x or null (the last point wins on repeats). */
export function alignLines(lines: LineSeries[]): AlignedColumns {
  const all = new Set<number>()
  for (const l of lines) for (const x of l.xs) all.add(x)
  const xs = [...all].sort((a, b) => a - b)
  const index = new Map(xs.map((x, i) => [x, i]))
  const columns = lines.map((l) => {
    const ys = new Array<number | null>(xs.length).fill(null)
    l.xs.forEach((x, i) => {
      const y = l.ys[i]
      ys[index.get(x)!] = typeof y === 'number' && Number.isFinite(y) ? y : null
    })
    return ys
  })
  return [xs, ...columns]
}

export interface MetricChartData {
  data: AlignedColumns
  /** One label per y column. */
  labels: string[]
  /** Per y column: the faint raw line behind a smoothed one. */
  raw: boolean[]
  /** Per y column: index of the candidate (for its colour). */
  colorIndex: number[]
}

export interface ChartOptions {
  axis: XAxis
  smoothing: number
  log: boolean
}

/**
 * One chart's columns: per candidate (in order) its series of `metric`; with smoothing, the raw
 * line comes first (drawn faint) and the smoothed one after it.
 */
export function metricChartData(metric: string, candidates: ChartCandidate[], series: RawSeries[], opts: ChartOptions): MetricChartData {
  const lines: LineSeries[] = []
  const labels: string[] = []
  const raw: boolean[] = []
  const colorIndex: number[] = []
  candidates.forEach((c, i) => {
    const s = series.find((x) => x.candidateId === c.id && x.name === metric)
    const xs = s ? xValues(s, opts.axis) : []
    let ys = s ? s.values : []
    if (opts.log) ys = positiveOnly(ys)
    const label = c.name || `#${c.iid}`
    if (opts.smoothing > 0) {
      lines.push({ xs, ys })
      labels.push(`${label} (raw)`)
      raw.push(true)
      colorIndex.push(i)
      ys = ema(ys, opts.smoothing)
    }
    lines.push({ xs, ys })
    labels.push(label)
    raw.push(false)
    colorIndex.push(i)
  })
  return { data: alignLines(lines), labels, raw, colorIndex }
}

/** An axis of the scatter: `param:<key>` or `metric:<key>` in the URL. */
export interface ScatterAxis {
  kind: 'param' | 'metric'
  key: string
}

export function parseAxis(text: string): ScatterAxis | null {
  const match = /^(param|metric):(.+)$/.exec(text)
  return match ? { kind: match[1] as ScatterAxis['kind'], key: match[2]! } : null
}

export function axisText(axis: ScatterAxis): string {
  return `${axis.kind}:${axis.key}`
}

interface ScatterRow {
  iid: number
  name?: string | null
  params: { name: string; value: string }[]
  metrics: { name: string; value?: number | null }[]
}

export interface ScatterData {
  /** Sorted by x (uPlot needs ascending x). */
  xs: number[]
  ys: number[]
  names: string[]
  /** Labels of x when the param is not numeric: x is an index into them. */
  categories: string[] | null
}

function rawValue(row: ScatterRow, axis: ScatterAxis): string | number | null {
  if (axis.kind === 'param') return row.params.find((p) => p.name === axis.key)?.value ?? null
  const v = row.metrics.find((m) => m.name === axis.key)?.value
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** Candidates with both values; a param that is not numeric everywhere maps to sorted category indices. */
export function scatterData(rows: ScatterRow[], x: ScatterAxis, y: ScatterAxis): ScatterData {
  const pairs = rows
    .map((r) => ({ x: rawValue(r, x), y: rawValue(r, y), name: r.name || `#${r.iid}` }))
    .filter((p): p is { x: string | number; y: string | number; name: string } => p.x !== null && p.y !== null)
  const numeric = (v: string | number) => typeof v === 'number' || (v.trim() !== '' && Number.isFinite(Number(v)))
  const points = pairs.filter((p) => numeric(p.y)).map((p) => ({ ...p, y: Number(p.y) }))
  let categories: string[] | null = null
  let xOf: (v: string | number) => number = Number
  if (!points.every((p) => numeric(p.x))) {
    const cats = [...new Set(points.map((p) => String(p.x)))].sort()
    const index = new Map(cats.map((c, i) => [c, i]))
    categories = cats
    xOf = (v) => index.get(String(v))!
  }
  const shaped = points.map((p) => ({ x: xOf(p.x), y: p.y, name: p.name })).sort((a, b) => a.x - b.x)
  return { xs: shaped.map((p) => p.x), ys: shaped.map((p) => p.y), names: shaped.map((p) => p.name), categories }
}
