import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import CandidateDescription from './CandidateDescription.vue'

describe('CandidateDescription', () => {
  it('previews the draft as sanitized Markdown before saving it', async () => {
    const wrapper = mount(CandidateDescription, { props: { description: 'old', error: null } })
    await wrapper.find('[aria-label="Edit description"]').trigger('click')
    await wrapper.find('textarea').setValue('**new** <img src=x onerror="alert(1)">')
    await wrapper.find('[data-testid="description-preview"]').trigger('click')
    const draft = wrapper.find('[data-testid="description-draft"]').html()
    expect(draft).toContain('<strong>new</strong>')
    expect(draft).not.toContain('onerror')
    expect(wrapper.emitted('save')).toBeUndefined()
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('save')).toEqual([['**new** <img src=x onerror="alert(1)">']])
  })

  it('cancels without saving, and says when there is no description', async () => {
    const wrapper = mount(CandidateDescription, { props: { description: '', error: 'Refused' } })
    expect(wrapper.text()).toContain('No description.')
    expect(wrapper.find('[role="alert"]').text()).toBe('Refused')
    await wrapper.find('[aria-label="Edit description"]').trigger('click')
    await wrapper.find('textarea').setValue('draft')
    await wrapper.findAll('button').find((b) => b.text() === 'Cancel')!.trigger('click')
    expect(wrapper.emitted('save')).toBeUndefined()
    expect(wrapper.find('textarea').exists()).toBe(false)
  })
})
