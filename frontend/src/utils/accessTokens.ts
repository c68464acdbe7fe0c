/** Personal access token helpers: status and the create input. */

export const TOKEN_SCOPES = ['api', 'read_api'] as const

export type TokenStatus = 'Active' | 'Expired' | 'Revoked'

export function tokenStatus(token: { revokedAt?: string | null; expiresAt?: string | null }, now = Date.now()): TokenStatus {
  if (token.revokedAt) return 'Revoked'
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'Expired'
  return 'Active'
}

/** Active tokens first (newest first), then expired and revoked ones. */
export function sortTokens<T extends { createdAt: string; revokedAt?: string | null; expiresAt?: string | null }>(tokens: T[], now = Date.now()): T[] {
  const rank = (t: T) => (tokenStatus(t, now) === 'Active' ? 0 : 1)
  return [...tokens].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt))
}

/** The mutation input from the form: a trimmed name, the ticked scopes, and an optional expiry date (end of that day, UTC). */
export function tokenInput(name: string, scopes: string[], expiresOn: string) {
  return {
    name: name.trim(),
    scopes: TOKEN_SCOPES.filter((s) => scopes.includes(s)),
    expiresAt: expiresOn ? `${expiresOn}T23:59:59Z` : null,
  }
}
