import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ArtifactPreview from './ArtifactPreview.vue'
import { TEXT_LIMIT } from '@/utils/artifactKind'

function serve(body: BodyInit, status = 200) {
  const fetch = vi.fn(async () => new Response(body, { status }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

async function mountPreview(path: string, size: number | null = 10) {
  const wrapper = mount(ArtifactPreview, { props: { file: { path, size, downloadPath: `/dl/${path}` } } })
  await flushPromises()
  await vi.waitFor(() => expect(wrapper.find('[role="status"]').exists()).toBe(false))
  return wrapper
}

afterEach(() => vi.unstubAllGlobals())

describe('ArtifactPreview', () => {
  it('shows a CSV file as a table with a header row', async () => {
    serve('epoch,loss\n1,"0.5"\n2,0.25\n')
    const wrapper = await mountPreview('metrics.csv')
    expect(wrapper.findAll('th').map((th) => th.text())).toEqual(['epoch', 'loss'])
    expect(wrapper.findAll('[data-testid="csv-row"]').map((r) => r.text())).toEqual(['10.5', '20.25'])
    expect(wrapper.findAll('th').map((th) => th.classes('num'))).toEqual([true, true])
  })

  it('pretty-prints JSON', async () => {
    serve('{"a":1}')
    expect((await mountPreview('m.json')).find('pre').text()).toBe('{\n  "a": 1\n}')
  })

  it('shows HTML in a frame without scripts or same-origin access', async () => {
    serve('<h1>Report</h1><script>parent.alert(1)</script>')
    const frame = (await mountPreview('report.html')).find('iframe')
    expect(frame.attributes('sandbox')).toBe('')
    expect(frame.attributes('srcdoc')).toContain('<h1>Report</h1>')
  })

  it('shows images from an object URL of the right type', async () => {
    serve(new Uint8Array([137, 80, 78, 71]))
    const created: Blob[] = []
    class ObjectUrls extends URL {
      static createObjectURL(blob: Blob): string {
        created.push(blob)
        return 'blob:x'
      }
      static revokeObjectURL(): void {}
    }
    vi.stubGlobal('URL', ObjectUrls)
    const wrapper = await mountPreview('plot.png')
    expect(wrapper.find('img').attributes('src')).toBe('blob:x')
    expect(created[0]!.type).toBe('image/png')
  })

  it('renders Markdown sanitized', async () => {
    serve('# Notes\n<img src=x onerror="alert(1)">')
    const html = (await mountPreview('README.md')).find('[data-testid="preview-markdown"]').html()
    expect(html).toContain('<h1>Notes</h1>')
    expect(html).not.toContain('onerror')
  })

  it('refuses a large JSON file without fetching it', async () => {
    const fetch = serve('{}')
    const wrapper = await mountPreview('big.json', TEXT_LIMIT + 1)
    expect(wrapper.find('[data-testid="preview-too-large"]').exists()).toBe(true)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('shows the first MiB of a large text file', async () => {
    serve('x'.repeat(TEXT_LIMIT + 10))
    const wrapper = await mountPreview('train.log', TEXT_LIMIT + 10)
    expect(wrapper.find('pre').text()).toHaveLength(TEXT_LIMIT)
    expect(wrapper.find('[data-testid="preview-truncated"]').exists()).toBe(true)
  })

  it('drops a slow download when another file is chosen', async () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => {})))
    const wrapper = mount(ArtifactPreview, { props: { file: { path: 'slow.txt', size: 10, downloadPath: '/dl/slow.txt' } } })
    await flushPromises()
    expect(wrapper.find('[role="status"]').exists()).toBe(true)
    await wrapper.setProps({ file: { path: 'model.bin', size: 10, downloadPath: '/dl/model.bin' } })
    await flushPromises()
    expect(wrapper.find('[role="status"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('No preview for this kind of file')
  })

  it('reports a failed download', async () => {
    serve('nope', 404)
    expect((await mountPreview('a.txt')).find('[role="alert"]').text()).toContain('404')
  })
})
