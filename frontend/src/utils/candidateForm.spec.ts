import { describe, expect, it } from 'vitest'
import { candidateInput, emptyForm, sectionOf } from './candidateForm'

describe('candidateInput', () => {
  it('ignores blank rows and trims keys; an empty name is null; step defaults to 0', () => {
    const form = {
      name: ' ',
      params: [{ name: ' lr ', value: '0.1' }, { name: '', value: '' }],
      metrics: [{ name: 'acc', value: '0.9', step: '' }, { name: 'loss', value: '1e-3', step: '5' }],
      metadata: [{ name: 'source', value: 'notebook' }],
    }
    expect(candidateInput('E1', form)).toEqual({
      input: {
        experimentId: 'E1', name: null, params: [{ name: 'lr', value: '0.1' }],
        metrics: [{ name: 'acc', value: 0.9, step: 0 }, { name: 'loss', value: 0.001, step: 5 }],
        metadata: [{ name: 'source', value: 'notebook' }],
      },
      errors: {},
    })
  })
  it('an empty form creates a bare candidate', () => {
    expect(candidateInput('E1', emptyForm()).input).toEqual({ experimentId: 'E1', name: null, params: [], metrics: [], metadata: [] })
  })
  it('reports missing keys, duplicates, bad numbers and bad steps per section', () => {
    const form = emptyForm()
    form.params = [{ name: '', value: 'x' }]
    form.metadata = [{ name: 'a', value: '1' }, { name: 'a', value: '2' }]
    form.metrics = [{ name: 'acc', value: 'high', step: '' }]
    const { input, errors } = candidateInput('E1', form)
    expect(input).toBeNull()
    expect(errors.params).toBe('Every param needs a key.')
    expect(errors.metadata).toContain('given twice')
    expect(errors.metrics).toContain('not a number')
    form.params = []
    form.metadata = []
    form.metrics = [{ name: 'acc', value: '1', step: '1.5' }]
    expect(candidateInput('E1', { ...form, metrics: [{ name: 'acc', value: '1', step: '-2' }] }).errors).toEqual({})
    expect(candidateInput('E1', form).errors.metrics).toContain('whole number')
  })
  it('maps a server field to a section', () => {
    expect(sectionOf('params')).toBe('params')
    expect(sectionOf('metrics[0].value')).toBe('metrics')
    expect(sectionOf('experimentId')).toBeNull()
    expect(sectionOf(null)).toBeNull()
    expect(sectionOf('key', 'Param key must be 1 to 250 characters')).toBe('params')
    expect(sectionOf('key', 'Metric key must be 1 to 250 characters')).toBe('metrics')
    expect(sectionOf('key', 'Tag key must be 1 to 250 characters')).toBe('metadata')
    expect(sectionOf(null, "Duplicate parameter keys with different values: 'a'")).toBe('params')
    expect(sectionOf(null, 'Experiment not found')).toBeNull()
  })
})
