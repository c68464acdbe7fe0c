import { describe, expect, it } from 'vitest'
import { relativeTime } from './time'

const now = new Date('2026-01-10T12:00:00Z')

describe('relativeTime', () => {
  it('says just now for the last seconds', () => {
    expect(relativeTime('2026-01-10T11:59:55Z', now)).toBe('just now')
  })
  it('picks the largest fitting unit', () => {
    expect(relativeTime('2026-01-10T11:57:00Z', now)).toBe('3 minutes ago')
    expect(relativeTime('2026-01-10T10:00:00Z', now)).toBe('2 hours ago')
    expect(relativeTime('2026-01-09T12:00:00Z', now)).toBe('yesterday')
    expect(relativeTime('2025-01-10T12:00:00Z', now)).toBe('last year')
  })
  it('handles the future and bad input', () => {
    expect(relativeTime('2026-01-10T12:05:00Z', now)).toBe('in 5 minutes')
    expect(relativeTime('not a date', now)).toBe('')
    expect(relativeTime(null, now)).toBe('')
  })
})
