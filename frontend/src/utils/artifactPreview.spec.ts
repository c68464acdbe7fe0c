import { describe, expect, it } from 'vitest'
import { CSV_ROWS, sandboxedDocument, textPreview } from './artifactPreview'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('textPreview', () => {
  it('pretty-prints JSON, and shows invalid JSON as text with a note', () => {
    expect(textPreview('json', 'm.json', utf8('{"acc":0.9}'), false)).toEqual({ kind: 'text', text: '{\n  "acc": 0.9\n}' })
    const broken = textPreview('json', 'm.json', utf8('{"acc":'), false)
    expect(broken).toMatchObject({ kind: 'text', text: '{"acc":', note: expect.stringContaining('not valid JSON') })
  })

  it('parses CSV into rows, capped, dropping the cut last row of a partial file', () => {
    expect(textPreview('csv', 'a.csv', utf8('x,y\n1,"2,5"\n'), false)).toEqual({
      kind: 'csv',
      table: { rows: [['x', 'y'], ['1', '2,5']], truncated: false },
    })
    const partial = textPreview('csv', 'a.csv', utf8('x\n1\n2'), true)
    expect(partial).toEqual({ kind: 'csv', table: { rows: [['x'], ['1']], truncated: true } })
    const long = textPreview('csv', 'a.csv', utf8('v\n'.repeat(CSV_ROWS + 10)), false)
    expect(long.kind === 'csv' && long.table.rows.length).toBe(CSV_ROWS)
  })

  it('renders Markdown sanitized', () => {
    const preview = textPreview('markdown', 'R.md', utf8('# Title\n<img src=x onerror="alert(1)">'), false)
    expect(preview.kind).toBe('markdown')
    const html = preview.kind === 'markdown' ? preview.html : ''
    expect(html).toContain('<h1>Title</h1>')
    expect(html).not.toContain('onerror')
  })

  it('wraps HTML in a no-network policy', () => {
    const preview = textPreview('html', 'r.html', utf8('<p>hi</p>'), false)
    expect(preview).toEqual({ kind: 'html', source: sandboxedDocument('<p>hi</p>') })
    expect(sandboxedDocument('')).toContain("default-src 'none'")
  })

  it('shows a cut JSON, Markdown or HTML file as plain text', () => {
    expect(textPreview('json', 'm.json', utf8('{"a":'), true)).toEqual({ kind: 'text', text: '{"a":' })
  })

  it('refuses binary bytes', () => {
    expect(textPreview('text', 'x.txt', new Uint8Array([1, 0, 2]), false)).toEqual({ kind: 'binary' })
  })
})
