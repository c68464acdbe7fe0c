import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import MetadataTable from './MetadataTable.vue'

describe('MetadataTable', () => {
  it('keeps MLflow system tags out of the editable table, folded and read-only', () => {
    const metadata = [
      { name: 'mlflow.runName', value: 'run-1' },
      { name: 'team', value: 'vision' },
      { name: 'mlflow.user', value: 'ada' },
    ]
    const wrapper = mount(MetadataTable, { props: { ownerId: 'C1', metadata } })
    expect(wrapper.find('h2').text()).toBe('Metadata (1)')
    const [own, system] = wrapper.findAll('table')
    expect(own!.findAll('[data-testid="metadata-row"]').map((r) => r.find('td').text())).toEqual(['team'])
    expect(system!.findAll('[data-testid="metadata-row"]').map((r) => r.find('td').text())).toEqual(['mlflow.runName', 'mlflow.user'])
    expect(wrapper.find('[data-testid="system-metadata"] summary').text()).toBe('MLflow system tags (2)')
    expect(system!.find('button').exists()).toBe(false)
    expect(wrapper.findAll('form')).toHaveLength(1)
  })
})
