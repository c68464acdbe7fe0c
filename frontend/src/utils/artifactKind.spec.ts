import { describe, expect, it } from 'vitest'
import { IMAGE_LIMIT, TEXT_LIMIT, fetchLimit, imageType, looksBinary, prettyJson, previewKind } from './artifactKind'

describe('previewKind', () => {
  it.each([
    ['notes.txt', 'text'], ['train.py', 'text'], ['logs/out.LOG', 'text'], ['requirements.txt', 'text'],
    ['metrics.json', 'json'], ['conda.yaml', 'yaml'], ['model/MLmodel', 'yaml'], ['table.csv', 'csv'],
    ['t.tsv', 'csv'], ['README.md', 'markdown'], ['plot.PNG', 'image'], ['pic.svg', 'image'],
    ['report.html', 'html'], ['model.pkl', 'none'], ['weights', 'none'], ['.hidden', 'none'],
  ])('%s is previewed as %s', (path, kind) => {
    expect(previewKind(path)).toBe(kind)
  })
})

describe('fetchLimit', () => {
  it('reads the first MiB of large text-like files', () => {
    expect(fetchLimit('text', 50 * TEXT_LIMIT)).toBe(TEXT_LIMIT)
    expect(fetchLimit('csv', null)).toBe(TEXT_LIMIT)
  })

  it('refuses files that must be whole and are too large, and unknown kinds', () => {
    expect(fetchLimit('json', TEXT_LIMIT + 1)).toBeNull()
    expect(fetchLimit('html', TEXT_LIMIT + 1)).toBeNull()
    expect(fetchLimit('image', IMAGE_LIMIT + 1)).toBeNull()
    expect(fetchLimit('image', IMAGE_LIMIT)).toBe(IMAGE_LIMIT)
    expect(fetchLimit('none', 10)).toBeNull()
  })
})

describe('helpers', () => {
  it('gives images their type', () => {
    expect(imageType('a/b.jpg')).toBe('image/jpeg')
    expect(imageType('x.svg')).toBe('image/svg+xml')
  })

  it('spots binary bytes', () => {
    expect(looksBinary(new Uint8Array([104, 0, 105]))).toBe(true)
    expect(looksBinary(new TextEncoder().encode('plain text'))).toBe(false)
  })

  it('pretty-prints JSON and says when it does not parse', () => {
    expect(prettyJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}')
    expect(prettyJson('{"a":')).toBeNull()
  })
})
