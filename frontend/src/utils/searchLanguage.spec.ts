import { describe, expect, it } from 'vitest'
import { buildSort, nextSort, paramEquals, parseSort, quoteKey, quoteValue } from './searchLanguage'

describe('quoteKey', () => {
  it('leaves identifiers alone', () => {
    expect(quoteKey('loss')).toBe('loss')
    expect(quoteKey('val_loss_2')).toBe('val_loss_2')
  })
  it('backquotes keys with other characters', () => {
    expect(quoteKey('val/loss')).toBe('`val/loss`')
    expect(quoteKey('val.loss')).toBe('`val.loss`')
    expect(quoteKey('learning rate')).toBe('`learning rate`')
    expect(quoteKey('2nd')).toBe('`2nd`')
  })
})

describe('sort strings', () => {
  it('builds and parses them back', () => {
    const spec = { namespace: 'metrics' as const, key: 'val/acc', direction: 'DESC' as const }
    expect(buildSort(spec)).toBe('metrics.`val/acc` DESC')
    expect(parseSort(buildSort(spec))).toEqual(spec)
    expect(parseSort('attributes.start_time')).toEqual({ namespace: 'attributes', key: 'start_time', direction: 'ASC' })
  })
  it('adds and reads a metric summary suffix after the quoted key', () => {
    const spec = { namespace: 'metrics' as const, key: 'val/loss', direction: 'ASC' as const, summary: 'min' as const }
    expect(buildSort(spec)).toBe('metrics.`val/loss`.min ASC')
    expect(parseSort('metrics.`val/loss`.min ASC')).toEqual(spec)
    expect(parseSort('metrics.loss.max DESC')).toEqual({ namespace: 'metrics', key: 'loss', direction: 'DESC', summary: 'max' })
    expect(parseSort('params.lr.min ASC')).toBeNull()
  })
  it('treats each summary of a metric as its own column', () => {
    const byMin = nextSort(null, 'metrics', 'loss', 'min')
    expect(byMin).toEqual({ namespace: 'metrics', key: 'loss', summary: 'min', direction: 'DESC' })
    expect(nextSort(byMin, 'metrics', 'loss', 'min').direction).toBe('ASC')
    expect(nextSort(byMin, 'metrics', 'loss')).toEqual({ namespace: 'metrics', key: 'loss', direction: 'DESC' })
    expect(nextSort(null, 'params', 'lr', 'min')).toEqual({ namespace: 'params', key: 'lr', direction: 'DESC' })
  })
  it('rejects what it cannot read', () => {
    expect(parseSort('')).toBeNull()
    expect(parseSort('tags.x ASC')).toBeNull()
  })
  it('toggles the direction of the same column and starts new ones descending', () => {
    const first = nextSort(null, 'params', 'lr')
    expect(first).toEqual({ namespace: 'params', key: 'lr', direction: 'DESC' })
    expect(nextSort(first, 'params', 'lr').direction).toBe('ASC')
    expect(nextSort(first, 'metrics', 'lr').direction).toBe('DESC')
  })
})

describe('values', () => {
  it('quotes string literals', () => {
    expect(quoteValue("it's")).toBe("'it''s'")
    expect(paramEquals('optimizer name', 'adam')).toBe("params.`optimizer name` = 'adam'")
  })
})
