/** Web paths of the app, mirroring GitLab's. Project paths may contain slashes. */

export const paths = {
  signIn: (redirect?: string) =>
    redirect && redirect !== '/' ? `/users/sign_in?redirect=${encodeURIComponent(redirect)}` : '/users/sign_in',
  accessTokens: () => '/-/user_settings/personal_access_tokens',
  projectMembers: (project: string) => `/${project}/-/project_members`,
  experiments: (project: string) => `/${project}/-/ml/experiments`,
  experiment: (project: string, iid: number) => `/${project}/-/ml/experiments/${iid}`,
  candidate: (project: string, iid: number) => `/${project}/-/ml/candidates/${iid}`,
  compare: (project: string, experimentIid: number, candidateIids: number[]) =>
    `/${project}/-/ml/experiments/${experimentIid}/candidates/compare?ids=${candidateIids.join(',')}`,
}

/** Only same-site paths are followed after sign in, never another origin. */
export function safeRedirect(target: unknown): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return '/'
  return target
}

export function parseIds(text: string): number[] {
  const ids = text
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((n) => Number.isInteger(n) && n > 0)
  return [...new Set(ids)]
}
