import { describe, expect, it } from 'vitest'
import { delimiterFor, numericColumns, parseCsv } from './csvTable'

describe('parseCsv', () => {
  it('splits plain records on commas and line breaks (LF and CRLF)', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\n').rows).toEqual([['a', 'b'], ['1', '2'], ['3', '4']])
  })

  it('keeps commas, doubled quotes and newlines inside quoted fields', () => {
    const { rows } = parseCsv('name,note\n"x, y","say ""hi""\nagain"\n')
    expect(rows).toEqual([['name', 'note'], ['x, y', 'say "hi"\nagain']])
  })

  it('keeps empty fields and a last record without a line break', () => {
    expect(parseCsv('a,,c\n,,').rows).toEqual([['a', '', 'c'], ['', '', '']])
  })

  it('drops a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b\n').rows).toEqual([['a', 'b']])
  })

  it('caps the rows and says so', () => {
    const table = parseCsv('h\n1\n2\n3\n', { maxRows: 2 })
    expect(table).toEqual({ rows: [['h'], ['1']], truncated: true })
    expect(parseCsv('h\n1\n', { maxRows: 2 }).truncated).toBe(false)
  })

  it('drops the possibly cut last record of a partial file', () => {
    expect(parseCsv('a,b\n1,2\n3,', { partial: true })).toEqual({ rows: [['a', 'b'], ['1', '2']], truncated: true })
  })

  it('reads tab-separated files', () => {
    expect(delimiterFor('data/x.TSV')).toBe('\t')
    expect(parseCsv('a\tb,c\n', { delimiter: delimiterFor('x.tsv') }).rows).toEqual([['a', 'b,c']])
  })
})

describe('numericColumns', () => {
  it('finds the columns whose values are all numbers, blanks aside', () => {
    expect(numericColumns([['epoch', 'loss', 'note'], ['1', '0.5', 'x'], ['2', '', '3'], ['3', '1e-3']])).toEqual([true, true, false])
    expect(numericColumns([['only header']])).toEqual([false])
  })
})
