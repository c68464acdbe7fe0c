/** Building and reading sort/filter strings of the search language (MLflow syntax). */

export type SortDirection = 'ASC' | 'DESC'
export type SortNamespace = 'attributes' | 'params' | 'metrics'

export interface SortSpec {
  namespace: SortNamespace
  key: string
  direction: SortDirection
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Keys with anything but letters, digits and `_` (dots, slashes, spaces, dashes) are backquoted. */
export function quoteKey(key: string): string {
  return IDENTIFIER.test(key) ? key : `\`${key}\``
}

export function buildSort(spec: SortSpec): string {
  return `${spec.namespace}.${quoteKey(spec.key)} ${spec.direction}`
}

const SORT_RE = /^(attributes|params|metrics)\.(`([^`]*)`|([A-Za-z0-9_]+))(?:\s+(ASC|DESC))?$/i

export function parseSort(text: string): SortSpec | null {
  const match = SORT_RE.exec(text.trim())
  if (!match) return null
  const namespace = match[1]!.toLowerCase() as SortNamespace
  const key = match[3] ?? match[4] ?? ''
  const direction = (match[5]?.toUpperCase() ?? 'ASC') as SortDirection
  return { namespace, key, direction }
}

/** Clicking a column: a new column sorts descending first (newest, biggest), the same one toggles. */
export function nextSort(current: SortSpec | null, namespace: SortNamespace, key: string): SortSpec {
  if (current && current.namespace === namespace && current.key === key) {
    return { namespace, key, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' }
  }
  return { namespace, key, direction: 'DESC' }
}

/** A string literal of the language: single quotes, inner quotes escaped by doubling. */
export function quoteValue(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

export function paramEquals(key: string, value: string): string {
  return `params.${quoteKey(key)} = ${quoteValue(value)}`
}
