import type { AccessLevel } from '@/graphql/generated/graphql'
import type { CurrentUser } from './useCurrentUser'

const ORDER: AccessLevel[] = ['GUEST', 'REPORTER', 'DEVELOPER', 'MAINTAINER', 'OWNER']

/** Mirrors the server's rules so the UI hides what would be refused anyway. */
export function hasAccess(
  user: CurrentUser | null,
  level: AccessLevel | null | undefined,
  needed: AccessLevel,
): boolean {
  if (user?.isAdmin) return true
  if (!level) return false
  return ORDER.indexOf(level) >= ORDER.indexOf(needed)
}
