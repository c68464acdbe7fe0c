import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ExperimentTabs from './ExperimentTabs.vue'

function tabs(modelValue: string) {
  return mount(ExperimentTabs, {
    props: { modelValue, candidateCount: 1234, metadataCount: 2, 'onUpdate:modelValue': () => undefined },
    attachTo: document.body,
  })
}

describe('ExperimentTabs', () => {
  it('labels the tabs with their counts and marks the current one', () => {
    const wrapper = tabs('metadata')
    expect(wrapper.findAll('[role=tab]').map((t) => t.text())).toEqual(['Candidates (1,234)', 'Charts', 'Metadata (2)'])
    expect(wrapper.find('[data-testid="tab-metadata"]').attributes('aria-selected')).toBe('true')
    expect(wrapper.find('[data-testid="tab-metadata"]').attributes('tabindex')).toBe('0')
    expect(wrapper.find('[data-testid="tab-candidates"]').attributes('tabindex')).toBe('-1')
    wrapper.unmount()
  })

  it('moves with the arrow keys (wrapping), Home and End', async () => {
    const wrapper = tabs('')
    const candidates = wrapper.find('[data-testid="tab-candidates"]')
    await candidates.trigger('keydown', { key: 'ArrowLeft' })
    await candidates.trigger('keydown', { key: 'End' })
    await candidates.trigger('keydown', { key: 'ArrowRight' })
    await candidates.trigger('keydown', { key: 'Home' })
    expect(wrapper.emitted('update:modelValue')).toEqual([['metadata'], ['metadata'], ['charts'], ['']])
    expect(document.activeElement).toBe(wrapper.find('[data-testid="tab-candidates"]').element)
    wrapper.unmount()
  })
})
