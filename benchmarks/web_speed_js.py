"""The in-page JavaScript of `benchmarks.web_speed`: timers that run in the tab, so that what they
measure excludes Playwright's round trips."""

# Before the app's scripts: the time (ms from navigation start) of the first animation frame
# after the first candidate row enters the DOM, i.e. the frame that paints it.
FIRST_ROWS = """
(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid=candidate-row]')) return
    observer.disconnect()
    const inserted = performance.now()
    requestAnimationFrame(() => { window.__firstRows = { inserted, painted: performance.now() } })
  })
  observer.observe(document, { childList: true, subtree: true })
})()
"""

# Clicks a sort header and resolves at the frame that paints a different first row.
RESORT = """
async (column) => {
  const table = document.querySelector('[data-testid=candidates-table]')
  table.scrollTop = 0
  const first = () => {
    const top = [...table.querySelectorAll('[data-testid=candidate-row]')]
      .find((row) => row.style.transform === 'translateY(0px)')
    return top ? top.querySelector('a').textContent.trim() : null
  }
  const before = first()
  const button = table.querySelector(`[data-testid=sort-header][title="${column}"]`)
  return await new Promise((resolve, reject) => {
    const started = performance.now()
    const observer = new MutationObserver(() => {
      const now = first()
      if (now === null || now === before) return
      observer.disconnect()
      requestAnimationFrame(() => {
        const painted = performance.now()
        resolve({ ms: painted - started, painted, origin: performance.timeOrigin, after: now })
      })
    })
    observer.observe(table, { childList: true, subtree: true, characterData: true })
    setTimeout(() => { observer.disconnect(); reject(new Error('no re-sort within 30 s')) }, 30000)
    button.click()
  })
}
"""

# Scrolls the table by `step` px every animation frame for `ms`; returns the frame times.
SCROLL = """
async ({ ms, step }) => {
  const table = document.querySelector('[data-testid=candidates-table]')
  table.scrollTop = 0
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  const frames = []
  await new Promise((resolve) => {
    setTimeout(resolve, ms * 5)  // a stalled page must not hang the benchmark
    const tick = (time) => {
      frames.push(time)
      if (time - frames[0] >= ms) return resolve()
      table.scrollTop += step
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  const rows = table.querySelectorAll('[data-testid=candidate-row]').length
  return { frames, scrollTop: table.scrollTop, rows }
}
"""

# Scrolls the compare page's charts into view (they mount when seen) and resolves at the first
# draw of the chart titled `name` (a performance mark the chart components set).
CHART = """
async (name) => {
  const heading = [...document.querySelectorAll('h2')]
    .find((h) => h.textContent.includes('Metric curves'))
  const mark = `labbook:chart-drawn:${name}`
  const started = performance.now()
  heading.scrollIntoView()
  await new Promise((resolve, reject) => {
    const seen = () => performance.getEntriesByName(mark).length > 0
    const poll = () => (seen() ? resolve() : requestAnimationFrame(poll))
    poll()
    setTimeout(() => reject(new Error('no chart within 30 s')), 30000)
  })
  const drawn = performance.getEntriesByName(mark)[0].startTime
  return { started, drawn, origin: performance.timeOrigin }
}
"""
