import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import MetadataEditor from './MetadataEditor.vue'
import { fakeGraphQL } from '@/test/fixtures'

afterEach(() => vi.unstubAllGlobals())

function mountEditor(answer: { __typename: string; message?: string } = { __typename: 'Candidate' }) {
  const fake = fakeGraphQL({
    SetMetadata: () => ({ data: { setMetadata: answer } }),
    DeleteMetadata: () => ({ data: { deleteMetadata: answer } }),
  })
  vi.stubGlobal('fetch', fake.fetch)
  const wrapper = mount(MetadataEditor, { props: { ownerId: 'C1', metadata: [{ name: 'team', value: 'vision' }] } })
  return { wrapper, fake }
}

describe('MetadataEditor', () => {
  it('sets an entry and tells the page to reload', async () => {
    const { wrapper, fake } = mountEditor()
    await wrapper.find('[data-testid="metadata-name"]').setValue(' owner ')
    await wrapper.find('[data-testid="metadata-value"]').setValue('ada')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(fake.calls[0]!.variables).toEqual({ input: { id: 'C1', name: 'owner', value: 'ada' } })
    expect(wrapper.emitted('changed')).toHaveLength(1)
    expect((wrapper.find('[data-testid="metadata-name"]').element as HTMLInputElement).value).toBe('')
  })

  it('deletes an entry', async () => {
    const { wrapper, fake } = mountEditor()
    await wrapper.find('[data-testid="delete-metadata"]').trigger('click')
    await flushPromises()
    expect(fake.calls[0]!.query).toContain('mutation DeleteMetadata')
    expect(fake.calls[0]!.variables).toEqual({ input: { id: 'C1', name: 'team' } })
  })

  it('shows a refusal and keeps the form', async () => {
    const { wrapper } = mountEditor({ __typename: 'ValidationError', message: 'Name too long' })
    await wrapper.find('[data-testid="metadata-name"]').setValue('x')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').text()).toBe('Name too long')
    expect(wrapper.emitted('changed')).toBeUndefined()
    expect((wrapper.find('[data-testid="metadata-name"]').element as HTMLInputElement).value).toBe('x')
  })
})
