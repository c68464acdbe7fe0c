import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { prefetchRoute } from './index'

describe('prefetchRoute', () => {
  it("starts loading a lazy route's component, and leaves loaded components alone", async () => {
    const lazy = vi.fn(() => Promise.resolve({ template: '<p />' }))
    const loaded = { template: '<p />' }
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/lazy', component: lazy },
        { path: '/loaded', component: loaded },
      ],
    })
    prefetchRoute(router.resolve('/loaded'))
    expect(lazy).not.toHaveBeenCalled()
    prefetchRoute(router.resolve('/lazy'))
    expect(lazy).toHaveBeenCalledTimes(1)
  })
})
