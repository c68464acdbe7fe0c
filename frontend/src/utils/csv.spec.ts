import { describe, expect, it } from 'vitest'
import { csvField, toCsv } from './csv'

describe('csv', () => {
  it('quotes fields with commas, quotes and newlines', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
  })
  it('writes empty cells for missing values and numbers as text', () => {
    expect(toCsv([['a', null, 1.5, undefined]])).toBe('a,,1.5,\r\n')
  })
  it('joins rows with CRLF', () => {
    expect(toCsv([['h1', 'h2'], ['x', 'y']])).toBe('h1,h2\r\nx,y\r\n')
  })
})
