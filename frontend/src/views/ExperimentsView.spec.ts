import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ExperimentsView from './ExperimentsView.vue'
import { fakeGraphQL } from '@/test/fixtures'
import { testRouter } from '@/test/router'

function experiment(iid: number, name: string, candidateCount: number) {
  return {
    id: `gid://labbook/Experiment/${iid}`, iid, name, candidateCount,
    createdAt: '2026-01-01T00:00:00Z', lastActivityAt: '2026-01-02T00:00:00Z', deletedAt: null as string | null,
    creator: { id: 'u1', username: 'root', name: 'Root' },
  }
}

function answer(nodes: ReturnType<typeof experiment>[], hasNextPage = false) {
  return {
    data: {
      project: {
        id: 'p1', fullPath: 'default', name: 'Default', mlflowTrackingUri: 'http://127.0.0.1:8080/api/v4/projects/1/ml/mlflow',
        currentUserAccessLevel: 'OWNER',
        experiments: {
          totalCount: nodes.length, nodes,
          pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: 'c0', endCursor: 'c1' },
        },
      },
    },
  }
}

async function mountAt(path: string, nodes: ReturnType<typeof experiment>[], hasNextPage = false) {
  const fake = fakeGraphQL({
    Experiments: () => answer(nodes, hasNextPage),
    PurgeExperiment: (v) => ({ data: { purgeExperiment: { __typename: 'Purged', id: (v.input as { id: string }).id } } }),
  })
  vi.stubGlobal('fetch', fake.fetch)
  const router = await testRouter(path)
  const wrapper = mount(ExperimentsView, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router, fake }
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('ExperimentsView', () => {
  it('lists experiments with their candidate counts', async () => {
    const { wrapper } = await mountAt('/default/-/ml/experiments', [experiment(1, 'baseline', 3), experiment(2, 'sweep', 120)])
    const rows = wrapper.findAll('[data-testid="experiment-row"]')
    expect(rows.map((r) => r.find('a').text())).toEqual(['baseline', 'sweep'])
    expect(rows.map((r) => r.find('[data-testid="candidate-count"]').text())).toEqual(['3', '120'])
    expect(rows[0]!.find('a').attributes('href')).toBe('/default/-/ml/experiments/1')
    expect(rows[0]!.find('time').attributes('title')).toBeTruthy()
  })

  it('passes search, sort and deleted from the URL to the query', async () => {
    const { fake } = await mountAt('/default/-/ml/experiments?search=swe&sort=NAME_ASC&deleted=1', [])
    expect(fake.calls[0]!.variables).toMatchObject({ fullPath: 'default', search: 'swe', sort: 'NAME_ASC', includeDeleted: true, first: 20 })
  })

  it('debounces the search box into the URL', async () => {
    vi.useFakeTimers()
    const { wrapper, router } = await mountAt('/default/-/ml/experiments', [experiment(1, 'baseline', 3)])
    await wrapper.find('[data-testid="experiment-search"]').setValue('base')
    expect(router.currentRoute.value.query.search).toBeUndefined()
    vi.advanceTimersByTime(350)
    await flushPromises()
    expect(router.currentRoute.value.query.search).toBe('base')
  })

  it('pages forward with the end cursor', async () => {
    const { wrapper, router } = await mountAt('/default/-/ml/experiments', [experiment(1, 'a', 0)], true)
    await wrapper.find('[data-testid="page-next"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.after).toBe('c1')
  })

  it('explains how to start when the project has no experiment', async () => {
    const { wrapper } = await mountAt('/default/-/ml/experiments', [])
    const empty = wrapper.find('[data-testid="empty-state"]')
    expect(empty.text()).toContain('Get started with model experiments!')
    expect(empty.find('[data-testid="mlflow-snippet"]').text()).toContain(
      'export MLFLOW_TRACKING_URI=http://127.0.0.1:8080/api/v4/projects/1/ml/mlflow',
    )
  })

  it('groups digits of counts and pluralises the total', async () => {
    const { wrapper } = await mountAt('/default/-/ml/experiments', [experiment(1, 'big', 123456)])
    expect(wrapper.find('[data-testid="candidate-count"]').text()).toBe('123,456')
    expect(wrapper.find('[data-testid="experiment-count"]').text()).toBe('1 experiment')
  })

  it('clears the search from the no-match state', async () => {
    const { wrapper, router } = await mountAt('/default/-/ml/experiments?search=zzz&deleted=1&sort=NAME_ASC', [])
    await wrapper.find('[data-testid="clear-search"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ sort: 'NAME_ASC' })
  })

  it('sorts by last activity, not by the experiment row update', async () => {
    const { wrapper, router } = await mountAt('/default/-/ml/experiments', [experiment(1, 'a', 0)])
    await wrapper.find('[data-testid="experiment-sort"]').setValue('LAST_ACTIVITY_DESC')
    await flushPromises()
    expect(router.currentRoute.value.query.sort).toBe('LAST_ACTIVITY_DESC')
  })

  it('focuses the search box on /', async () => {
    const { wrapper } = await mountAt('/default/-/ml/experiments', [experiment(1, 'a', 0)])
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true }))
    expect(document.activeElement).toBe(wrapper.find('[data-testid="experiment-search"]').element)
  })
})

describe('ExperimentsView deleted experiments', () => {
  it('purges a deleted experiment only after confirmation', async () => {
    const gone = { ...experiment(3, 'old', 0), deletedAt: '2026-01-05T00:00:00Z' }
    const { wrapper, fake } = await mountAt('/default/-/ml/experiments?deleted=1', [experiment(1, 'live', 1), gone])
    expect(wrapper.findAll('[data-testid="purge-experiment"]')).toHaveLength(1)
    await wrapper.find('[data-testid="purge-experiment"]').trigger('click')
    expect(fake.calls.some((c) => c.query.includes('mutation PurgeExperiment'))).toBe(false)
    await wrapper.find('[data-testid="confirm-button"]').trigger('click')
    await flushPromises()
    const call = fake.calls.find((c) => c.query.includes('mutation PurgeExperiment'))!
    expect(call.variables).toEqual({ input: { id: gone.id } })
    expect(fake.calls.filter((c) => c.query.includes('query Experiments'))).toHaveLength(2)
  })
})
