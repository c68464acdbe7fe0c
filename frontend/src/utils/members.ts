import type { AccessLevel } from '@/graphql/generated/graphql'

export const ROLES: { value: AccessLevel; label: string }[] = [
  { value: 'GUEST', label: 'Guest' },
  { value: 'REPORTER', label: 'Reporter' },
  { value: 'DEVELOPER', label: 'Developer' },
  { value: 'MAINTAINER', label: 'Maintainer' },
  { value: 'OWNER', label: 'Owner' },
]

export function roleLabel(level: AccessLevel): string {
  return ROLES.find((r) => r.value === level)?.label ?? level
}

/** Highest role first, then by username. */
export function sortMembers<T extends { accessLevel: AccessLevel; user: { username: string } }>(members: T[]): T[] {
  const rank = (m: T) => ROLES.findIndex((r) => r.value === m.accessLevel)
  return [...members].sort((a, b) => rank(b) - rank(a) || a.user.username.localeCompare(b.user.username))
}
