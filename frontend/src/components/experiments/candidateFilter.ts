/** The filter the candidates query is sent: the user's own text plus the page's quick filters. */

/** A string literal of the search language: `\` and `'` escaped, as the server's tokenizer reads them. */
function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
}

/**
 * `filter` narrowed to candidates created by `username` (`attributes.user_id` is the creator's
 * username); the user's filter is parenthesised so that its `or` cannot escape the narrowing.
 */
export function candidateFilter(filter: string, mine: string | null): string | null {
  const text = filter.trim()
  if (!mine) return text || null
  const creator = `attributes.user_id = ${literal(mine)}`
  return text ? `(${text}) and ${creator}` : creator
}
