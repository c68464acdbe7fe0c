/** The "New candidate" form: rows of text turned into the createCandidate input, with per-row errors. */

export type Row = Record<string, string>

export interface CandidateForm {
  name: string
  params: Row[]
  metrics: Row[]
  metadata: Row[]
}

export type Section = 'name' | 'params' | 'metrics' | 'metadata'
export type FormErrors = Partial<Record<Section, string>>

export interface CandidateInputShape {
  experimentId: string
  name: string | null
  params: { name: string; value: string }[]
  metrics: { name: string; value: number; step: number }[]
  metadata: { name: string; value: string }[]
}

export function emptyForm(): CandidateForm {
  return { name: '', params: [{ name: '', value: '' }], metrics: [{ name: '', value: '', step: '' }], metadata: [{ name: '', value: '' }] }
}

const blank = (row: Row) => Object.values(row).every((v) => v.trim() === '')

function keyValues(rows: Row[], what: string): { items: { name: string; value: string }[]; error?: string } {
  const items: { name: string; value: string }[] = []
  const seen = new Set<string>()
  for (const row of rows.filter((r) => !blank(r))) {
    const name = (row.name ?? '').trim()
    if (!name) return { items, error: `Every ${what} needs a key.` }
    if (seen.has(name)) return { items, error: `The ${what} “${name}” is given twice.` }
    seen.add(name)
    items.push({ name, value: row.value ?? '' })
  }
  return { items }
}

/** Validates like the server would and builds the input; blank rows are ignored. */
export function candidateInput(experimentId: string, form: CandidateForm): { input: CandidateInputShape | null; errors: FormErrors } {
  const errors: FormErrors = {}
  const params = keyValues(form.params, 'param')
  if (params.error) errors.params = params.error
  const metadata = keyValues(form.metadata, 'metadata entry')
  if (metadata.error) errors.metadata = metadata.error
  const metrics: CandidateInputShape['metrics'] = []
  for (const row of form.metrics.filter((r) => !blank(r))) {
    const name = (row.name ?? '').trim()
    const value = Number((row.value ?? '').trim())
    const stepText = (row.step ?? '').trim()
    const step = stepText === '' ? 0 : Number(stepText)
    if (!name) errors.metrics = 'Every metric needs a name.'
    else if ((row.value ?? '').trim() === '' || Number.isNaN(value)) errors.metrics = `The value of “${name}” is not a number.`
    else if (!Number.isInteger(step)) errors.metrics = `The step of “${name}” must be a whole number.`
    if (errors.metrics) break
    metrics.push({ name, value, step })
  }
  if (Object.keys(errors).length > 0) return { input: null, errors }
  return {
    input: { experimentId, name: form.name.trim() || null, params: params.items, metrics, metadata: metadata.items },
    errors,
  }
}

/**
 * Which section a server ValidationError belongs to: its `field` when it names one, else what the
 * message is about (the server says `field: "key"` for a bad param, metric or tag key).
 */
export function sectionOf(field: string | null | undefined, message = ''): Section | null {
  const head = /^(name|params|metrics|metadata)\b/i.exec(field ?? '')?.[1]?.toLowerCase()
  if (head) return head as Section
  if (/\bparam(eter)?s?\b/i.test(message)) return 'params'
  if (/\bmetrics?\b/i.test(message)) return 'metrics'
  if (/\b(tags?|metadata)\b/i.test(message)) return 'metadata'
  return null
}
