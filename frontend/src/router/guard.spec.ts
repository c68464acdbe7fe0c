import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import { authGuard, routes } from './index'
import { useCurrentUser } from '@/composables/useCurrentUser'
import { fakeGraphQL } from '@/test/fixtures'

const admin = { __typename: 'User', id: 'u1', username: 'root', name: 'Root', isAdmin: true }

/** A router with the app's routes and guard; the server answers currentUser with `currentUser`. */
async function routerFor(currentUser: typeof admin | null) {
  vi.stubGlobal('fetch', fakeGraphQL({ CurrentUser: () => ({ data: { currentUser } }) }).fetch)
  await useCurrentUser().load(true)
  const stub = { template: '<p />' }
  const router = createRouter({ history: createMemoryHistory(), routes: routes.map((r): RouteRecordRaw => ({ path: r.path, name: r.name, meta: r.meta, component: stub })) })
  router.beforeEach(authGuard)
  return router
}

afterEach(() => {
  vi.unstubAllGlobals()
  useCurrentUser().set(null)
})

describe('authGuard', () => {
  it('sends a signed-out visitor to sign in with the page to come back to', async () => {
    const router = await routerFor(null)
    await router.push('/group/sub/-/ml/experiments?search=a')
    expect(router.currentRoute.value.path).toBe('/users/sign_in')
    expect(router.currentRoute.value.query.redirect).toBe('/group/sub/-/ml/experiments?search=a')
  })

  it('lets a signed-in user through and matches nested project paths', async () => {
    const router = await routerFor(admin)
    await router.push('/group/sub/-/ml/experiments/3')
    expect(router.currentRoute.value.name).toBe('experiment')
    expect(router.currentRoute.value.params).toMatchObject({ projectPath: 'group/sub', iid: '3' })
    await router.push('/group/sub/-/ml/experiments/3/candidates/compare?ids=1,2')
    expect(router.currentRoute.value.name).toBe('compare')
    await router.push('/group/sub/-/ml/candidates/12')
    expect(router.currentRoute.value.params).toMatchObject({ projectPath: 'group/sub', iid: '12' })
  })

  it('sends a signed-in user away from the sign-in page', async () => {
    const router = await routerFor(admin)
    await router.push('/users/sign_in?redirect=%2Fdefault%2F-%2Fml%2Fcandidates%2F4')
    expect(router.currentRoute.value.fullPath).toBe('/default/-/ml/candidates/4')
  })
})
