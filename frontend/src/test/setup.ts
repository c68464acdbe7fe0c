import { vi } from 'vitest'

// jsdom lacks matchMedia, which uPlot reads when it loads.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList
}

// No socket in unit tests: subscriptions are recorded, and a test can push events through
// the `onData` callback of `vi.mocked(subscribe).mock.calls`.
vi.mock('@/graphql/live', () => ({ subscribe: vi.fn(() => () => undefined) }))
