import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router'
import { useCurrentUser } from '@/composables/useCurrentUser'
import { paths, safeRedirect } from '@/utils/paths'

const PROJECT = ':projectPath(.+)'

export const routes: RouteRecordRaw[] = [
  {
    path: '/users/sign_in',
    name: 'sign-in',
    component: () => import('@/views/SignInView.vue'),
    meta: { public: true },
  },
  { path: '/', name: 'projects', component: () => import('@/views/ProjectsView.vue') },
  {
    path: '/-/user_settings/personal_access_tokens',
    name: 'access-tokens',
    component: () => import('@/views/AccessTokensView.vue'),
  },
  {
    path: `/${PROJECT}/-/project_members`,
    name: 'project-members',
    component: () => import('@/views/ProjectMembersView.vue'),
  },
  {
    path: `/${PROJECT}/-/ml/experiments/:experimentIid(\\d+)/candidates/compare`,
    name: 'compare',
    component: () => import('@/views/CompareView.vue'),
  },
  {
    path: `/${PROJECT}/-/ml/experiments/:iid(\\d+)`,
    name: 'experiment',
    component: () => import('@/views/ExperimentView.vue'),
  },
  {
    path: `/${PROJECT}/-/ml/experiments`,
    name: 'experiments',
    component: () => import('@/views/ExperimentsView.vue'),
  },
  {
    path: `/${PROJECT}/-/ml/candidates/:iid(\\d+)`,
    name: 'candidate',
    component: () => import('@/views/CandidateView.vue'),
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue') },
]

/** Signed-out visitors go to sign in (and come back); signed-in ones skip the sign-in page. */
export async function authGuard(to: RouteLocationNormalized): Promise<true | string> {
  let signedIn: boolean
  try {
    signedIn = (await useCurrentUser().load()) !== null
  } catch {
    // The server is unreachable: let the view show its own error state.
    return true
  }
  if (to.meta.public) return signedIn ? safeRedirect(to.query.redirect) : true
  return signedIn ? true : paths.signIn(to.fullPath)
}

/**
 * Starts downloading a lazy route's code without waiting: the auth guard's request and the
 * download then overlap instead of running one after the other on a first visit (vue-router
 * imports the component again after the guards, and finds the module loaded or loading).
 */
export function prefetchRoute(to: Pick<RouteLocationNormalized, 'matched'>): void {
  for (const record of to.matched) {
    const component: unknown = record.components?.default
    if (typeof component === 'function' && !('props' in component) && !('displayName' in component)) {
      void Promise.resolve((component as () => unknown)()).catch(() => undefined)
    }
  }
}

export const router = createRouter({ history: createWebHistory(), routes })
router.beforeEach(prefetchRoute)
router.beforeEach(authGuard)
