import type uPlot from 'uplot'

function themeColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback
}

/** An axis in the page's theme colours (light or dark); without a label, no room is kept for one. */
export function themedAxis(label?: string, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  const fg = themeColor('--fg-muted', '#666')
  const grid = themeColor('--border', '#ddd')
  const titled = label === undefined ? {} : { label }
  return { stroke: fg, ...titled, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, ...extra }
}
