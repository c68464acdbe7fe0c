import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ExperimentView from './ExperimentView.vue'
import { candidateRow, fakeGraphQL } from '@/test/fixtures'
import { testRouter } from '@/test/router'
import { useCurrentUser } from '@/composables/useCurrentUser'

const experiment = {
  id: 'E1', iid: 1, name: 'sweep', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', deletedAt: null,
  candidateCount: 150, lastActivityAt: '2026-01-01T00:00:00Z', paramKeys: ['lr'], metricKeys: ['val/acc'],
  creator: { id: 'u1', username: 'root', name: 'Root' }, metadata: [] as { name: string; value: string }[],
}

function page(after: unknown) {
  const start = after ? Number(after) : 0
  const count = start === 0 ? 100 : 50
  const nodes = Array.from({ length: count }, (_, i) => candidateRow(start + i + 1))
  return { totalCount: 150, nodes, pageInfo: { hasNextPage: start === 0, endCursor: String(start + count) } }
}

function server(filterError: string | null = null) {
  return fakeGraphQL({
    Experiment: () => ({
      data: { project: { id: 'p', fullPath: 'default', name: 'Default', currentUserAccessLevel: 'MAINTAINER', experiment } },
    }),
    ExperimentKeys: () => ({ data: { project: { id: 'p', experiment: { id: 'E1', paramKeys: ['lr'], metricKeys: ['val/acc'] } } } }),
    DeleteMetadata: () => ({ data: { deleteMetadata: { __typename: 'Experiment' } } }),
    DeleteExperiment: () => ({ data: { deleteExperiment: { __typename: 'Experiment', ...experiment, deletedAt: '2026-01-03T00:00:00Z' } } }),
    ExperimentCandidates: (v) =>
      filterError && v.filter
        ? { data: null, errors: [{ message: filterError }] }
        : { data: { project: { id: 'p', experiment: { id: 'E1', candidates: page(v.after) } } } },
  })
}

async function mountAt(path: string, filterError: string | null = null) {
  const fake = server(filterError)
  vi.stubGlobal('fetch', fake.fetch)
  const router = await testRouter(path)
  const wrapper = mount(ExperimentView, { global: { plugins: [router] } })
  await flushPromises()
  return { wrapper, router, fake }
}

const candidateCalls = (fake: ReturnType<typeof server>) => fake.calls.filter((c) => c.query.includes('query ExperimentCandidates'))
const sizes = ['clientHeight', 'clientWidth'] as const
beforeAll(() => {
  for (const key of sizes) Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => 600 })
})
afterAll(() => {
  for (const key of sizes) Reflect.deleteProperty(HTMLElement.prototype, key)
})
afterEach(() => vi.unstubAllGlobals())

describe('ExperimentView', () => {
  it('passes filter, sort and status from the URL to the candidates query', async () => {
    const { fake } = await mountAt("/default/-/ml/experiments/1?filter=params.lr%20%3D%20'0.1'&sort=metrics.loss%20ASC&status=RUNNING")
    expect(candidateCalls(fake)[0]!.variables).toMatchObject({
      fullPath: 'default', iid: 1, filter: "params.lr = '0.1'", sort: 'metrics.loss ASC', status: 'RUNNING', first: 50,
    })
  })

  it('sorts by a clicked metric column, backquoting its key, and toggles direction', async () => {
    const { wrapper, router } = await mountAt('/default/-/ml/experiments/1')
    const header = () => wrapper.findAll('[data-testid="sort-header"]').find((b) => b.text().startsWith('val/acc'))!
    await header().trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.sort).toBe('metrics.`val/acc` DESC')
    await header().trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.sort).toBe('metrics.`val/acc` ASC')
  })

  it('shows a bad filter error inline', async () => {
    const { wrapper } = await mountAt('/default/-/ml/experiments/1?filter=metrics.acc%20%3E', "Unexpected end of filter after '>'")
    expect(wrapper.find('[data-testid="filter-error"]').text()).toBe("Unexpected end of filter after '>'")
  })

  it('loads the next page by cursor and appends it', async () => {
    const { wrapper, fake } = await mountAt('/default/-/ml/experiments/1')
    const table = wrapper.findComponent({ name: 'CandidatesTable' })
    expect(table.props('candidates')).toHaveLength(100)
    table.vm.$emit('load-more')
    await flushPromises()
    expect(candidateCalls(fake)[1]!.variables).toMatchObject({ after: '100' })
    expect(table.props('candidates')).toHaveLength(150)
    expect(table.props('hasMore')).toBe(false)
  })

  it('enables Compare for two to twenty selected candidates', async () => {
    const { wrapper } = await mountAt('/default/-/ml/experiments/1')
    const table = wrapper.findComponent({ name: 'CandidatesTable' })
    table.vm.$emit('update:selected', [3])
    await flushPromises()
    expect(wrapper.find('[data-testid="compare-button"]').attributes('disabled')).toBeDefined()
    table.vm.$emit('update:selected', [3, 7])
    await flushPromises()
    expect(wrapper.find('a[data-testid="compare-button"]').attributes('href')).toBe(
      '/default/-/ml/experiments/1/candidates/compare?ids=3,7',
    )
  })
})

describe('ExperimentView columns', () => {
  afterEach(() => localStorage.clear())

  it('keeps hidden columns in the URL and remembers them for the experiment', async () => {
    const { wrapper, router } = await mountAt('/default/-/ml/experiments/1?hide=params.lr')
    expect(wrapper.findComponent({ name: 'CandidatesTable' }).props('view')).toEqual({ hidden: ['params.lr'], order: [], pinned: [] })
    const item = (id: string) => wrapper.find(`[data-column="${id}"]`)
    expect((item('params.lr').find('input').element as HTMLInputElement).checked).toBe(false)
    await item('metrics.val/acc').find('input').setValue(false)
    await flushPromises()
    expect(router.currentRoute.value.query.hide).toEqual(['params.lr', 'metrics.val/acc'])
    expect(JSON.parse(localStorage.getItem('labbook:columns:default:1')!)).toMatchObject({ hidden: ['params.lr', 'metrics.val/acc'] })
  })

  it('moves and pins columns from the picker, in the URL', async () => {
    const { wrapper, router } = await mountAt('/default/-/ml/experiments/1')
    await wrapper.find('[data-column="metrics.val/acc"] [data-testid="column-up"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.order).toEqual(['name', 'status', 'created', 'duration', 'creator', 'metrics.val/acc', 'params.lr'])
    await wrapper.find('[data-column="params.lr"] [data-testid="column-pin"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.pin).toEqual(['params.lr'])
    const headers = wrapper.findAll('[role="columnheader"]').map((h) => h.text())
    expect(headers[1]).toBe('lr')
  })

  it('restores the remembered view when the URL has none, and lets the URL win otherwise', async () => {
    localStorage.setItem('labbook:columns:default:1', JSON.stringify({ order: [], hidden: ['status'], pinned: ['params.lr'] }))
    const { router } = await mountAt('/default/-/ml/experiments/1')
    expect(router.currentRoute.value.query).toMatchObject({ hide: ['status'], pin: ['params.lr'] })
    const shared = await mountAt('/default/-/ml/experiments/1?hide=creator')
    expect(shared.router.currentRoute.value.query.hide).toBe('creator')
    expect(shared.router.currentRoute.value.query.pin).toBeUndefined()
  })

  it('links Export CSV to the server export with the current filter and sort', async () => {
    const { wrapper } = await mountAt("/default/-/ml/experiments/1?filter=params.lr%20%3D%20'0.1'&sort=metrics.loss%20ASC&deleted=1")
    const href = wrapper.find('[data-testid="export-csv"]').attributes('href')!
    expect(href.startsWith('/api/v4/projects/default/ml/experiments/1/candidates.csv?')).toBe(true)
    expect(Object.fromEntries(new URL(href, 'http://x').searchParams)).toEqual({ filter: "params.lr = '0.1'", sort: 'metrics.loss ASC', include_deleted: 'true' })
  })
})

describe('ExperimentView deletion', () => {
  it('includes deleted candidates when asked, through the URL', async () => {
    const { wrapper, router, fake } = await mountAt('/default/-/ml/experiments/1')
    expect(candidateCalls(fake)[0]!.variables).toMatchObject({ includeDeleted: false })
    await wrapper.find('[data-testid="show-deleted-candidates"]').setValue(true)
    await flushPromises()
    expect(router.currentRoute.value.query.deleted).toBe('1')
    expect(candidateCalls(fake).at(-1)!.variables).toMatchObject({ includeDeleted: true })
  })

  it('deletes the experiment after confirmation and goes back to the list', async () => {
    const { wrapper, router, fake } = await mountAt('/default/-/ml/experiments/1')
    await wrapper.find('[data-testid="delete-experiment"]').trigger('click')
    await wrapper.find('[data-testid="confirm-button"]').trigger('click')
    await flushPromises()
    const call = fake.calls.find((c) => c.query.includes('mutation DeleteExperiment'))!
    expect(call.variables).toEqual({ input: { id: 'E1' } })
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/default/-/ml/experiments'), { timeout: 15_000 })
  })
})

describe('ExperimentView metric summaries', () => {
  it('sorts a metric column by the chosen summary', async () => {
    const { wrapper, router } = await mountAt('/default/-/ml/experiments/1?agg=max')
    await wrapper.findAll('[data-testid="sort-header"]').find((b) => b.text().startsWith('val/acc'))!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.sort).toBe('metrics.`val/acc`.max DESC')
    await wrapper.find('[data-testid="metric-summary"]').setValue('last')
    await flushPromises()
    expect(router.currentRoute.value.query.agg).toBeUndefined()
  })
})

describe('ExperimentView live updates', () => {
  it('updates loaded rows in place and announces new candidates', async () => {
    const { subscribe } = await import('@/graphql/live')
    vi.mocked(subscribe).mockClear()
    const { wrapper, fake } = await mountAt('/default/-/ml/experiments/1')
    const call = vi.mocked(subscribe).mock.calls.find(([doc]) => String(doc).includes('subscription CandidateEvents'))!
    expect(call[1]).toEqual({ experimentId: 'E1' })
    const push = call[2] as (data: unknown) => void
    push({ candidateEvents: { kind: 'UPDATED', candidate: candidateRow(2, { status: 'FAILED' }) } })
    push({ candidateEvents: { kind: 'CREATED', candidate: candidateRow(500) } })
    push({ candidateEvents: { kind: 'CREATED', candidate: candidateRow(501) } })
    await flushPromises()
    const table = wrapper.findComponent({ name: 'CandidatesTable' })
    expect(table.props('candidates')[1].status).toBe('FAILED')
    expect(wrapper.find('[data-testid="new-candidates"]').text()).toContain('2 new candidates')
    const before = candidateCalls(fake).length
    await wrapper.find('[data-testid="new-candidates"] button').trigger('click')
    await flushPromises()
    expect(candidateCalls(fake).length).toBe(before + 1)
    expect(wrapper.find('[data-testid="new-candidates"]').exists()).toBe(false)
  })
})

describe('ExperimentView Metadata tab', () => {
  it('shows the metadata from the URL tab, and edits it', async () => {
    experiment.metadata = [{ name: 'team', value: 'vision' }]
    try {
      const { wrapper, fake } = await mountAt('/default/-/ml/experiments/1?tab=metadata')
      expect(wrapper.find('[data-testid="tab-metadata"]').attributes('aria-selected')).toBe('true')
      expect(wrapper.find('[data-testid="tab-metadata"]').text()).toBe('Metadata (1)')
      expect(wrapper.find('[data-testid="metadata-count"]').text()).toBe('1 metadata entry')
      expect(wrapper.findAll('[data-testid="metadata-row"]').map((r) => r.text())).toEqual([expect.stringContaining('vision')])
      expect(wrapper.find('[data-testid="candidate-filter"]').exists()).toBe(false)
      expect(wrapper.findComponent({ name: 'CandidatesTable' }).exists()).toBe(false)
      fake.calls.length = 0
      await wrapper.find('[data-testid="delete-metadata"]').trigger('click')
      await flushPromises()
      expect(fake.calls[0]!.variables).toEqual({ input: { id: 'E1', name: 'team' } })
      expect(fake.calls.some((c) => c.query.includes('query Experiment('))).toBe(true)
    } finally {
      experiment.metadata = []
    }
  })

  it('opens from the metadata count in the header, keeping the rest of the URL', async () => {
    const { wrapper, router } = await mountAt('/default/-/ml/experiments/1?status=FAILED')
    await wrapper.find('[data-testid="metadata-count"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ status: 'FAILED', tab: 'metadata' })
  })
})

describe('ExperimentView "My candidates"', () => {
  beforeEach(() => useCurrentUser().set({ id: 'u2', username: "o'neil", name: 'O', isAdmin: false }))
  afterEach(() => useCurrentUser().set(null))

  it('narrows the query to my candidates without touching the filter box', async () => {
    const { wrapper, router, fake } = await mountAt("/default/-/ml/experiments/1?filter=metrics.acc%20%3E%200.9%20or%20params.a%20%3D%20'1'")
    await wrapper.find('[data-testid="mine-filter"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.mine).toBe('1')
    expect(candidateCalls(fake).at(-1)!.variables).toMatchObject({
      filter: "(metrics.acc > 0.9 or params.a = '1') and attributes.user_id = 'o''neil'",
    })
    expect((wrapper.find('[data-testid="candidate-filter"]').element as HTMLInputElement).value).toBe("metrics.acc > 0.9 or params.a = '1'")
    expect(new URL(wrapper.find('[data-testid="export-csv"]').attributes('href')!, 'http://x').searchParams.get('filter')).toContain('attributes.user_id')
  })

  it('reads mine=1 from the URL, alone', async () => {
    const { fake } = await mountAt('/default/-/ml/experiments/1?mine=1')
    expect(candidateCalls(fake)[0]!.variables).toMatchObject({ filter: "attributes.user_id = 'o''neil'" })
  })
})

describe('ExperimentView empty states', () => {
  async function mountEmpty(path: string) {
    const fake = fakeGraphQL({
      Experiment: () => ({
        data: { project: { id: 'p', fullPath: 'default', name: 'Default', mlflowTrackingUri: 'http://lab/api/v4/projects/1/ml/mlflow', currentUserAccessLevel: 'DEVELOPER', experiment } },
      }),
      ExperimentKeys: () => ({ data: { project: { id: 'p', experiment: { id: 'E1', paramKeys: [], metricKeys: [] } } } }),
      ExperimentCandidates: () => ({
        data: { project: { id: 'p', experiment: { id: 'E1', candidates: { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } } },
      }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    const wrapper = mount(ExperimentView, { global: { plugins: [await testRouter(path)] } })
    await flushPromises()
    return wrapper
  }

  it('shows how to log to this experiment, and New candidate', async () => {
    const wrapper = await mountEmpty('/default/-/ml/experiments/1')
    expect(wrapper.find('[data-testid="empty-state"] h2').text()).toBe('No candidates associated with this experiment')
    const snippet = wrapper.find('[data-testid="mlflow-snippet"]').text()
    expect(snippet).toContain('export MLFLOW_TRACKING_URI=http://lab/api/v4/projects/1/ml/mlflow')
    expect(snippet).toContain('MLFLOW_TRACKING_TOKEN=')
    expect(snippet).toContain('mlflow.set_experiment("sweep")')
    expect(wrapper.find('[data-testid="new-candidate-hint"]').text()).toContain('New candidate')
  })

  it('adapts to the filters', async () => {
    useCurrentUser().set({ id: 'u2', username: 'ada', name: 'Ada', isAdmin: false })
    try {
      const mine = await mountEmpty('/default/-/ml/experiments/1?mine=1')
      expect(mine.find('[data-testid="empty-state"] h2').text()).toBe('You have no candidates in this experiment')
      const both = await mountEmpty('/default/-/ml/experiments/1?mine=1&status=FAILED')
      expect(both.find('[data-testid="empty-state"] h2').text()).toBe('None of your candidates match')
      expect(both.find('[data-testid="mlflow-snippet"]').exists()).toBe(false)
    } finally {
      useCurrentUser().set(null)
    }
  })
})
