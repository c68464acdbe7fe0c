import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import CreateCandidateDialog from './CreateCandidateDialog.vue'
import { fakeGraphQL } from '@/test/fixtures'

function mountDialog(answer: unknown) {
  const fake = fakeGraphQL({ CreateCandidate: () => ({ data: { createCandidate: answer } }) })
  vi.stubGlobal('fetch', fake.fetch)
  const wrapper = mount(CreateCandidateDialog, { props: { experimentId: 'E1' }, attachTo: document.body })
  return { wrapper, fake }
}
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('CreateCandidateDialog', () => {
  it('sends name, params, metrics and metadata and reports the new candidate', async () => {
    const { wrapper, fake } = mountDialog({ __typename: 'Candidate', id: 'C9', iid: 9, name: 'manual' })
    await wrapper.find('[data-testid="candidate-name-input"]').setValue('manual')
    await wrapper.find('[data-testid="params-name"]').setValue('lr')
    await wrapper.find('[data-testid="params-value"]').setValue('0.1')
    await wrapper.find('[data-testid="metrics-name"]').setValue('acc')
    await wrapper.find('[data-testid="metrics-value"]').setValue('0.93')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(fake.calls[0]!.variables.input).toEqual({
      experimentId: 'E1', name: 'manual', params: [{ name: 'lr', value: '0.1' }], metrics: [{ name: 'acc', value: 0.93, step: 0 }], metadata: [],
    })
    expect(wrapper.emitted('created')).toEqual([[9]])
  })

  it('shows client-side errors inline without calling the server', async () => {
    const { wrapper, fake } = mountDialog(null)
    await wrapper.find('[data-testid="metrics-name"]').setValue('acc')
    await wrapper.find('[data-testid="metrics-value"]').setValue('abc')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(fake.calls).toHaveLength(0)
    expect(wrapper.find('[data-testid="error-metrics"]').text()).toContain('not a number')
  })

  it('puts a typed server error next to its section, others at the bottom', async () => {
    const { wrapper } = mountDialog({ __typename: 'ValidationError', message: 'Param key too long', field: 'params' })
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="error-params"]').text()).toBe('Param key too long')
    const other = mountDialog({ __typename: 'PermissionDeniedError', message: 'Developers only' })
    await other.wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(other.wrapper.find('[data-testid="create-candidate-error"]').text()).toBe('Developers only')
  })

  it('adds and removes rows', async () => {
    const { wrapper } = mountDialog(null)
    await wrapper.find('[data-testid="rows-params"] .add').trigger('click')
    expect(wrapper.findAll('[data-testid="params-name"]')).toHaveLength(2)
    await wrapper.find('[data-testid="rows-params"] .row button').trigger('click')
    expect(wrapper.findAll('[data-testid="params-name"]')).toHaveLength(1)
  })
})
