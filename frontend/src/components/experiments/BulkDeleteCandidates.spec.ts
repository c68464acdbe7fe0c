import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import BulkDeleteCandidates from './BulkDeleteCandidates.vue'
import { fakeGraphQL } from '@/test/fixtures'

const candidates = [
  { id: 'C1', iid: 1, name: 'one' },
  { id: 'C2', iid: 2, name: 'two' },
  { id: 'C3', iid: 3, name: 'three' },
]

function mountBulk(selected: number[], refuse: string[] = []) {
  const fake = fakeGraphQL({
    DeleteCandidate: (variables) => {
      const id = (variables.input as { id: string }).id
      const payload = refuse.includes(id) ? { __typename: 'UserError', message: 'not allowed' } : { __typename: 'Candidate', id }
      return { data: { deleteCandidate: payload } }
    },
  })
  vi.stubGlobal('fetch', fake.fetch)
  const wrapper = mount(BulkDeleteCandidates, { props: { selected, candidates }, attachTo: document.body })
  return { wrapper, fake }
}
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('BulkDeleteCandidates', () => {
  it('shows no button when nothing is selected', () => {
    const { wrapper } = mountBulk([])
    expect(wrapper.find('[data-testid="delete-selected"]').exists()).toBe(false)
  })

  it('asks first, naming how many, and sends nothing on cancel', async () => {
    const { wrapper, fake } = mountBulk([1, 3])
    expect(wrapper.find('[data-testid="delete-selected"]').text()).toBe('Delete selected (2)')
    await wrapper.find('[data-testid="delete-selected"]').trigger('click')
    expect(document.body.textContent).toContain('Delete 2 candidates?')
    const cancel = [...document.body.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Cancel')!
    cancel.click()
    await flushPromises()
    expect(fake.calls).toHaveLength(0)
    expect(wrapper.emitted('deleted')).toBeUndefined()
  })

  it('deletes each selected candidate on confirm and reports done', async () => {
    const { wrapper, fake } = mountBulk([1, 3])
    await wrapper.find('[data-testid="delete-selected"]').trigger('click')
    document.body.querySelector<HTMLButtonElement>('[data-testid="confirm-button"]')!.click()
    await flushPromises()
    expect(fake.calls.map((c) => (c.variables.input as { id: string }).id)).toEqual(['C1', 'C3'])
    expect(wrapper.emitted('deleted')).toEqual([[]])
    expect(wrapper.find('[data-testid="bulk-delete-error"]').exists()).toBe(false)
    expect(document.body.querySelector('[data-testid="confirm-button"]')).toBeNull()
  })

  it('says how many could not be deleted and why', async () => {
    const { wrapper } = mountBulk([1, 2, 3], ['C2'])
    await wrapper.find('[data-testid="delete-selected"]').trigger('click')
    document.body.querySelector<HTMLButtonElement>('[data-testid="confirm-button"]')!.click()
    await flushPromises()
    expect(wrapper.find('[data-testid="bulk-delete-error"]').text()).toBe('1 of 3 could not be deleted: two (not allowed)')
    expect(wrapper.emitted('deleted')).toEqual([[]])
  })
})
