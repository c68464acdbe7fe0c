/** Shapes metric histories into uPlot's aligned columns: one shared x (step), one y per series. */

export interface SeriesPoint {
  step: number
  /** Null (or absent) where the server had NaN or an infinity. */
  value?: number | null
}

export interface NamedSeries {
  label: string
  points: SeriesPoint[]
}

/** Zips the server's parallel `steps` and `values` lists back into points (a null value stays a gap). */
export function zipPoints(steps: readonly number[], values: readonly (number | null | undefined)[]): SeriesPoint[] {
  return steps.map((step, i) => ({ step, value: values[i] ?? null }))
}

export type AlignedColumns = [number[], ...(number | null)[][]]

/**
 * Union of all steps, sorted; each series gets its value at that step or null where it has none.
 * When one series repeats a step, the last point given wins (the history is ordered by time).
 * Missing and non-finite values become null: uPlot cannot draw them.
 */
export function alignSeries(series: NamedSeries[]): AlignedColumns {
  return alignColumns(series.map((s) => ({ steps: s.points.map((p) => p.step), values: s.points.map((p) => p.value) })))
}

/** One series as the server sends it: parallel lists (null where it had NaN or an infinity). */
export interface SeriesColumns {
  steps: readonly number[]
  values: readonly (number | null | undefined)[]
}

/**
 * `alignSeries` straight from parallel lists, with no object per point: when every series has
 * the same ascending steps (the usual case) they are the x column as they are; otherwise the
 * union of steps is sorted once in a typed array.
 */
export function alignColumns(series: readonly SeriesColumns[]): AlignedColumns {
  const shared = sharedSteps(series)
  const xs = shared ? [...shared] : unionOfSteps(series)
  const slot = shared ? null : new Map(xs.map((step, i) => [step, i]))
  const columns = series.map(({ steps, values }) => {
    const ys = new Array<number | null>(xs.length).fill(null)
    for (let i = 0; i < steps.length; i++) {
      const value = values[i]
      ys[slot ? slot.get(steps[i]!)! : i] = typeof value === 'number' && Number.isFinite(value) ? value : null
    }
    return ys
  })
  return [xs, ...columns]
}

/** The steps of the first series when all series have exactly them, strictly ascending. */
function sharedSteps(series: readonly SeriesColumns[]): readonly number[] | null {
  const first = series[0]?.steps
  if (!first) return null
  for (let i = 1; i < first.length; i++) if (!(first[i]! > first[i - 1]!)) return null
  const same = (s: SeriesColumns) => s.steps === first || (s.steps.length === first.length && s.steps.every((step, i) => step === first[i]))
  return series.every(same) ? first : null
}

function unionOfSteps(series: readonly SeriesColumns[]): number[] {
  const all = new Float64Array(series.reduce((n, s) => n + s.steps.length, 0))
  let at = 0
  for (const s of series) {
    all.set(s.steps, at)
    at += s.steps.length
  }
  all.sort()
  const xs: number[] = []
  for (const step of all) if (xs.length === 0 || xs[xs.length - 1] !== step) xs.push(step)
  return xs
}

/** Metric names present in every given list: the curves that can be overlaid. */
export function commonNames(lists: string[][]): string[] {
  if (lists.length === 0) return []
  const [first, ...rest] = lists
  return first!.filter((name) => rest.every((list) => list.includes(name))).sort()
}

const PALETTE = ['#1f75cb', '#dd2b0e', '#108548', '#9e5400', '#6b4fbb', '#0a7f8f', '#c2185b', '#5c6e00']

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length]!
}
