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
  const steps = new Set<number>()
  for (const s of series) for (const p of s.points) steps.add(p.step)
  const xs = [...steps].sort((a, b) => a - b)
  const index = new Map(xs.map((step, i) => [step, i]))
  const columns = series.map((s) => {
    const ys: (number | null)[] = new Array<number | null>(xs.length).fill(null)
    for (const p of s.points) ys[index.get(p.step)!] = typeof p.value === 'number' && Number.isFinite(p.value) ? p.value : null
    return ys
  })
  return [xs, ...columns]
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
