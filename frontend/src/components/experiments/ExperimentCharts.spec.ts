import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ExperimentView from '@/views/ExperimentView.vue'
import { candidateRow, fakeGraphQL } from '@/test/fixtures'
import { testRouter } from '@/test/router'

const experiment = {
  id: 'E1', iid: 1, name: 'sweep', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', deletedAt: null,
  candidateCount: 12, lastActivityAt: '2026-01-01T00:00:00Z', paramKeys: ['opt'], metricKeys: ['acc', 'loss'],
  creator: { id: 'u1', username: 'root', name: 'Root' }, metadata: [],
}
const nodes = Array.from({ length: 12 }, (_, i) =>
  candidateRow(i + 1, { params: [{ name: 'opt', value: i % 2 ? 'adam' : 'sgd' }], metrics: [{ name: 'acc', value: i / 10, min: 0, max: 1 }] }),
)

function server(chartError: string | null = null) {
  return fakeGraphQL({
    Experiment: () => ({ data: { project: { id: 'p', fullPath: 'default', name: 'Default', currentUserAccessLevel: 'DEVELOPER', experiment } } }),
    ExperimentKeys: () => ({ data: { project: { id: 'p', experiment: { id: 'E1', paramKeys: experiment.paramKeys, metricKeys: experiment.metricKeys } } } }),
    ExperimentCandidates: () => ({
      data: { project: { id: 'p', experiment: { id: 'E1', candidates: { totalCount: 12, nodes, pageInfo: { hasNextPage: false, endCursor: null } } } } },
    }),
    CreateCandidate: () => ({ data: { createCandidate: { __typename: 'Candidate', id: 'C13', iid: 13, name: 'manual' } } }),
    ChartMetrics: (v) =>
      chartError
        ? { data: null, errors: [{ message: chartError }] }
        : {
            data: {
              compareMetrics: (v.candidateIds as string[]).flatMap((candidateId) =>
                (v.names as string[]).map((name) => ({ candidateId, name, steps: [0, 1], values: [1, 0.5], timestamps: ['2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z'] })),
              ),
            },
          },
  })
}

async function mountAt(path: string, chartError: string | null = null) {
  const fake = server(chartError)
  vi.stubGlobal('fetch', fake.fetch)
  const router = await testRouter(path)
  const wrapper = mount(ExperimentView, { global: { plugins: [router], stubs: { PlotCanvas: true } }, attachTo: document.body })
  await settle()
  return { wrapper, router, fake }
}
/** Lets the lazily loaded charts and dialog resolve, then their requests. */
async function settle(): Promise<void> {
  await flushPromises()
  await vi.dynamicImportSettled()
  await flushPromises()
}
const chartCalls = (fake: ReturnType<typeof server>) => fake.calls.filter((c) => c.query.includes('query ChartMetrics'))

beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 600 }))
afterAll(() => Reflect.deleteProperty(HTMLElement.prototype, 'clientWidth'))
// jsdom has no 2D canvas: parallel coordinates draw nothing here (their shaping has its own spec).
const jsdomGetContext = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, 'getContext')!
beforeAll(() => Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { configurable: true, value: () => null }))
afterAll(() => Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', jsdomGetContext))
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('Charts tab', () => {
  it('switches tabs through the URL', async () => {
    const { wrapper, router } = await mountAt('/default/-/ml/experiments/1')
    await wrapper.find('[data-testid="tab-charts"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.query.tab).toBe('charts')
    expect(wrapper.find('[data-testid="charts-tab"]').exists()).toBe(true)
  })

  it('charts the top 10 candidates for the default metrics in ONE request', async () => {
    const { wrapper, fake } = await mountAt('/default/-/ml/experiments/1?tab=charts')
    const calls = chartCalls(fake)
    expect(calls).toHaveLength(1)
    expect(calls[0]!.variables.names).toEqual(['acc', 'loss'])
    expect(calls[0]!.variables.candidateIds).toEqual(nodes.slice(0, 10).map((n) => n.id))
    expect(wrapper.findAll('[data-testid="metric-chart"]')).toHaveLength(2)
    expect(wrapper.find('[data-testid="scatter-chart"]').exists()).toBe(true)
  })

  it('takes metrics, top N, log, smoothing and scatter axes from the URL and writes them back', async () => {
    const { wrapper, router, fake } = await mountAt('/default/-/ml/experiments/1?tab=charts&metric=acc&top=3&log=1&smooth=0.5')
    expect(chartCalls(fake)[0]!.variables).toMatchObject({ names: ['acc'], candidateIds: ['gid://labbook/Candidate/1', 'gid://labbook/Candidate/2', 'gid://labbook/Candidate/3'] })
    expect((wrapper.find('[data-testid="chart-log"]').element as HTMLInputElement).checked).toBe(true)
    const boxes = wrapper.findAll('[data-testid="chart-metric"]')
    await boxes[1]!.setValue(true)
    await settle()
    expect(router.currentRoute.value.query.metric).toEqual(['acc', 'loss'])
    await wrapper.find('[data-testid="chart-axis"]').setValue('time')
    await settle()
    expect(router.currentRoute.value.query.xaxis).toBe('time')
    await wrapper.find('[data-testid="scatter-x"]').setValue('metric:loss')
    await settle()
    expect(router.currentRoute.value.query.sx).toBe('metric:loss')
  })

  it('shows an error state when the histories fail', async () => {
    const { wrapper } = await mountAt('/default/-/ml/experiments/1?tab=charts', 'boom')
    expect(wrapper.text()).toContain('boom')
  })

  it('charts the selected candidates instead of the top N', async () => {
    const { wrapper, fake } = await mountAt('/default/-/ml/experiments/1')
    wrapper.findComponent({ name: 'CandidatesTable' }).vm.$emit('update:selected', [5, 2])
    await wrapper.find('[data-testid="tab-charts"]').trigger('click')
    await settle()
    expect(chartCalls(fake).at(-1)!.variables.candidateIds).toEqual(['gid://labbook/Candidate/2', 'gid://labbook/Candidate/5'])
    expect(wrapper.find('[data-testid="chart-top"]').exists()).toBe(false)
  })
})

describe('New candidate', () => {
  it('opens from the candidates toolbar (Developer) and reloads the table after creating', async () => {
    const { wrapper, fake } = await mountAt('/default/-/ml/experiments/1')
    const before = fake.calls.filter((c) => c.query.includes('query ExperimentCandidates')).length
    await wrapper.find('[data-testid="new-candidate"]').trigger('click')
    await settle()
    await wrapper.find('[data-testid="create-candidate-form"]').trigger('submit')
    await settle()
    expect(fake.calls.find((c) => c.query.includes('mutation CreateCandidate'))!.variables.input).toMatchObject({ experimentId: 'E1' })
    expect(wrapper.find('[data-testid="create-candidate-form"]').exists()).toBe(false)
    expect(fake.calls.filter((c) => c.query.includes('query ExperimentCandidates')).length).toBe(before + 1)
  })
})

describe('Charts tab parallel coordinates', () => {
  it('draws the default params and metrics as axes, one line per loaded candidate', async () => {
    const { wrapper } = await mountAt('/default/-/ml/experiments/1?tab=charts')
    const checked = wrapper.findAll('[data-testid="parallel-axis"]').filter((b) => (b.element as HTMLInputElement).checked)
    expect(checked.map((b) => b.attributes('value'))).toEqual(['param:opt', 'metric:acc', 'metric:loss'])
    expect(wrapper.find('[data-testid="parallel-coordinates"] canvas').attributes('aria-label')).toBe('Parallel coordinates of 12 candidates over opt, acc, loss')
    expect(wrapper.find('[data-testid="parallel-count"]').text()).toBe('12 of 12 candidates')
  })

  it('keeps the chosen axes in the URL, and asks for two or more', async () => {
    const { wrapper, router } = await mountAt('/default/-/ml/experiments/1?tab=charts&pc=metric:acc')
    expect(wrapper.find('[data-testid="parallel-coordinates"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Choose two or more axes')
    await wrapper.find('[data-testid="parallel-axis"][value="param:opt"]').setValue(true)
    await settle()
    expect(router.currentRoute.value.query.pc).toEqual(['metric:acc', 'param:opt'])
    expect(wrapper.find('[data-testid="parallel-coordinates"] canvas').attributes('aria-label')).toContain('over acc, opt')
  })
})
