import { describe, expect, it } from 'vitest'
import { formatCount } from './formatCount'

describe('formatCount', () => {
  it('groups digits and picks the plural', () => {
    expect(formatCount(1, 'candidate')).toBe('1 candidate')
    expect(formatCount(0, 'candidate')).toBe('0 candidates')
    expect(formatCount(12345, 'metadata entry', 'metadata entries')).toBe('12,345 metadata entries')
  })
})
