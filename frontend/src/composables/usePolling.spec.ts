import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { usePolling } from './usePolling'

afterEach(() => vi.useRealTimers())

describe('usePolling', () => {
  it('refreshes on an interval only while active, and stops when disposed', async () => {
    vi.useFakeTimers()
    const running = ref(true)
    const refresh = vi.fn(async () => undefined)
    const scope = effectScope()
    const { tick } = scope.run(() => usePolling(() => running.value, refresh, 1000))!
    vi.advanceTimersByTime(3500)
    expect(refresh).toHaveBeenCalledTimes(3)
    expect(tick.value).toBe(3)
    running.value = false
    await nextTick()
    vi.advanceTimersByTime(5000)
    expect(refresh).toHaveBeenCalledTimes(3)
    running.value = true
    await nextTick()
    vi.advanceTimersByTime(1000)
    expect(refresh).toHaveBeenCalledTimes(4)
    scope.stop()
    vi.advanceTimersByTime(5000)
    expect(refresh).toHaveBeenCalledTimes(4)
  })
})
