/** Building and reading sort/filter strings of the search language (MLflow syntax). */

export type SortDirection = 'ASC' | 'DESC'
export type SortNamespace = 'attributes' | 'params' | 'metrics'
/** Which value of a metric: the latest (default) or a summary over its history. */
export type MetricSummary = 'last' | 'min' | 'max'

export interface SortSpec {
  namespace: SortNamespace
  key: string
  direction: SortDirection
  /** Metrics only; absent means the latest value. */
  summary?: Exclude<MetricSummary, 'last'>
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Keys with anything but letters, digits and `_` (dots, slashes, spaces, dashes) are backquoted. */
export function quoteKey(key: string): string {
  return IDENTIFIER.test(key) ? key : `\`${key}\``
}

export function buildSort(spec: SortSpec): string {
  const summary = spec.namespace === 'metrics' && spec.summary ? `.${spec.summary}` : ''
  return `${spec.namespace}.${quoteKey(spec.key)}${summary} ${spec.direction}`
}

const SORT_RE = /^(attributes|params|metrics)\.(`([^`]*)`|([A-Za-z0-9_]+))(?:\.(min|max))?(?:\s+(ASC|DESC))?$/i

export function parseSort(text: string): SortSpec | null {
  const match = SORT_RE.exec(text.trim())
  if (!match) return null
  const namespace = match[1]!.toLowerCase() as SortNamespace
  const key = match[3] ?? match[4] ?? ''
  const direction = (match[6]?.toUpperCase() ?? 'ASC') as SortDirection
  const summary = match[5]?.toLowerCase() as SortSpec['summary']
  if (summary && namespace !== 'metrics') return null
  return summary ? { namespace, key, direction, summary } : { namespace, key, direction }
}

export function sameColumn(a: SortSpec | null, b: Omit<SortSpec, 'direction'>): boolean {
  return !!a && a.namespace === b.namespace && a.key === b.key && a.summary === b.summary
}

/** Clicking a column: a new column sorts descending first (newest, biggest), the same one toggles. */
export function nextSort(
  current: SortSpec | null,
  namespace: SortNamespace,
  key: string,
  summary: MetricSummary = 'last',
): SortSpec {
  const column = namespace === 'metrics' && summary !== 'last' ? { namespace, key, summary } : { namespace, key }
  if (current && sameColumn(current, column)) return { ...column, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' }
  return { ...column, direction: 'DESC' }
}

/** A string literal of the language: single quotes, inner quotes escaped by doubling. */
export function quoteValue(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

export function paramEquals(key: string, value: string): string {
  return `params.${quoteKey(key)} = ${quoteValue(value)}`
}
