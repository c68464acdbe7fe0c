import { describe, expect, it } from 'vitest'
import { decodeText, readLimited } from './artifactFetch'

function streamed(chunks: number[][]): { response: Response; pulled: () => number } {
  let pulled = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[pulled++]
      if (next) controller.enqueue(new Uint8Array(next))
      else controller.close()
    },
  })
  return { response: new Response(stream), pulled: () => pulled }
}

describe('readLimited', () => {
  it('reads a small body whole', async () => {
    const { response } = streamed([[1, 2], [3]])
    expect(await readLimited(response, 10)).toEqual({ bytes: new Uint8Array([1, 2, 3]), truncated: false })
  })

  it('stops at the limit without reading the rest', async () => {
    const { response, pulled } = streamed([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10]])
    const read = await readLimited(response, 4)
    expect(read).toEqual({ bytes: new Uint8Array([1, 2, 3, 4]), truncated: true })
    expect(pulled()).toBeLessThan(4)
  })

  it('is not truncated when the body is exactly the limit', async () => {
    const { response } = streamed([[1, 2], [3, 4]])
    expect((await readLimited(response, 4)).truncated).toBe(false)
  })
})

describe('decodeText', () => {
  it('drops a character cut in half at the end', () => {
    const bytes = new TextEncoder().encode('héé')
    expect(decodeText(bytes.subarray(0, bytes.length - 1))).toBe('hé')
  })
})
