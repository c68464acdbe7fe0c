import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import { routes } from '@/router'

/** The app's routes on an in-memory history, without the sign-in guard. */
export async function testRouter(path: string, extra: RouteRecordRaw[] = []) {
  const router = createRouter({ history: createMemoryHistory(), routes: [...extra, ...routes] })
  await router.push(path)
  await router.isReady()
  return router
}
