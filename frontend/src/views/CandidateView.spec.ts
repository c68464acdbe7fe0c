import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import CandidateView from './CandidateView.vue'
import { candidate, fakeGraphQL, metric } from '@/test/fixtures'
import { testRouter } from '@/test/router'

const stored = candidate(5, {
  description: '**Tuned** lr <img src=x onerror="alert(1)">',
  params: [{ name: 'lr', value: '0.1' }, { name: 'optimizer', value: 'adam' }, { name: 'seed', value: '42' }],
  metrics: [metric('loss', 0.25)],
  parent: { id: 'C1', iid: 1, name: 'sweep' },
})

function server(updateAnswer: (input: Record<string, unknown>) => unknown, current = stored) {
  return fakeGraphQL({
    Candidate: () => ({ data: { project: { id: 'p', fullPath: 'default', candidate: current } } }),
    PurgeCandidate: () => ({ data: { purgeCandidate: { __typename: 'Purged', id: current.id } } }),
    CandidateLineage: () => ({
      data: {
        project: {
          id: 'p',
          candidate: {
            id: current.id,
            datasets: [
              {
                name: 'digits', digest: 'd1g', sourceType: 'http', source: '{"url": "https://x/digits.csv"}',
                schema: null, profile: null, tags: [{ name: 'mlflow.data.context', value: 'training' }],
              },
            ],
            modelInputs: [],
            modelOutputs: [{ modelId: 'm-123', step: 3 }],
          },
        },
      },
    }),
    MetricHistory: () => ({ data: { project: { id: 'p', candidate: { id: 'c', metricHistory: [] } } } }),
    CandidateArtifacts: (v) => ({
      data: {
        project: {
          id: 'p',
          candidate: {
            id: stored.id,
            artifactPackage: { name: 'ml_experiment_1', version: '5', fileCount: 2, size: 3072, apiPath: '/api/x' },
            artifacts:
              v.path === 'model'
                ? [{ path: 'model/weights.bin', name: 'weights.bin', isDir: false, size: 2048, downloadPath: '/dl/model/weights.bin' }]
                : [
                    { path: 'notes.txt', name: 'notes.txt', isDir: false, size: 1024, downloadPath: '/dl/notes.txt' },
                    { path: 'model', name: 'model', isDir: true, size: null, downloadPath: null },
                  ],
          },
        },
      },
    }),
    UpdateCandidate: (v) => ({ data: { updateCandidate: updateAnswer(v.input as Record<string, unknown>) } }),
    DeleteCandidate: () => ({ data: { deleteCandidate: { __typename: 'Candidate', ...stored, deletedAt: '2026-01-02T00:00:00Z' } } }),
  })
}

async function mountView(
  updateAnswer: (input: Record<string, unknown>) => unknown = () => ({ __typename: 'Candidate', ...stored }),
  current = stored,
) {
  const fake = server(updateAnswer, current)
  vi.stubGlobal('fetch', fake.fetch)
  const router = await testRouter('/default/-/ml/candidates/5')
  const wrapper = mount(CandidateView, { global: { plugins: [router], stubs: { MetricChart: true } } })
  await flushPromises()
  return { wrapper, fake }
}

afterEach(() => vi.unstubAllGlobals())

describe('CandidateView', () => {
  it('shows the candidate with its run id, parent and params', async () => {
    const { wrapper } = await mountView()
    expect(wrapper.find('[data-testid="candidate-name"]').text()).toBe('run-5')
    expect(wrapper.find('[data-testid="run-id"]').text()).toBe(stored.links.mlflowRunId)
    expect(wrapper.find('a[href="/default/-/ml/candidates/1"]').text()).toBe('sweep')
    expect(wrapper.findAll('[data-testid="param-row"]')).toHaveLength(3)
  })

  it('shows source and CI info, datasets and logged models', async () => {
    const tagged = {
      ...stored,
      metadata: [
        { name: 'gitlab.CI_JOB_ID', value: '42' },
        { name: 'gitlab.CI_PROJECT_URL', value: 'https://gitlab.example.com/ml/x' },
      ],
    }
    const { wrapper } = await mountView(undefined, tagged)
    expect(wrapper.find('a[href="https://gitlab.example.com/ml/x/-/jobs/42"]').text()).toBe('42')
    expect(wrapper.find('[data-testid="dataset-row"]').text()).toContain('digitstrainingd1ghttp https://x/digits.csv')
    expect(wrapper.find('[data-testid="logged-models"]').text()).toContain('Logged model m-123 at step 3')
  })

  it('renders the description as sanitized Markdown', async () => {
    const { wrapper } = await mountView()
    const html = wrapper.find('[data-testid="description"]').html()
    expect(html).toContain('<strong>Tuned</strong>')
    expect(html).not.toContain('onerror')
  })

  it('filters params by the search box', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-testid="param-search"]').setValue('OPT')
    await flushPromises()
    expect(wrapper.findAll('[data-testid="param-row"]').map((r) => r.text())).toEqual(['optimizeradam'])
    expect(wrapper.vm.$router.currentRoute.value.query).toEqual({ params: 'OPT' })
  })

  it('renames through updateCandidate and shows a refusal inline', async () => {
    const { wrapper, fake } = await mountView(() => ({ __typename: 'ValidationError', message: 'Name is too long', field: 'name' }))
    await wrapper.findAll('[data-testid="edit-button"]')[0]!.trigger('click')
    await wrapper.find('input[aria-label="candidate name"]').setValue('better-name')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const update = fake.calls.find((c) => c.query.includes('mutation UpdateCandidate'))!
    expect(update.variables).toEqual({ input: { id: stored.id, name: 'better-name' } })
    expect(wrapper.find('.candidate-header [role="alert"]').text()).toBe('Name is too long')
  })

  it('changes the status through updateCandidate', async () => {
    const { wrapper, fake } = await mountView()
    await wrapper.find('[data-testid="status-select"]').setValue('KILLED')
    await flushPromises()
    const update = fake.calls.find((c) => c.query.includes('mutation UpdateCandidate'))!
    expect(update.variables).toEqual({ input: { id: stored.id, status: 'KILLED' } })
  })

  it('asks before deleting', async () => {
    const { wrapper, fake } = await mountView()
    await wrapper.find('[data-testid="delete-candidate"]').trigger('click')
    expect(fake.calls.some((c) => c.query.includes('mutation DeleteCandidate'))).toBe(false)
    await wrapper.find('[data-testid="confirm-button"]').trigger('click')
    await flushPromises()
    const call = fake.calls.find((c) => c.query.includes('mutation DeleteCandidate'))!
    expect(call.variables).toEqual({ input: { id: stored.id } })
  })
})

describe('CandidateView artifacts', () => {
  it('lists folders first as a tree that opens in place', async () => {
    const { wrapper, fake } = await mountView()
    const rows = () => wrapper.findAll('[data-testid="artifact-row"]').map((r) => r.text())
    expect(rows()).toEqual(['▸ model/', 'notes.txt1.0 KiBDownload'])
    expect(wrapper.find('a[href="/dl/notes.txt"]').attributes('download')).toBeDefined()
    const folder = wrapper.find('[aria-expanded]')
    expect(folder.attributes('aria-expanded')).toBe('false')
    await folder.trigger('click')
    await flushPromises()
    expect(fake.calls.at(-1)!.variables).toMatchObject({ iid: 5, path: 'model' })
    expect(folder.attributes('aria-expanded')).toBe('true')
    expect(rows()).toEqual(['▾ model/', 'weights.bin2.0 KiBDownload', 'notes.txt1.0 KiBDownload'])
    await wrapper.findAll('[data-testid="artifact-file"]')[0]!.trigger('click')
    await flushPromises()
    const router = wrapper.vm.$router
    expect(router.currentRoute.value.query).toEqual({ open: ['model'], artifact: 'model/weights.bin' })
    await folder.trigger('click') // closing the previewed file's folder closes the preview
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({})
    expect(rows()).toEqual(['▸ model/', 'notes.txt1.0 KiBDownload'])
  })

  it('opens the folders named in the URL', async () => {
    vi.stubGlobal('fetch', server(() => ({ __typename: 'Candidate', ...stored })).fetch)
    const router = await testRouter('/default/-/ml/candidates/5?open=model')
    const wrapper = mount(CandidateView, { global: { plugins: [router], stubs: { MetricChart: true } } })
    await flushPromises()
    expect(wrapper.findAll('[data-testid="artifact-file"]').map((f) => f.text())).toEqual(['weights.bin', 'notes.txt'])
  })

  it('opens the folders of a file named in the URL', async () => {
    vi.stubGlobal('fetch', server(() => ({ __typename: 'Candidate', ...stored })).fetch)
    const router = await testRouter('/default/-/ml/candidates/5?artifact=model/weights.bin')
    const wrapper = mount(CandidateView, { global: { plugins: [router], stubs: { MetricChart: true } } })
    await flushPromises()
    expect(wrapper.find('[aria-expanded]').attributes('aria-expanded')).toBe('true')
    expect(wrapper.find('[aria-current="true"]').text()).toBe('weights.bin')
    expect(wrapper.find('[data-testid="artifact-preview"]').text()).toContain('No preview for this kind of file')
  })

  it('previews the file named in the URL and closes it', async () => {
    const fake = server(() => ({ __typename: 'Candidate', ...stored }))
    const files = (url: string, init: RequestInit) =>
      url === '/dl/notes.txt' ? Promise.resolve(new Response('hello notes')) : fake.fetch(url, init)
    vi.stubGlobal('fetch', files)
    const router = await testRouter('/default/-/ml/candidates/5?artifact=notes.txt')
    const wrapper = mount(CandidateView, { global: { plugins: [router], stubs: { MetricChart: true } } })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="preview-text"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="preview-text"]').text()).toBe('hello notes')
    expect(wrapper.find('[aria-current="true"]').text()).toBe('notes.txt')
    await wrapper.find('[data-testid="preview-close"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({})
    expect(wrapper.find('[data-testid="artifact-preview"]').exists()).toBe(false)
  })
})

describe('CandidateView deleted candidate', () => {
  it('offers restore and permanent deletion, which goes back to the experiment', async () => {
    const deleted = { ...stored, deletedAt: '2026-01-02T00:00:00Z' }
    const { wrapper, fake } = await mountView(undefined, deleted)
    expect(wrapper.find('[data-testid="restore-candidate"]').exists()).toBe(true)
    await wrapper.find('[data-testid="purge-candidate"]').trigger('click')
    await wrapper.find('[data-testid="confirm-button"]').trigger('click')
    await flushPromises()
    expect(fake.calls.find((c) => c.query.includes('mutation PurgeCandidate'))!.variables).toEqual({ input: { id: stored.id } })
    const router = wrapper.vm.$router
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/default/-/ml/experiments/1'), { timeout: 15_000 })
  })
})
