/** The one way the app talks to the server: typed POST /graphql with the session cookie. */
import type { TypedDocumentString } from './generated/graphql'

export interface GraphQLErrorItem {
  message: string
  extensions?: { code?: string }
}

export class GraphQLRequestError extends Error {
  readonly errors: GraphQLErrorItem[]
  readonly status: number

  constructor(errors: GraphQLErrorItem[], status = 200) {
    super(errors.map((e) => e.message).join('; ') || `Request failed (${status})`)
    this.name = 'GraphQLRequestError'
    this.errors = errors
    this.status = status
  }

  get code(): string | undefined {
    return this.errors.find((e) => e.extensions?.code)?.extensions?.code
  }
}

interface GraphQLResponse<T> {
  data?: T | null
  errors?: GraphQLErrorItem[]
}

export const GRAPHQL_ENDPOINT = '/graphql'

let onUnauthenticated: (() => void) | null = null

/** Called when the server says the session is gone (expired or signed out elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler
}

function isUnauthenticated(error: GraphQLRequestError): boolean {
  return error.status === 401 || error.code === 'UNAUTHENTICATED'
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await fetch(GRAPHQL_ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  })
  const body = await parseBody<TResult>(response)
  let error: GraphQLRequestError | null = null
  if (body.errors && body.errors.length > 0) error = new GraphQLRequestError(body.errors, response.status)
  else if (!response.ok || body.data == null) {
    error = new GraphQLRequestError([{ message: `Request failed (${response.status})` }], response.status)
  }
  if (error) {
    if (isUnauthenticated(error)) onUnauthenticated?.()
    throw error
  }
  return body.data as TResult
}

async function parseBody<T>(response: Response): Promise<GraphQLResponse<T>> {
  try {
    return (await response.json()) as GraphQLResponse<T>
  } catch {
    return { errors: [{ message: `Unexpected response from server (${response.status})` }] }
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
