/** Parsing CSV (RFC 4180: quoted fields with commas, doubled quotes and newlines) for preview. */

export interface CsvTable {
  rows: string[][]
  /** More rows followed than were kept (the row cap, or a file cut at the byte limit). */
  truncated: boolean
}

interface Cursor {
  text: string
  i: number
  delimiter: string
}

function quotedField(c: Cursor): string {
  let value = ''
  c.i++ // the opening quote
  while (c.i < c.text.length) {
    const ch = c.text[c.i]!
    if (ch === '"' && c.text[c.i + 1] === '"') {
      value += '"'
      c.i += 2
    } else if (ch === '"') {
      c.i++
      break
    } else {
      value += ch
      c.i++
    }
  }
  return value + plainField(c) // anything after the closing quote, as lenient parsers do
}

function plainField(c: Cursor): string {
  const start = c.i
  while (c.i < c.text.length && c.text[c.i] !== c.delimiter && c.text[c.i] !== '\n' && c.text[c.i] !== '\r') c.i++
  return c.text.slice(start, c.i)
}

/** One record from the cursor; the cursor ends after its line break. */
function record(c: Cursor): string[] {
  const fields: string[] = []
  for (;;) {
    fields.push(c.text[c.i] === '"' ? quotedField(c) : plainField(c))
    const ch = c.text[c.i]
    c.i++
    if (ch === c.delimiter) continue
    if (ch === '\r' && c.text[c.i] === '\n') c.i++
    return fields
  }
}

/**
 * Rows of `text`, at most `maxRows` of them. `partial` says the text is the first part of a
 * longer file: its last record may be cut, so it is dropped.
 */
export function parseCsv(text: string, options: { delimiter?: string; maxRows?: number; partial?: boolean } = {}): CsvTable {
  const { delimiter = ',', maxRows = 1000, partial = false } = options
  const c: Cursor = { text: text.startsWith('\uFEFF') ? text.slice(1) : text, i: 0, delimiter }
  const rows: string[][] = []
  while (c.i < c.text.length && rows.length <= maxRows) rows.push(record(c))
  let truncated = rows.length > maxRows
  if (partial && rows.length > 0 && rows.length <= maxRows) {
    rows.pop()
    truncated = true
  }
  return { rows: rows.slice(0, maxRows), truncated }
}

export function delimiterFor(path: string): string {
  return path.toLowerCase().endsWith('.tsv') ? '\t' : ','
}

/** Per column: every non-empty body cell is a number (such columns align right, like numbers). */
export function numericColumns(rows: string[][]): boolean[] {
  const width = Math.max(0, ...rows.map((r) => r.length))
  const body = rows.slice(1)
  return Array.from({ length: width }, (_, i) => {
    const cells = body.map((r) => (r[i] ?? '').trim()).filter((c) => c !== '')
    return cells.length > 0 && cells.every((c) => Number.isFinite(Number(c)))
  })
}
