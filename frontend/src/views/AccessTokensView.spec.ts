import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import AccessTokensView from './AccessTokensView.vue'
import { fakeGraphQL } from '@/test/fixtures'
import { testRouter } from '@/test/router'
import { sortTokens, tokenInput, tokenStatus } from '@/utils/accessTokens'

const token = (id: string, overrides: Record<string, unknown> = {}) => ({
  id, name: `token-${id}`, prefix: 'lbp_ab', scopes: ['api'], createdAt: '2026-01-01T00:00:00Z', lastUsedAt: null, expiresAt: null, revokedAt: null, ...overrides,
})

async function mountView(handlers: Parameters<typeof fakeGraphQL>[0]) {
  const fake = fakeGraphQL(handlers)
  vi.stubGlobal('fetch', fake.fetch)
  const router = await testRouter('/-/user_settings/personal_access_tokens')
  const wrapper = mount(AccessTokensView, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, fake }
}
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('token helpers', () => {
  it('tells active, expired and revoked tokens apart and lists active ones first', () => {
    const now = Date.parse('2026-06-01T00:00:00Z')
    expect(tokenStatus(token('1'), now)).toBe('Active')
    expect(tokenStatus(token('1', { expiresAt: '2026-05-01T00:00:00Z' }), now)).toBe('Expired')
    expect(tokenStatus(token('1', { revokedAt: '2026-05-01T00:00:00Z' }), now)).toBe('Revoked')
    const list = [token('a', { revokedAt: '2026-05-01T00:00:00Z', createdAt: '2026-03-01T00:00:00Z' }), token('b'), token('c', { createdAt: '2026-02-01T00:00:00Z' })]
    expect(sortTokens(list, now).map((t) => t.id)).toEqual(['c', 'b', 'a'])
  })
  it('builds the create input', () => {
    expect(tokenInput(' ci ', ['read_api', 'api'], '')).toEqual({ name: 'ci', scopes: ['api', 'read_api'], expiresAt: null })
    expect(tokenInput('ci', ['read_api'], '2026-12-31').expiresAt).toBe('2026-12-31T23:59:59Z')
  })
})

describe('AccessTokensView', () => {
  it('lists tokens, or says there are none, or shows the error', async () => {
    const { wrapper } = await mountView({ AccessTokens: () => ({ data: { accessTokens: [token('1'), token('2', { revokedAt: '2026-01-02T00:00:00Z' })] } }) })
    const rows = wrapper.findAll('[data-testid="token-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[1]!.text()).toContain('Revoked')
    expect(rows[1]!.find('[data-testid="revoke-token"]').exists()).toBe(false)
    const empty = await mountView({ AccessTokens: () => ({ data: { accessTokens: [] } }) })
    expect(empty.wrapper.text()).toContain('No tokens yet')
    const failed = await mountView({ AccessTokens: () => ({ data: null, errors: [{ message: 'nope' }] }) })
    expect(failed.wrapper.text()).toContain('nope')
  })

  it('creates a token and shows its secret once with a copy button', async () => {
    let tokens = [token('1')]
    const { wrapper, fake } = await mountView({
      AccessTokens: () => ({ data: { accessTokens: tokens } }),
      CreateAccessToken: (v) => {
        tokens = [...tokens, token('2', { name: 'ci' })]
        return { data: { createAccessToken: { __typename: 'AccessTokenCreated', secret: 'lbp_secret', token: { ...token('2'), name: (v.input as { name: string }).name } } } }
      },
    })
    await wrapper.find('[data-testid="token-name"]').setValue('ci')
    await wrapper.find('[data-testid="scope-read_api"]').setValue(true)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const create = fake.calls.find((c) => c.query.includes('mutation CreateAccessToken'))!
    expect(create.variables.input).toEqual({ name: 'ci', scopes: ['api', 'read_api'], expiresAt: null })
    expect(wrapper.find('[data-testid="token-secret"]').text()).toContain('lbp_secret')
    expect(wrapper.find('[data-testid="copy-button"]').exists()).toBe(true)
    expect(wrapper.findAll('[data-testid="token-row"]')).toHaveLength(2)
  })

  it('shows a refused create inline', async () => {
    const { wrapper } = await mountView({
      AccessTokens: () => ({ data: { accessTokens: [] } }),
      CreateAccessToken: () => ({ data: { createAccessToken: { __typename: 'ValidationError', message: 'Name is taken' } } }),
    })
    await wrapper.find('[data-testid="token-name"]').setValue('ci')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="token-error"]').text()).toBe('Name is taken')
  })

  it('revokes after confirmation', async () => {
    const { wrapper, fake } = await mountView({
      AccessTokens: () => ({ data: { accessTokens: [token('1')] } }),
      RevokeAccessToken: () => ({ data: { revokeAccessToken: { __typename: 'AccessToken', id: '1', revokedAt: '2026-01-02T00:00:00Z' } } }),
    })
    await wrapper.find('[data-testid="revoke-token"]').trigger('click')
    expect(fake.calls.some((c) => c.query.includes('RevokeAccessToken'))).toBe(false)
    await wrapper.find('[data-testid="confirm-button"]').trigger('click')
    await flushPromises()
    const revoke = fake.calls.find((c) => c.query.includes('mutation RevokeAccessToken'))!
    expect(revoke.variables.input).toEqual({ id: '1' })
  })
})
