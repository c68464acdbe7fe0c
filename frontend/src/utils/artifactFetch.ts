/** Reading an artifact for preview: at most a given number of bytes, then the download stops. */

export interface ArtifactBytes {
  bytes: Uint8Array<ArrayBuffer>
  /** The file continues past `bytes`. */
  truncated: boolean
}

function concat(chunks: Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk.subarray(0, length - offset), offset)
    offset += Math.min(chunk.length, length - offset)
  }
  return out
}

/** The first `limit` bytes of the body; the rest is never downloaded (the stream is cancelled). */
export async function readLimited(response: Response, limit: number): Promise<ArtifactBytes> {
  if (!response.body) return { bytes: new Uint8Array(await response.arrayBuffer()), truncated: false }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return { bytes: concat(chunks, received), truncated: false }
    chunks.push(value)
    received += value.length
    if (received > limit) {
      await reader.cancel()
      return { bytes: concat(chunks, limit), truncated: true }
    }
  }
}

/** GETs an artifact with the session cookie (same origin) and reads at most `limit` bytes. */
export async function fetchArtifact(url: string, limit: number, signal?: AbortSignal): Promise<ArtifactBytes> {
  const response = await fetch(url, { credentials: 'same-origin', signal })
  if (!response.ok) throw new Error(`The download failed: ${response.status} ${response.statusText}`.trim())
  return readLimited(response, limit)
}

/** UTF-8 text of bytes that may end in the middle of a character (a cut file). */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/\uFFFD$/, '')
}
