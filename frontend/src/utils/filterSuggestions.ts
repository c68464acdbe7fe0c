/** Completions for the filter box: the token under the cursor and the field names that extend it. */

/** Attributes the candidate search accepts (backend/labbook/store/candidate_search.py). */
export const ATTRIBUTES = ['run_id', 'run_name', 'status', 'user_id', 'artifact_uri', 'start_time', 'end_time', 'created']
/** `metrics.<key>.<summary>`; the latest value when none is given. */
export const SUMMARIES = ['last', 'min', 'max', 'count']
export const MAX_SUGGESTIONS = 12

export interface Token {
  start: number
  end: number
  text: string
}

export interface FilterKeys {
  paramKeys: readonly string[]
  metricKeys: readonly string[]
}

// Everything that is not whitespace, an operator, a parenthesis, a comma or a string quote.
const TOKEN_CHAR = /[^\s()=<>!,']/

/** The run of field characters around `cursor` (backquoted keys included, spaces inside them too). */
export function tokenAt(text: string, cursor: number): Token {
  let start = cursor
  while (start > 0 && (TOKEN_CHAR.test(text[start - 1]!) || insideBackquotes(text, start - 1))) start--
  let end = cursor
  while (end < text.length && TOKEN_CHAR.test(text[end]!)) end++
  return { start, end, text: text.slice(start, end) }
}

function insideBackquotes(text: string, index: number): boolean {
  return (text.slice(0, index).split('`').length - 1) % 2 === 1
}

/** Keys with characters outside [A-Za-z0-9_.] are backquoted; dotted keys stay bare, as MLflow's are. */
export function quoteFieldKey(key: string): string {
  return /^[A-Za-z0-9_.]+$/.test(key) ? key : `\`${key}\``
}

function fields(keys: FilterKeys): string[] {
  return [
    ...keys.metricKeys.map((k) => `metrics.${quoteFieldKey(k)}`),
    ...keys.paramKeys.map((k) => `params.${quoteFieldKey(k)}`),
    ...ATTRIBUTES.map((a) => `attributes.${a}`),
  ]
}

// A summary after an unquoted dotted key reads as part of the key, so those keys are quoted.
function summaries(metricKeys: readonly string[]): string[] {
  return metricKeys.flatMap((k) => {
    const key = /^[A-Za-z0-9_]+$/.test(k) ? k : `\`${k}\``
    return SUMMARIES.map((s) => `metrics.${key}.${s}`)
  })
}

const bare = (s: string) => s.replace(/`/g, '').toLowerCase()

/** Field names that extend `token` (case-insensitive); a bare word also matches a key's start. */
export function suggest(token: string, keys: FilterKeys, limit = MAX_SUGGESTIONS): string[] {
  const typed = bare(token)
  if (!typed) return []
  const base = fields(keys)
  // Summaries only once a metric's full name and a dot are typed: otherwise the list is 5x longer.
  const pool = typed.startsWith('metrics.') && base.some((f) => typed.startsWith(`${bare(f)}.`)) ? summaries(keys.metricKeys) : base
  const matches = pool.filter((f) => {
    const name = bare(f)
    if (name === typed) return false
    return name.startsWith(typed) || (!typed.includes('.') && name.slice(name.indexOf('.') + 1).startsWith(typed))
  })
  return matches.slice(0, limit)
}

/** The text with `token` replaced by `completion`, and where the cursor goes. */
export function applySuggestion(text: string, token: Token, completion: string): { text: string; cursor: number } {
  return { text: text.slice(0, token.start) + completion + text.slice(token.end), cursor: token.start + completion.length }
}
