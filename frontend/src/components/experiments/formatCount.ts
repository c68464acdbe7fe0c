/** "1 candidate", "12,345 candidates": counts with digit grouping and the right plural. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`
}
