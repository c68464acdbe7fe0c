import { afterEach, describe, expect, it, vi } from 'vitest'
import { GraphQLRequestError, request, setUnauthenticatedHandler } from './client'
import { CurrentUserDocument } from './generated/graphql'

afterEach(() => {
  vi.unstubAllGlobals()
  setUnauthenticatedHandler(null)
})

function respond(body: unknown, status = 200) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

describe('request', () => {
  it('posts the operation with the session cookie and returns data', async () => {
    const fetch = respond({ data: { currentUser: null } })
    await expect(request(CurrentUserDocument, {})).resolves.toEqual({ currentUser: null })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/graphql')
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' })
    expect(JSON.parse(String(init.body)).query).toContain('query CurrentUser')
  })

  it('throws the GraphQL error messages and code', async () => {
    respond({ data: null, errors: [{ message: "Unexpected token '>'", extensions: { code: 'BAD_USER_INPUT' } }] })
    const error = await request(CurrentUserDocument, {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GraphQLRequestError)
    expect((error as GraphQLRequestError).message).toBe("Unexpected token '>'")
    expect((error as GraphQLRequestError).code).toBe('BAD_USER_INPUT')
  })

  it('reports an HTTP failure without a GraphQL body', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('Bad gateway', { status: 502 })))
    await expect(request(CurrentUserDocument, {})).rejects.toThrow('Unexpected response from server (502)')
  })

  it('tells the app when the session is gone', async () => {
    const handler = vi.fn()
    setUnauthenticatedHandler(handler)
    respond({ data: null, errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } }] })
    await expect(request(CurrentUserDocument, {})).rejects.toThrow('Not signed in')
    expect(handler).toHaveBeenCalledOnce()
    respond({ data: null, errors: [{ message: 'Bad filter', extensions: { code: 'BAD_USER_INPUT' } }] })
    await expect(request(CurrentUserDocument, {})).rejects.toThrow('Bad filter')
    expect(handler).toHaveBeenCalledOnce()
  })
})
