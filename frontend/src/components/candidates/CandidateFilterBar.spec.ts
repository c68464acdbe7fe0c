import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import CandidateFilterBar from './CandidateFilterBar.vue'

describe('CandidateFilterBar', () => {
  it('emits the trimmed filter on submit', async () => {
    const wrapper = mount(CandidateFilterBar, { props: { filter: '', status: '', error: null } })
    await wrapper.find('[data-testid="candidate-filter"]').setValue("  metrics.acc > 0.9 and params.lr = '0.1' ")
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('update:filter')).toEqual([["metrics.acc > 0.9 and params.lr = '0.1'"]])
  })

  it('shows the server error inline and marks the field invalid', () => {
    const wrapper = mount(CandidateFilterBar, {
      props: { filter: 'metrics.acc >', status: '', error: "Syntax error near '>'" },
    })
    expect(wrapper.find('[data-testid="filter-error"]').text()).toBe("Syntax error near '>'")
    expect(wrapper.find('[data-testid="candidate-filter"]').attributes('aria-invalid')).toBe('true')
  })

  it('shows no error when there is none', () => {
    const wrapper = mount(CandidateFilterBar, { props: { filter: '', status: '', error: null } })
    expect(wrapper.find('[data-testid="filter-error"]').exists()).toBe(false)
  })

  it('emits the status quick filter', async () => {
    const wrapper = mount(CandidateFilterBar, { props: { filter: '', status: '', error: null } })
    await wrapper.find('[data-testid="status-filter"]').setValue('FAILED')
    expect(wrapper.emitted('update:status')).toEqual([['FAILED']])
  })

  it('clears the filter', async () => {
    const wrapper = mount(CandidateFilterBar, { props: { filter: 'params.a = 1', status: '', error: null } })
    await wrapper.find('[data-testid="clear-filter"]').trigger('click')
    expect(wrapper.emitted('update:filter')).toEqual([['']])
  })

  it('follows a filter changed from outside (back button)', async () => {
    const wrapper = mount(CandidateFilterBar, { props: { filter: 'a', status: '', error: null } })
    await wrapper.setProps({ filter: 'params.b = 2' })
    expect((wrapper.find('[data-testid="candidate-filter"]').element as HTMLInputElement).value).toBe('params.b = 2')
  })
})

describe('CandidateFilterBar "My candidates"', () => {
  it('is hidden for anonymous visitors', () => {
    const wrapper = mount(CandidateFilterBar, { props: { filter: '', status: '', error: null } })
    expect(wrapper.find('[data-testid="mine-filter"]').exists()).toBe(false)
  })

  it('toggles, showing its state, without touching the filter text', async () => {
    const wrapper = mount(CandidateFilterBar, { props: { filter: 'params.a = 1', status: '', error: null, canFilterMine: true, mine: false } })
    const button = wrapper.find('[data-testid="mine-filter"]')
    expect(button.attributes('aria-pressed')).toBe('false')
    await button.trigger('click')
    expect(wrapper.emitted('update:mine')).toEqual([[true]])
    await wrapper.setProps({ mine: true })
    expect(button.attributes('aria-pressed')).toBe('true')
    expect((wrapper.find('[data-testid="candidate-filter"]').element as HTMLInputElement).value).toBe('params.a = 1')
    expect(wrapper.emitted('update:filter')).toBeUndefined()
  })
})
