import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import SignInView from './SignInView.vue'
import { fakeGraphQL } from '@/test/fixtures'
import { testRouter } from '@/test/router'

afterEach(() => vi.unstubAllGlobals())

async function signIn(answer: unknown, path = '/users/sign_in?redirect=%2Fdefault%2F-%2Fml%2Fexperiments') {
  const fake = fakeGraphQL({ SignIn: () => answer })
  vi.stubGlobal('fetch', fake.fetch)
  const stub = { template: '<p>page</p>' }
  const router = await testRouter(path, [
    { path: '/', component: stub },
    { path: '/default/-/ml/experiments', component: stub },
  ])
  const wrapper = mount(SignInView, { global: { plugins: [router] } })
  await wrapper.find('input[name="username"]').setValue('root')
  await wrapper.find('input[name="password"]').setValue('secret')
  await wrapper.find('button[type="submit"]').trigger('submit')
  await flushPromises()
  return { wrapper, router, fake }
}

describe('SignInView', () => {
  it('sends the credentials and goes to the redirect target', async () => {
    const user = { __typename: 'User', id: 'u1', username: 'root', name: 'Root', isAdmin: true }
    const { router, fake } = await signIn({ data: { signIn: user } })
    expect(fake.calls[0]!.variables).toEqual({ input: { username: 'root', password: 'secret' } })
    expect(router.currentRoute.value.fullPath).toBe('/default/-/ml/experiments')
  })

  it('shows the authentication error and stays', async () => {
    const { wrapper, router } = await signIn({
      data: { signIn: { __typename: 'AuthenticationError', message: 'Invalid username or password' } },
    })
    expect(wrapper.find('[data-testid="sign-in-error"]').text()).toBe('Invalid username or password')
    expect(router.currentRoute.value.path).toBe('/users/sign_in')
  })

  it('ignores a redirect to another site', async () => {
    const user = { __typename: 'User', id: 'u1', username: 'root', name: 'Root', isAdmin: true }
    const { router } = await signIn({ data: { signIn: user } }, '/users/sign_in?redirect=%2F%2Fevil.example')
    expect(router.currentRoute.value.path).toBe('/')
  })
})
