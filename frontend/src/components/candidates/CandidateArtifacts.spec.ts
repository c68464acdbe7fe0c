import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import CandidateArtifacts from './CandidateArtifacts.vue'
import { fakeGraphQL } from '@/test/fixtures'
import { testRouter } from '@/test/router'

const pkg = { name: 'ml_experiment_1', version: '5', fileCount: 1, size: 10, apiPath: '/api/x' }

afterEach(() => vi.unstubAllGlobals())

describe('CandidateArtifacts', () => {
  it('re-reads its folders when the running candidate logs, showing new files', async () => {
    let files = [{ path: 'a.txt', name: 'a.txt', isDir: false, size: 10, downloadPath: '/dl/a.txt' }]
    const fake = fakeGraphQL({
      CandidateArtifacts: () => ({ data: { project: { id: 'p', candidate: { id: 'c', artifactPackage: pkg, artifacts: files } } } }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    const router = await testRouter('/default/-/ml/candidates/5')
    const wrapper = mount(CandidateArtifacts, { props: { projectPath: 'default', candidateIid: 5, refresh: 0 }, global: { plugins: [router] } })
    await flushPromises()
    expect(wrapper.findAll('[data-testid="artifact-file"]').map((f) => f.text())).toEqual(['a.txt'])
    files = [...files, { path: 'b.txt', name: 'b.txt', isDir: false, size: 5, downloadPath: '/dl/b.txt' }]
    await wrapper.setProps({ refresh: 1 })
    await flushPromises()
    expect(wrapper.findAll('[data-testid="artifact-file"]').map((f) => f.text())).toEqual(['a.txt', 'b.txt'])
  })

  it('says when nothing was logged', async () => {
    const fake = fakeGraphQL({
      CandidateArtifacts: () => ({ data: { project: { id: 'p', candidate: { id: 'c', artifactPackage: null, artifacts: [] } } } }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    const router = await testRouter('/default/-/ml/candidates/5')
    const wrapper = mount(CandidateArtifacts, { props: { projectPath: 'default', candidateIid: 5 }, global: { plugins: [router] } })
    await flushPromises()
    expect(wrapper.text()).toContain('No logged artifacts.')
  })

  it('shows a failed listing as an error', async () => {
    const fake = fakeGraphQL({})
    vi.stubGlobal('fetch', fake.fetch)
    const router = await testRouter('/default/-/ml/candidates/5')
    const wrapper = mount(CandidateArtifacts, { props: { projectPath: 'default', candidateIid: 5 }, global: { plugins: [router] } })
    await flushPromises()
    expect(wrapper.find('[role="alert"]').text()).toContain('no handler for CandidateArtifacts')
  })
})
