/** Turning an artifact's bytes into what its inline preview shows (all but images). */
import { decodeText } from './artifactFetch'
import { looksBinary, prettyJson, type PreviewKind } from './artifactKind'
import { delimiterFor, parseCsv, type CsvTable } from './csvTable'
import { renderMarkdown } from './markdown'

export const CSV_ROWS = 500

export type TextPreview =
  | { kind: 'text'; text: string; note?: string }
  | { kind: 'csv'; table: CsvTable }
  | { kind: 'markdown'; html: string }
  | { kind: 'html'; source: string }
  | { kind: 'binary' }

// Inside the sandboxed frame: no network at all (no tracking pixels, no remote scripts or
// styles), only inline styles and data: images.
const FRAME_POLICY =
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">`

/** The HTML document for `<iframe srcdoc sandbox>`, with a policy that blocks every request. */
export function sandboxedDocument(source: string): string {
  return FRAME_POLICY + source
}

function jsonPreview(text: string): TextPreview {
  const pretty = prettyJson(text)
  return pretty === null ? { kind: 'text', text, note: 'This is not valid JSON; shown as text.' } : { kind: 'text', text: pretty }
}

/** What to show for `bytes` of `path` previewed as `kind`; `truncated` when the file goes on. */
export function textPreview(kind: PreviewKind, path: string, bytes: Uint8Array, truncated: boolean): TextPreview {
  if (looksBinary(bytes)) return { kind: 'binary' }
  const text = decodeText(bytes)
  if (kind === 'csv') return { kind: 'csv', table: parseCsv(text, { delimiter: delimiterFor(path), maxRows: CSV_ROWS, partial: truncated }) }
  if (truncated) return { kind: 'text', text }
  if (kind === 'json') return jsonPreview(text)
  if (kind === 'markdown') return { kind: 'markdown', html: renderMarkdown(text) }
  if (kind === 'html') return { kind: 'html', source: sandboxedDocument(text) }
  return { kind: 'text', text }
}
