import { describe, expect, it } from 'vitest'
import { candidatesCsvUrl } from './candidatesCsv'

describe('candidatesCsvUrl', () => {
  it('addresses the project by its encoded path and passes only the arguments set', () => {
    const base = { projectPath: 'group/proj', iid: 3, filter: '', sort: '', status: null, includeDeleted: false }
    expect(candidatesCsvUrl(base)).toBe('/api/v4/projects/group%2Fproj/ml/experiments/3/candidates.csv')
    const url = candidatesCsvUrl({ ...base, filter: "params.lr = '0.1' and metrics.acc > 0.5", sort: 'metrics.acc DESC', status: 'FINISHED', includeDeleted: true })
    const query = new URL(url, 'http://x').searchParams
    expect(Object.fromEntries(query)).toEqual({
      filter: "params.lr = '0.1' and metrics.acc > 0.5", sort: 'metrics.acc DESC', status: 'FINISHED', include_deleted: 'true',
    })
  })
})
