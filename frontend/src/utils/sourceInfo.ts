/** Where a candidate came from: MLflow's `mlflow.source.*` tags and GitLab-style `gitlab.CI_*` ones. */

export interface SourceRow {
  label: string
  value: string
  /** A link, only ever http(s). */
  href: string | null
}

type Metadata = { name: string; value: string }[]

const MLFLOW: [string, string][] = [
  ['mlflow.source.type', 'Source type'],
  ['mlflow.source.name', 'Source'],
  ['mlflow.source.git.branch', 'Git branch'],
  ['mlflow.source.git.commit', 'Git commit'],
  ['mlflow.source.git.repoURL', 'Git repository'],
  ['mlflow.gitRepoURL', 'Git repository'],
  ['mlflow.user', 'User'],
]
// GitLab job paths relative to the project URL (`gitlab.CI_PROJECT_URL`).
const CI_PATHS: Record<string, string> = {
  CI_JOB_ID: '/-/jobs/',
  CI_PIPELINE_ID: '/-/pipelines/',
  CI_MERGE_REQUEST_IID: '/-/merge_requests/',
  CI_COMMIT_SHA: '/-/commit/',
}

export function httpUrl(text: string): string | null {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function webRepo(text: string | undefined): string | null {
  const url = text ? httpUrl(text) : null
  return url ? url.replace(/\.git$/, '').replace(/\/$/, '') : null
}

function mlflowRows(tags: Map<string, string>): SourceRow[] {
  const repo = webRepo(tags.get('mlflow.source.git.repoURL') ?? tags.get('mlflow.gitRepoURL'))
  const seen = new Set<string>()
  return MLFLOW.filter(([key, label]) => tags.has(key) && !seen.has(label) && seen.add(label)).map(([key, label]) => {
    const value = tags.get(key)!
    const href = key === 'mlflow.source.git.commit' && repo ? httpUrl(`${repo}/commit/${encodeURIComponent(value)}`) : httpUrl(value)
    return { label, value, href }
  })
}

function ciRows(tags: Map<string, string>): SourceRow[] {
  const project = webRepo(tags.get('gitlab.CI_PROJECT_URL'))
  return [...tags]
    .filter(([key]) => key.startsWith('gitlab.CI_'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => {
      const name = key.slice('gitlab.'.length)
      const path = CI_PATHS[name]
      const href = path && project ? httpUrl(`${project}${path}${encodeURIComponent(value)}`) : httpUrl(value)
      return { label: name, value, href }
    })
}

/** The source and CI rows a candidate's metadata carries, MLflow's first. */
export function sourceInfo(metadata: Metadata): SourceRow[] {
  const tags = new Map(metadata.map((m) => [m.name, m.value]))
  return [...mlflowRows(tags), ...ciRows(tags)]
}
