import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import { flushPromises } from '@vue/test-utils'
import { candidateRow, fakeGraphQL } from '@/test/fixtures'
import { useExperimentKeys } from './useExperimentKeys'

const rows = ref([
  candidateRow(1, { params: [{ name: 'lr', value: '0.1' }], metrics: [{ name: 'loss', value: 1, min: 1, max: 1 }] }),
  candidateRow(2, { params: [{ name: 'batch', value: '8' }, { name: 'lr', value: '0.2' }], metrics: [] }),
])

function keysWith(answer: () => unknown) {
  vi.stubGlobal('fetch', fakeGraphQL({ ExperimentKeys: answer }).fetch)
  return effectScope().run(() => useExperimentKeys(() => ({ fullPath: 'default', iid: 1 }), rows))!
}

afterEach(() => vi.unstubAllGlobals())

describe('useExperimentKeys', () => {
  it("uses the loaded rows' keys, sorted, until the server's come", async () => {
    const keys = keysWith(() => ({ data: null, errors: [{ message: 'slow' }] }))
    expect(keys.paramKeys.value).toEqual(['batch', 'lr'])
    expect(keys.metricKeys.value).toEqual(['loss'])
    await flushPromises()
    expect(keys.paramKeys.value).toEqual(['batch', 'lr'])
  })

  it("then the server's keys, over all candidates", async () => {
    const experiment = { id: 'E1', paramKeys: ['batch', 'lr', 'seed'], metricKeys: ['acc', 'loss'] }
    const keys = keysWith(() => ({ data: { project: { id: 'p', experiment } } }))
    await flushPromises()
    expect(keys.paramKeys.value).toEqual(['batch', 'lr', 'seed'])
    expect(keys.metricKeys.value).toEqual(['acc', 'loss'])
  })
})

describe('useExperimentKeys while the first page loads', () => {
  it('asks for the keys only once the first page is in, and then only once', async () => {
    const loading = ref(true)
    const fake = fakeGraphQL({ ExperimentKeys: () => ({ data: { project: { id: 'p', experiment: { id: 'E1', paramKeys: ['lr'], metricKeys: [] } } } }) })
    vi.stubGlobal('fetch', fake.fetch)
    const keys = effectScope().run(() => useExperimentKeys(() => ({ fullPath: 'default', iid: 1 }), rows, () => loading.value))!
    await flushPromises()
    expect(fake.calls).toHaveLength(0)
    loading.value = false
    await flushPromises()
    loading.value = true
    await flushPromises()
    expect(fake.calls).toHaveLength(1)
    expect(keys.paramKeys.value).toEqual(['lr'])
  })
})

describe('useExperimentKeys identity', () => {
  it('keeps the same arrays when more rows or the server bring the same keys', async () => {
    const loaded = ref([candidateRow(1, { params: [{ name: 'lr', value: '0.1' }], metrics: [] })])
    const experiment = { id: 'E1', paramKeys: ['lr'], metricKeys: [] }
    vi.stubGlobal('fetch', fakeGraphQL({ ExperimentKeys: () => ({ data: { project: { id: 'p', experiment } } }) }).fetch)
    const loading = ref(true)
    const keys = effectScope().run(() => useExperimentKeys(() => ({ fullPath: 'default', iid: 1 }), loaded, () => loading.value))!
    const first = keys.paramKeys.value
    loaded.value = [...loaded.value, candidateRow(2, { params: [{ name: 'lr', value: '0.2' }], metrics: [] })]
    expect(keys.paramKeys.value).toBe(first)
    loading.value = false
    await flushPromises()
    expect(keys.paramKeys.value).toBe(first)
  })
})
