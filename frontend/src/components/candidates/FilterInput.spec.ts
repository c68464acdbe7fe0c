import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import FilterInput from './FilterInput.vue'

function mountInput(value = '') {
  const wrapper = mount(FilterInput, {
    props: {
      modelValue: value,
      'onUpdate:modelValue': (v: string) => wrapper.setProps({ modelValue: v }),
      paramKeys: ['lr', 'optimizer'],
      metricKeys: ['acc', 'f1 score'],
    },
    attachTo: document.body,
  })
  return wrapper
}
async function type(wrapper: ReturnType<typeof mountInput>, text: string) {
  const input = wrapper.find('input')
  await input.setValue(text)
  ;(input.element as HTMLInputElement).setSelectionRange(text.length, text.length)
  await input.trigger('input')
  return input
}
const options = (wrapper: ReturnType<typeof mountInput>) => wrapper.findAll('[role="option"]').map((o) => o.text())
afterEach(() => {
  document.body.innerHTML = ''
})

describe('FilterInput', () => {
  it('is a collapsed combobox until something matches', async () => {
    const wrapper = mountInput()
    const input = wrapper.find('input')
    expect(input.attributes('role')).toBe('combobox')
    expect(input.attributes('aria-autocomplete')).toBe('list')
    expect(input.attributes('aria-expanded')).toBe('false')
    await type(wrapper, 'met')
    expect(input.attributes('aria-expanded')).toBe('true')
    expect(wrapper.find('[role="listbox"]').attributes('id')).toBe(input.attributes('aria-controls'))
    expect(options(wrapper)).toEqual(['metrics.acc', 'metrics.`f1 score`'])
  })

  it('moves with the arrow keys and accepts with Enter', async () => {
    const wrapper = mountInput()
    const input = await type(wrapper, 'met')
    await input.trigger('keydown', { key: 'ArrowDown' })
    await input.trigger('keydown', { key: 'ArrowDown' })
    const second = wrapper.findAll('[role="option"]')[1]!
    expect(input.attributes('aria-activedescendant')).toBe(second.attributes('id'))
    expect(second.attributes('aria-selected')).toBe('true')
    await input.trigger('keydown', { key: 'ArrowUp' })
    await input.trigger('keydown', { key: 'Enter' })
    expect(wrapper.props('modelValue')).toBe('metrics.acc')
    expect(input.attributes('aria-expanded')).toBe('false')
  })

  it('accepts the first option with Tab and backquotes odd keys', async () => {
    const wrapper = mountInput()
    const input = await type(wrapper, 'metrics.acc > 1 and metrics.f')
    await input.trigger('keydown', { key: 'Tab' })
    expect(wrapper.props('modelValue')).toBe('metrics.acc > 1 and metrics.`f1 score`')
  })

  it('leaves Enter to the form while nothing is highlighted', async () => {
    const wrapper = mountInput()
    const input = await type(wrapper, 'par')
    const event = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true })
    input.element.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(false)
    expect(wrapper.props('modelValue')).toBe('par')
  })

  it('closes on Escape without changing the text', async () => {
    const wrapper = mountInput()
    const input = await type(wrapper, 'params.')
    expect(options(wrapper)).toEqual(['params.lr', 'params.optimizer'])
    await input.trigger('keydown', { key: 'Escape' })
    expect(input.attributes('aria-expanded')).toBe('false')
    expect(input.attributes('aria-activedescendant')).toBeUndefined()
    expect(wrapper.props('modelValue')).toBe('params.')
  })

  it('accepts an option on click', async () => {
    const wrapper = mountInput()
    await type(wrapper, 'attributes.sta')
    await wrapper.findAll('[role="option"]')[0]!.trigger('mousedown')
    expect(wrapper.props('modelValue')).toBe('attributes.status')
  })
})
