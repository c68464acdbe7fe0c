import { ref } from 'vue'
import { request } from '@/graphql/client'
import { CurrentUserDocument, type CurrentUserQuery } from '@/graphql/generated/graphql'

export type CurrentUser = NonNullable<CurrentUserQuery['currentUser']>

const user = ref<CurrentUser | null>(null)
let loaded = false

/** The signed-in user, fetched once per page load and updated by sign in/out. */
export function useCurrentUser() {
  async function load(force = false): Promise<CurrentUser | null> {
    if (loaded && !force) return user.value
    const data = await request(CurrentUserDocument, {})
    user.value = data.currentUser ?? null
    loaded = true
    return user.value
  }

  function set(next: CurrentUser | null): void {
    user.value = next
    loaded = true
  }

  return { user, load, set }
}
