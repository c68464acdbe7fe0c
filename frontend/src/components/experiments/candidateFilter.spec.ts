import { describe, expect, it } from 'vitest'
import { candidateFilter } from './candidateFilter'

describe('candidateFilter', () => {
  it('passes the filter through, or null when empty', () => {
    expect(candidateFilter("params.lr = '0.1'", null)).toBe("params.lr = '0.1'")
    expect(candidateFilter('  ', null)).toBeNull()
  })

  it('narrows to the creator, parenthesising the filter', () => {
    expect(candidateFilter('', 'ada')).toBe("attributes.user_id = 'ada'")
    expect(candidateFilter('metrics.acc > 0.9 or params.a = 1', 'ada')).toBe("(metrics.acc > 0.9 or params.a = 1) and attributes.user_id = 'ada'")
  })

  it('escapes quotes and backslashes in the username', () => {
    expect(candidateFilter('', "o'neil\\x")).toBe("attributes.user_id = 'o''neil\\\\x'")
  })
})
