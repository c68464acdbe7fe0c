import { describe, expect, it } from 'vitest'
import { formatBytes, formatDelta, formatDuration, formatNumber } from './format'

describe('formatNumber', () => {
  it('keeps integers exact', () => {
    expect(formatNumber(42)).toBe('42')
    expect(formatNumber(-7)).toBe('-7')
  })
  it('rounds floats to five significant digits', () => {
    expect(formatNumber(0.123456789)).toBe('0.12346')
    expect(formatNumber(3.14159265)).toBe('3.1416')
  })
  it('uses exponents for very large and very small values', () => {
    expect(formatNumber(1.5e-7)).toBe('1.500e-7')
    expect(formatNumber(2.5e9 + 0.5)).toBe('2.500e+9')
  })
  it('names the non-finite values', () => {
    expect(formatNumber(Number.NaN)).toBe('NaN')
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞')
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('-∞')
  })
  it('is empty for missing values', () => {
    expect(formatNumber(null)).toBe('')
    expect(formatNumber(undefined)).toBe('')
  })
})

describe('formatDelta', () => {
  it('signs the difference', () => {
    expect(formatDelta(0.5)).toBe('+0.5')
    expect(formatDelta(-2)).toBe('-2')
    expect(formatDelta(0)).toBe('±0')
    expect(formatDelta(null)).toBe('')
  })
})

describe('formatDuration', () => {
  it('shows milliseconds under a second', () => {
    expect(formatDuration(0.25)).toBe('250 ms')
  })
  it('shows the two largest units', () => {
    expect(formatDuration(59)).toBe('59s')
    expect(formatDuration(3 * 3600 + 2 * 60 + 5)).toBe('3h 2m')
    expect(formatDuration(2 * 86400 + 3600)).toBe('2d 1h')
  })
  it('is empty for missing or negative durations', () => {
    expect(formatDuration(null)).toBe('')
    expect(formatDuration(-1)).toBe('')
  })
})

describe('formatBytes', () => {
  it('picks a binary unit', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KiB')
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MiB')
    expect(formatBytes(null)).toBe('')
  })
})
