/** Live updates: GraphQL subscriptions over `graphql-transport-ws` on the same `/graphql` path. */
import { createClient, type Client } from 'graphql-ws/client'
import { GRAPHQL_ENDPOINT } from './client'
import type { TypedDocumentString } from './generated/graphql'

let client: Client | null = null

function socketUrl(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${GRAPHQL_ENDPOINT}`
}

/** One shared socket, opened on the first subscription and closed after the last (lazy). */
function liveClient(): Client {
  client ??= createClient({ url: socketUrl(), lazy: true, retryAttempts: 5 })
  return client
}

/** Subscribes and returns the function that ends the subscription. */
export function subscribe<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  onData: (data: TResult) => void,
  onError: (error: unknown) => void = () => undefined,
): () => void {
  return liveClient().subscribe<TResult>(
    { query: document.toString(), variables },
    {
      next: (result) => {
        if (result.data) onData(result.data)
      },
      error: onError,
      complete: () => undefined,
    },
  )
}
