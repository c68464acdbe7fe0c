/** Which inline preview an artifact gets, from its file name, and how much of it to fetch. */

export type PreviewKind = 'text' | 'json' | 'yaml' | 'csv' | 'markdown' | 'image' | 'html' | 'none'

/** Text-like previews read at most this many bytes (the first MiB of a larger file). */
export const TEXT_LIMIT = 1024 * 1024
/** Images, JSON, Markdown and HTML are shown whole or not at all. */
export const IMAGE_LIMIT = 10 * 1024 * 1024

const BY_EXTENSION: Record<string, PreviewKind> = {
  json: 'json', ipynb: 'json', geojson: 'json',
  yaml: 'yaml', yml: 'yaml',
  csv: 'csv', tsv: 'csv',
  md: 'markdown', markdown: 'markdown',
  html: 'html', htm: 'html',
  png: 'image', jpg: 'image', jpeg: 'image', gif: 'image', webp: 'image', svg: 'image', bmp: 'image', avif: 'image',
}
const TEXT_EXTENSIONS = new Set(
  'txt log out err cfg conf ini toml env properties py ipy r jl js mjs ts tsx jsx java scala kt go rs c h cc cpp hpp cs rb php pl sh bash zsh ps1 sql xml proto tex rst diff patch gitignore lock jsonl ndjson'.split(' '),
)
const TEXT_NAMES = new Set(['MLmodel', 'Dockerfile', 'Makefile', 'LICENSE', 'README', 'requirements.txt', 'python_env.yaml'])
const MIME: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
  svg: 'image/svg+xml', bmp: 'image/bmp', avif: 'image/avif',
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export function extensionOf(path: string): string {
  const name = baseName(path)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

export function previewKind(path: string): PreviewKind {
  const name = baseName(path)
  if (name === 'MLmodel') return 'yaml'
  const ext = extensionOf(path)
  const known = BY_EXTENSION[ext]
  if (known) return known
  return TEXT_EXTENSIONS.has(ext) || TEXT_NAMES.has(name) ? 'text' : 'none'
}

/** The image MIME type browsers need to show bytes that arrive as application/octet-stream. */
export function imageType(path: string): string {
  return MIME[extensionOf(path)] ?? 'application/octet-stream'
}

/** Kinds that can be shown from the first `TEXT_LIMIT` bytes alone. */
export function partialOk(kind: PreviewKind): boolean {
  return kind === 'text' || kind === 'yaml' || kind === 'csv'
}

export function limitFor(kind: PreviewKind): number {
  return kind === 'image' ? IMAGE_LIMIT : TEXT_LIMIT
}

/** Bytes to read, or null when the file is too large to preview (download it instead). */
export function fetchLimit(kind: PreviewKind, size: number | null): number | null {
  if (kind === 'none') return null
  if (size !== null && size > limitFor(kind) && !partialOk(kind)) return null
  return limitFor(kind)
}

/** True when the bytes look binary (a NUL in the first 8 KiB), so text preview would be noise. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0)
}

/** JSON pretty-printed with two spaces, or null when it does not parse. */
export function prettyJson(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return null
  }
}
