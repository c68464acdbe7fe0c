import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import CompareView from './CompareView.vue'
import { candidate, fakeGraphQL, metric } from '@/test/fixtures'
import { testRouter } from '@/test/router'

const byIid = {
  1: candidate(1, { params: [{ name: 'lr', value: '0.1' }, { name: 'opt', value: 'adam' }], metrics: [metric('loss', 0.5), metric('acc', 0.8)] }),
  2: candidate(2, { params: [{ name: 'lr', value: '0.01' }, { name: 'opt', value: 'adam' }], metrics: [metric('loss', 0.2), metric('acc', 0.8)] }),
  3: candidate(3, { params: [{ name: 'lr', value: '0.1' }, { name: 'opt', value: 'adam' }], metrics: [metric('loss', 0.75)] }),
}

function server() {
  return fakeGraphQL({
    Candidate: (v) => ({ data: { project: { id: 'p', fullPath: 'default', candidate: byIid[v.iid as 1 | 2 | 3] ?? null } } }),
    // Answers in scrambled order: the chart must match series to candidates by id.
    CompareMetrics: (v) => ({
      data: {
        compareMetrics: [...(v.candidateIds as string[])].reverse().flatMap((id) =>
          (v.names as string[]).map((name) => ({ candidateId: id, name, steps: [Number(id.split('/').at(-1)), 10], values: [1, null] })),
        ),
      },
    }),
  })
}

async function mountAt(path: string) {
  const fake = server()
  vi.stubGlobal('fetch', fake.fetch)
  const router = await testRouter(path)
  const wrapper = mount(CompareView, {
    global: { plugins: [router], stubs: { MetricChart: { name: 'MetricChart', props: ['title', 'data', 'labels'], template: '<div class="chart-stub" />' } } },
  })
  await flushPromises()
  return { wrapper, router, fake }
}

const rowTexts = (wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper'], testid: string) =>
  wrapper.findAll(`[data-testid="${testid}"]`).map((row) => row.find('th').text())

afterEach(() => vi.unstubAllGlobals())

describe('CompareView', () => {
  it('shows every param and metric side by side, in the order asked', async () => {
    const { wrapper } = await mountAt('/default/-/ml/experiments/1/candidates/compare?ids=2,1,3')
    const headers = wrapper.findAll('thead th').map((th) => th.text())
    expect(headers).toEqual(['', 'run-2 (baseline)', 'run-1', 'run-3'])
    expect(rowTexts(wrapper, 'compare-param-row')).toEqual(['lr', 'opt'])
    expect(rowTexts(wrapper, 'compare-metric-row')).toEqual(['acc', 'loss'])
  })

  it('diffs run attributes too', async () => {
    const { wrapper } = await mountAt('/default/-/ml/experiments/1/candidates/compare?ids=1,2')
    expect(rowTexts(wrapper, 'compare-attribute-row')).toEqual(['creator', 'duration', 'started', 'status'])
    await wrapper.find('[data-testid="only-differences"]').setValue(true)
    await flushPromises()
    expect(rowTexts(wrapper, 'compare-attribute-row')).toEqual([])
  })

  it('hides equal rows with only differences, and keeps it in the URL', async () => {
    const { wrapper, router } = await mountAt('/default/-/ml/experiments/1/candidates/compare?ids=1,2')
    await wrapper.find('[data-testid="only-differences"]').setValue(true)
    await flushPromises()
    expect(router.currentRoute.value.query.diff).toBe('1')
    expect(rowTexts(wrapper, 'compare-param-row')).toEqual(['lr'])
    expect(rowTexts(wrapper, 'compare-metric-row')).toEqual(['loss'])
  })

  it('shows deltas against the first candidate', async () => {
    const { wrapper } = await mountAt('/default/-/ml/experiments/1/candidates/compare?ids=1,2,3')
    const loss = wrapper.findAll('[data-testid="compare-metric-row"]').find((r) => r.find('th').text() === 'loss')!
    expect(loss.findAll('[data-testid="delta"]').map((d) => d.text())).toEqual(['-0.3', '+0.25'])
  })

  it('overlays one chart per common metric with one series per candidate', async () => {
    const { wrapper, fake } = await mountAt('/default/-/ml/experiments/1/candidates/compare?ids=1,2,3')
    const charts = wrapper.findAllComponents({ name: 'MetricChart' })
    expect(charts.map((c) => c.props('title'))).toEqual(['loss'])
    expect(charts[0]!.props('labels')).toEqual(['run-1', 'run-2', 'run-3'])
    // Step 10 carries a null value (NaN on the server) for everyone: a gap, not a zero.
    expect(charts[0]!.props('data')).toEqual([[1, 2, 3, 10], [1, null, null, null], [null, 1, null, null], [null, null, 1, null]])
    const calls = fake.calls.filter((c) => c.query.includes('query CompareMetrics'))
    expect(calls.map((c) => c.variables)).toEqual([
      { candidateIds: [byIid[1].id, byIid[2].id, byIid[3].id], names: ['loss'], maxPoints: 1000 },
    ])
  })

  it('asks for a selection when fewer than two ids are given', async () => {
    const { wrapper } = await mountAt('/default/-/ml/experiments/1/candidates/compare?ids=1')
    expect(wrapper.find('[data-testid="empty-state"]').text()).toContain('Pick candidates to compare')
  })

  it('names candidates that do not exist', async () => {
    const { wrapper } = await mountAt('/default/-/ml/experiments/1/candidates/compare?ids=1,2,99')
    expect(wrapper.find('[role="alert"]').text()).toBe('Not found: 99')
  })
})
