import type { CandidateFieldsFragment, CandidateRowFragment } from '@/graphql/generated/graphql'

export function candidateRow(iid: number, overrides: Partial<CandidateRowFragment> = {}): CandidateRowFragment {
  return {
    __typename: 'Candidate',
    id: `gid://labbook/Candidate/${iid}`,
    iid,
    name: `run-${iid}`,
    status: 'FINISHED',
    startTime: '2026-01-01T00:00:00Z',
    duration: 65,
    createdAt: '2026-01-01T00:00:00Z',
    creator: { id: 'gid://labbook/User/1', username: 'ada' },
    params: [],
    metrics: [],
    ...overrides,
  }
}

export function candidate(iid: number, overrides: Partial<CandidateFieldsFragment> = {}): CandidateFieldsFragment {
  return {
    id: `gid://labbook/Candidate/${iid}`,
    iid,
    eid: `${iid}`.padStart(32, '0'),
    name: `run-${iid}`,
    description: '',
    status: 'FINISHED',
    startTime: '2026-01-01T00:00:00Z',
    endTime: '2026-01-01T00:01:00Z',
    duration: 60,
    createdAt: '2026-01-01T00:00:00Z',
    deletedAt: null,
    creator: { id: 'gid://labbook/User/1', username: 'ada', name: 'Ada' },
    experiment: { id: 'gid://labbook/Experiment/1', iid: 1, name: 'exp' },
    parent: null,
    children: [],
    params: [],
    metadata: [],
    metrics: [],
    links: { webPath: `/default/-/ml/candidates/${iid}`, mlflowRunId: `${iid}`.padStart(32, '0'), artifactPath: null },
    ...overrides,
  }
}

export function metric(name: string, value: number): CandidateFieldsFragment['metrics'][number] {
  return { name, value, step: 10, timestamp: '2026-01-01T00:01:00Z', min: value, max: value, count: 11 }
}

interface GraphQLBody {
  query: string
  variables: Record<string, unknown>
}

/** A fetch stand-in answering by operation name, recording every request. */
export function fakeGraphQL(handlers: Record<string, (variables: Record<string, unknown>) => unknown>) {
  const calls: GraphQLBody[] = []
  const fetch = async (_url: string, init: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init.body)) as GraphQLBody
    calls.push(body)
    const name = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? ''
    const handler = handlers[name]
    const payload = handler ? handler(body.variables) : { errors: [{ message: `no handler for ${name}` }] }
    return new Response(JSON.stringify(payload), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }
  return { fetch, calls }
}
