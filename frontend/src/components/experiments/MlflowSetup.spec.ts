import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import MlflowSetup from './MlflowSetup.vue'
import { fakeGraphQL } from '@/test/fixtures'

afterEach(() => vi.unstubAllGlobals())

describe('MlflowSetup', () => {
  it('creates an api token and shows its secret once, in the snippet', async () => {
    const fake = fakeGraphQL({
      CreateAccessToken: () => ({
        data: {
          createAccessToken: {
            __typename: 'AccessTokenCreated', secret: 'lbpat-abc',
            token: { id: 't1', name: 'mlflow', prefix: 'lbpat-a', scopes: ['api'], expiresAt: null },
          },
        },
      }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    const wrapper = mount(MlflowSetup, { props: { trackingUri: 'http://host' } })
    await wrapper.find('[data-testid="create-token"]').trigger('click')
    await flushPromises()
    expect(fake.calls[0]!.variables).toMatchObject({ input: { scopes: ['api'] } })
    expect(wrapper.find('[data-testid="mlflow-snippet"]').text()).toContain('MLFLOW_TRACKING_TOKEN=lbpat-abc')
    expect(wrapper.find('[data-testid="token-created"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="create-token"]').exists()).toBe(false)
  })

  it('shows a refusal', async () => {
    const fake = fakeGraphQL({
      CreateAccessToken: () => ({ data: { createAccessToken: { __typename: 'ValidationError', message: 'Too many tokens', field: null } } }),
    })
    vi.stubGlobal('fetch', fake.fetch)
    const wrapper = mount(MlflowSetup, { props: { trackingUri: 'http://host' } })
    await wrapper.find('[data-testid="create-token"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').text()).toBe('Too many tokens')
    expect(wrapper.find('[data-testid="mlflow-snippet"]').text()).toContain('<your token>')
  })
})
