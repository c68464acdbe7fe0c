import { describe, expect, it } from 'vitest'
import { applySuggestion, quoteFieldKey, suggest, tokenAt } from './filterSuggestions'

const keys = { paramKeys: ['lr', 'optimizer'], metricKeys: ['acc', 'val.loss', 'f1 score'] }

describe('tokenAt', () => {
  it('finds the field under the cursor', () => {
    expect(tokenAt('metrics.acc > 0.9 and par', 25)).toEqual({ start: 22, end: 25, text: 'par' })
  })
  it('stops at operators and parentheses', () => {
    expect(tokenAt('(metrics.a>1', 10)).toEqual({ start: 1, end: 10, text: 'metrics.a' })
  })
  it('keeps a backquoted key with spaces together', () => {
    const text = 'metrics.`f1 sc'
    expect(tokenAt(text, text.length).text).toBe('metrics.`f1 sc')
  })
  it('is empty after a space', () => {
    expect(tokenAt('metrics.acc ', 12).text).toBe('')
  })
})

describe('quoteFieldKey', () => {
  it('leaves identifiers and dotted keys bare and backquotes the rest', () => {
    expect(quoteFieldKey('val.loss')).toBe('val.loss')
    expect(quoteFieldKey('f1 score')).toBe('`f1 score`')
    expect(quoteFieldKey('a-b')).toBe('`a-b`')
  })
})

describe('suggest', () => {
  it('completes a prefix to metric fields', () => {
    expect(suggest('met', keys)).toEqual(['metrics.acc', 'metrics.val.loss', 'metrics.`f1 score`'])
  })
  it('completes params and attributes', () => {
    expect(suggest('params.o', keys)).toEqual(['params.optimizer'])
    expect(suggest('attributes.st', keys)).toEqual(['attributes.status', 'attributes.start_time'])
  })
  it('matches a bare word against key names', () => {
    expect(suggest('opt', keys)).toEqual(['params.optimizer'])
  })
  it('offers summaries once a metric and a dot are typed', () => {
    expect(suggest('metrics.acc.m', keys)).toEqual(['metrics.acc.min', 'metrics.acc.max'])
    expect(suggest('metrics.`f1 score`.', keys)).toContain('metrics.`f1 score`.count')
  })
  it('is case-insensitive and ignores backquotes while matching', () => {
    expect(suggest('METRICS.F1', keys)).toEqual(['metrics.`f1 score`'])
  })
  it('suggests nothing for an empty or complete token', () => {
    expect(suggest('', keys)).toEqual([])
    expect(suggest('params.lr', keys)).toEqual([])
  })
  it('caps the list', () => {
    const many = { paramKeys: Array.from({ length: 30 }, (_, i) => `p${i}`), metricKeys: [] }
    expect(suggest('params.', many, 5)).toHaveLength(5)
  })
})

describe('applySuggestion', () => {
  it('replaces the token and puts the cursor after it', () => {
    const text = 'met > 1'
    expect(applySuggestion(text, tokenAt(text, 3), 'metrics.acc')).toEqual({ text: 'metrics.acc > 1', cursor: 11 })
  })
})
