/** Side-by-side rows for comparing candidates; the first candidate is the baseline. */

export interface CompareInput {
  params: { name: string; value: string }[]
  metrics: { name: string; value?: number | null }[]
}

export interface ParamRow {
  name: string
  values: (string | null)[]
  differs: boolean
}

export interface MetricRow {
  name: string
  values: (number | null)[]
  /** value − baseline value; null for the baseline itself or when either is missing. */
  deltas: (number | null)[]
  differs: boolean
}

function allNames(lists: { name: string }[][]): string[] {
  return [...new Set(lists.flatMap((list) => list.map((item) => item.name)))].sort()
}

function sameValues<T>(values: T[]): boolean {
  return values.every((v) => Object.is(v, values[0]))
}

export function paramRows(candidates: CompareInput[], onlyDifferences = false): ParamRow[] {
  const rows = allNames(candidates.map((c) => c.params)).map((name) => {
    const values = candidates.map((c) => c.params.find((p) => p.name === name)?.value ?? null)
    return { name, values, differs: !sameValues(values) }
  })
  return onlyDifferences ? rows.filter((row) => row.differs) : rows
}

export function metricRows(candidates: CompareInput[], onlyDifferences = false): MetricRow[] {
  const rows = allNames(candidates.map((c) => c.metrics)).map((name) => {
    const values = candidates.map((c) => c.metrics.find((m) => m.name === name)?.value ?? null)
    const base = values[0] ?? null
    const deltas = values.map((v, i) => (i === 0 || v === null || base === null ? null : v - base))
    return { name, values, deltas, differs: !sameValues(values) }
  })
  return onlyDifferences ? rows.filter((row) => row.differs) : rows
}
