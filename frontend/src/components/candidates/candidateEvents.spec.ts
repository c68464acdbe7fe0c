import { describe, expect, it } from 'vitest'
import { applyCandidateEvent } from './candidateEvents'
import { candidateRow } from '@/test/fixtures'

const rows = [candidateRow(1), candidateRow(2), candidateRow(3)]

describe('applyCandidateEvent', () => {
  it('replaces an updated row in place', () => {
    const updated = candidateRow(2, { status: 'FAILED', metrics: [{ name: 'loss', value: 0.5 }] })
    const result = applyCandidateEvent(rows, { kind: 'UPDATED', candidate: updated }, false)
    expect(result.rows.map((r) => r.iid)).toEqual([1, 2, 3])
    expect(result.rows[1]).toBe(updated)
    expect(result.added).toBe(0)
  })

  it('drops a deleted row unless deleted ones are shown', () => {
    const gone = candidateRow(1, { deletedAt: '2026-01-02T00:00:00Z' })
    expect(applyCandidateEvent(rows, { kind: 'DELETED', candidate: gone }, false).rows.map((r) => r.iid)).toEqual([2, 3])
    expect(applyCandidateEvent(rows, { kind: 'DELETED', candidate: gone }, true).rows[0]).toBe(gone)
  })

  it('counts new candidates without placing them', () => {
    const result = applyCandidateEvent(rows, { kind: 'CREATED', candidate: candidateRow(4) }, false)
    expect(result.rows).toBe(rows)
    expect(result.added).toBe(1)
    expect(applyCandidateEvent(rows, { kind: 'CREATED', candidate: candidateRow(3) }, false).added).toBe(0)
  })

  it('ignores updates of rows not loaded', () => {
    const result = applyCandidateEvent(rows, { kind: 'UPDATED', candidate: candidateRow(99) }, false)
    expect(result).toEqual({ rows, added: 0 })
  })
})
