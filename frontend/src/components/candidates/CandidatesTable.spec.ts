import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import CandidatesTable from './CandidatesTable.vue'
import { candidateRow } from '@/test/fixtures'

const candidates = [
  candidateRow(1, { params: [{ name: 'lr', value: '0.1' }], metrics: [{ name: 'val/acc', value: 0.912346 }] }),
  candidateRow(2, { status: 'RUNNING', params: [{ name: 'lr', value: '0.01' }, { name: 'batch size', value: '32' }] }),
]

// jsdom lays nothing out: give the scroll box a size so the virtualizer renders rows.
const sizes = ['clientHeight', 'clientWidth'] as const
beforeAll(() => {
  for (const key of sizes) Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => 600 })
})
afterAll(() => {
  for (const key of sizes) Reflect.deleteProperty(HTMLElement.prototype, key)
})

async function mountTable(props: Partial<InstanceType<typeof CandidatesTable>['$props']> = {}) {
  const wrapper = mount(CandidatesTable, {
    props: {
      candidates,
      paramKeys: ['lr', 'batch size'],
      metricKeys: ['val/acc'],
      projectPath: 'group/proj',
      sort: null,
      selected: [],
      hasMore: false,
      loadingMore: false,
      ...props,
    },
    global: { stubs: { RouterLink: RouterLinkStub } },
  })
  await flushPromises()
  return wrapper
}

describe('CandidatesTable', () => {
  it('renders one column per param and metric key after the fixed ones', async () => {
    const headers = (await mountTable()).findAll('[role="columnheader"]').map((h) => h.text())
    expect(headers.slice(1)).toEqual(['Name', 'Status', 'Created', 'Duration', 'Creator', 'lr', 'batch size', 'val/acc'])
  })

  it('fills the dynamic cells from params and the metric last value', async () => {
    const rows = (await mountTable()).findAll('[data-testid="candidate-row"]')
    expect(rows).toHaveLength(2)
    const first = rows[0]!.findAll('[role="cell"]').map((c) => c.text())
    expect(first.slice(1)).toEqual(['run-1', 'finished', expect.any(String), '1m 5s', 'ada', '0.1', '', '0.91235'])
    const second = rows[1]!.findAll('[role="cell"]').map((c) => c.text())
    expect(second.slice(6)).toEqual(['0.01', '32', ''])
  })

  it('links the name to the candidate page', async () => {
    const link = (await mountTable()).findAllComponents(RouterLinkStub)[0]!
    expect(link.props('to')).toBe('/group/proj/-/ml/candidates/1')
  })

  it('emits sort with the column when a header is clicked', async () => {
    const wrapper = await mountTable()
    const buttons = wrapper.findAll('[data-testid="sort-header"]')
    await buttons.find((b) => b.text().startsWith('val/acc'))!.trigger('click')
    await buttons.find((b) => b.text().startsWith('Name'))!.trigger('click')
    const events = wrapper.emitted('sort')!
    expect(events[0]![0]).toMatchObject({ sort: { namespace: 'metrics', key: 'val/acc' } })
    expect(events[1]![0]).toMatchObject({ sort: { namespace: 'attributes', key: 'run_name' } })
  })

  it('marks the sorted column for assistive technology', async () => {
    const wrapper = await mountTable({ sort: { namespace: 'params', key: 'lr', direction: 'ASC' } })
    const lr = wrapper.findAll('[role="columnheader"]').find((h) => h.text().startsWith('lr'))!
    expect(lr.attributes('aria-sort')).toBe('ascending')
  })

  it('emits the selection when rows are checked', async () => {
    const wrapper = await mountTable({ selected: [2] })
    await wrapper.findAll('[data-testid="candidate-row"] input[type="checkbox"]')[0]!.setValue(true)
    expect(wrapper.emitted('update:selected')![0]).toEqual([[2, 1]])
  })

  it('renders only the visible window of a long list', async () => {
    const many = Array.from({ length: 500 }, (_, i) => candidateRow(i + 1))
    const wrapper = await mountTable({ candidates: many })
    await wrapper.vm.$nextTick()
    const rendered = wrapper.findAll('[data-testid="candidate-row"]').length
    expect(rendered).toBeGreaterThan(10)
    expect(rendered).toBeLessThan(60)
    expect(wrapper.emitted('load-more')).toBeFalsy()
  })

  it('asks for more rows when the end is visible and more exist', async () => {
    const wrapper = await mountTable({ hasMore: true })
    await wrapper.vm.$nextTick()
    expect(wrapper.emitted('load-more')).toBeTruthy()
    const idle = await mountTable({ hasMore: false })
    await idle.vm.$nextTick()
    expect(idle.emitted('load-more')).toBeFalsy()
  })
})

describe('CandidatesTable column view', () => {
  it('leaves out the hidden param and metric columns', async () => {
    const wrapper = await mountTable({ view: { order: [], pinned: [], hidden: ['params.batch size', 'metrics.val/acc'] } })
    const headers = wrapper.findAll('[role="columnheader"]').map((h) => h.text())
    expect(headers.slice(1)).toEqual(['Name', 'Status', 'Created', 'Duration', 'Creator', 'lr'])
    expect(wrapper.findAll('[data-testid="candidate-row"]')[0]!.findAll('[role="cell"]')).toHaveLength(7)
  })

  it('shows columns in the chosen order, pinned ones first and sticky at their offsets', async () => {
    const view = { order: ['metrics.val/acc', 'params.lr'], pinned: ['params.lr'], hidden: ['status', 'created', 'duration', 'creator'] }
    const wrapper = await mountTable({ view })
    const headers = wrapper.findAll('[role="columnheader"]')
    expect(headers.slice(1).map((h) => h.text())).toEqual(['lr', 'val/acc', 'Name', 'batch size'])
    expect(headers[1]!.classes()).toContain('pinned')
    expect(headers[1]!.attributes('style')).toContain('left: 40px')
    expect(headers[2]!.classes()).not.toContain('pinned')
    const cells = wrapper.findAll('[data-testid="candidate-row"]')[0]!.findAll('[role="cell"]')
    expect(cells[1]!.text()).toBe('0.1')
    expect(cells[1]!.attributes('style')).toContain('left: 40px')
  })
})

describe('CandidatesTable metric summaries', () => {
  it('shows the chosen summary in metric cells and headers', async () => {
    const rows = [candidateRow(1, { metrics: [{ name: 'val/acc', value: 0.5, min: 0.1, max: 0.9 }] })]
    const wrapper = await mountTable({ candidates: rows, summary: 'min', sort: { namespace: 'metrics', key: 'val/acc', summary: 'min', direction: 'DESC' } })
    const header = wrapper.findAll('[role="columnheader"]').at(-1)!
    expect(header.text()).toContain('val/acc (min)')
    expect(header.attributes('aria-sort')).toBe('descending')
    expect(wrapper.find('[data-testid="candidate-row"]').findAll('[role="cell"]').at(-1)!.text()).toBe('0.1')
  })
})
