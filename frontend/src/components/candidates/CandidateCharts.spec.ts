import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import CandidateCharts from './CandidateCharts.vue'
import MetricHistoryChart from './MetricHistoryChart.vue'
import { fakeGraphQL } from '@/test/fixtures'
import { testRouter } from '@/test/router'

const history = [
  { step: 0, timestamp: '2026-01-01T00:00:00Z', value: 1 },
  { step: 50, timestamp: '2026-01-01T00:00:50Z', value: 0.5 },
]

async function mountCharts(url: string, metrics = ['loss']) {
  const fake = fakeGraphQL({
    MetricHistory: () => ({ data: { project: { id: 'p', candidate: { id: 'c', metricHistory: history } } } }),
  })
  vi.stubGlobal('fetch', fake.fetch)
  const router = await testRouter(url)
  const wrapper = mount(CandidateCharts, {
    props: { projectPath: 'default', candidateIid: 5, metrics, label: 'run-5', refresh: 0 },
    global: { plugins: [router], stubs: { PlotCanvas: true } },
  })
  await flushPromises()
  return { wrapper, fake, router }
}

afterEach(() => vi.unstubAllGlobals())

describe('CandidateCharts', () => {
  it('asks for the whole history when not zoomed', async () => {
    const { wrapper, fake } = await mountCharts('/default/-/ml/candidates/5')
    expect(fake.calls.at(-1)!.variables).toMatchObject({ name: 'loss', maxPoints: 1000, minStep: null, maxStep: null })
    expect(wrapper.find('[data-testid="metric-chart"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="history-zoom"]').exists()).toBe(false)
  })

  it('fetches the zoomed step range named in the URL, and resets it', async () => {
    const { wrapper, fake, router } = await mountCharts('/default/-/ml/candidates/5?steps=10-40&axis=time')
    expect(fake.calls.at(-1)!.variables).toMatchObject({ minStep: 10, maxStep: 40 })
    expect(wrapper.find('[data-testid="history-zoom"]').text()).toContain('Steps 10–40')
    expect((wrapper.find('[data-testid="history-axis"]').element as HTMLSelectElement).value).toBe('time')
    await wrapper.find('[data-testid="history-reset-zoom"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ axis: 'time' })
    expect(fake.calls.at(-1)!.variables).toMatchObject({ minStep: null, maxStep: null })
  })

  it('zooms to steps typed in the form, and refuses a reversed range', async () => {
    const { wrapper, router } = await mountCharts('/default/-/ml/candidates/5')
    await wrapper.find('[data-testid="zoom-from"]').setValue('30')
    await wrapper.find('[data-testid="zoom-to"]').setValue('3')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.find('[role="alert"]').exists()).toBe(true)
    await wrapper.find('[data-testid="zoom-to"]').setValue('300')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ steps: '30-300' })
  })

  it('filters the charts by metric name, in the URL', async () => {
    const { wrapper, router } = await mountCharts('/default/-/ml/candidates/5', ['train/loss', 'val/loss', 'val/acc'])
    expect(wrapper.findAllComponents(MetricHistoryChart)).toHaveLength(3)
    await wrapper.find('[data-testid="chart-filter"]').setValue('VAL/')
    await flushPromises()
    expect(wrapper.findAllComponents(MetricHistoryChart).map((c) => c.props('metric'))).toEqual(['val/loss', 'val/acc'])
    expect(router.currentRoute.value.query).toEqual({ metric: 'VAL/' })
    await wrapper.find('[data-testid="chart-filter"]').setValue('nothing')
    await flushPromises()
    expect(wrapper.text()).toContain('No metric matches “nothing”.')
  })

  it('writes a chart zoom and the smoothing into the URL', async () => {
    const { wrapper, fake, router } = await mountCharts('/default/-/ml/candidates/5')
    wrapper.findComponent(MetricHistoryChart).vm.$emit('zoom', { min: 5, max: 25 })
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ steps: '5-25' })
    expect(fake.calls.at(-1)!.variables).toMatchObject({ minStep: 5, maxStep: 25 })
    await wrapper.find('[data-testid="history-smoothing"]').setValue('0.6')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ steps: '5-25', smoothing: '0.6' })
  })
})
