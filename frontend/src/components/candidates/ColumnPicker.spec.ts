import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ColumnPicker from './ColumnPicker.vue'
import { buildColumns } from './columns'

const columns = buildColumns(['lr', 'batch size'], ['val/acc'])
const view = { order: [], hidden: [], pinned: [] }
const ids = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('[data-testid="column-item"]').map((i) => i.attributes('data-column'))
const lastView = (wrapper: ReturnType<typeof mount>) => wrapper.emitted<[typeof view]>('update:view')!.at(-1)![0]

describe('ColumnPicker', () => {
  it('lists every column in the view order and narrows the list by search', async () => {
    const wrapper = mount(ColumnPicker, { props: { columns, view: { ...view, pinned: ['metrics.val/acc'] } } })
    expect(ids(wrapper)).toEqual(['metrics.val/acc', 'name', 'status', 'created', 'duration', 'creator', 'params.lr', 'params.batch size'])
    await wrapper.find('[data-testid="column-search"]').setValue('BATCH')
    expect(ids(wrapper)).toEqual(['params.batch size'])
    await wrapper.find('[data-testid="column-search"]').setValue('nothing')
    expect(wrapper.text()).toContain('No column matches.')
  })

  it('keeps the name shown, and hides, moves and pins the others', async () => {
    const wrapper = mount(ColumnPicker, { props: { columns, view } })
    const item = (id: string) => wrapper.find(`[data-column="${id}"]`)
    expect(item('name').find('input').attributes('disabled')).toBeDefined()
    expect(item('name').find('[data-testid="column-up"]').attributes('disabled')).toBeDefined()
    await item('params.lr').find('input').setValue(false)
    expect(lastView(wrapper).hidden).toEqual(['params.lr'])
    await item('params.lr').find('[data-testid="column-down"]').trigger('click')
    expect(lastView(wrapper).order.slice(-3)).toEqual(['params.batch size', 'params.lr', 'metrics.val/acc'])
    await item('status').find('[data-testid="column-pin"]').trigger('click')
    expect(lastView(wrapper).pinned).toEqual(['status'])
    await wrapper.findAll('.actions button')[1]!.trigger('click')
    expect(lastView(wrapper).hidden).not.toContain('name')
    expect(lastView(wrapper).hidden).toHaveLength(columns.length - 1)
  })

  it('drops a dragged column onto another', async () => {
    const wrapper = mount(ColumnPicker, { props: { columns, view } })
    await wrapper.find('[data-column="metrics.val/acc"]').trigger('dragstart')
    await wrapper.find('[data-column="name"]').trigger('drop')
    expect(lastView(wrapper).order.slice(0, 2)).toEqual(['metrics.val/acc', 'name'])
  })

  it('closes on Escape', async () => {
    const wrapper = mount(ColumnPicker, { props: { columns, view }, attachTo: document.body })
    const details = wrapper.find('details').element as HTMLDetailsElement
    details.open = true
    await wrapper.find('[data-testid="column-search"]').trigger('keydown', { key: 'Escape' })
    expect(details.open).toBe(false)
    wrapper.unmount()
  })
})
