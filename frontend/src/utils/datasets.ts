/** Short forms of an MLflow dataset's source and context for the candidate page. */

/** The URI, path or URL inside a dataset's source JSON; the raw text when it has none. */
export function datasetLocation(source: string): string {
  try {
    const parsed: unknown = JSON.parse(source)
    if (parsed && typeof parsed === 'object') {
      for (const key of ['uri', 'url', 'path', 'table_name']) {
        const value = (parsed as Record<string, unknown>)[key]
        if (typeof value === 'string' && value) return value
      }
    }
  } catch {
    // not JSON: shown as it is
  }
  return source
}

/** `training`, `eval`…: MLflow's `mlflow.data.context` input tag. */
export function datasetContext(tags: { name: string; value: string }[]): string {
  return tags.find((t) => t.name === 'mlflow.data.context')?.value ?? ''
}
