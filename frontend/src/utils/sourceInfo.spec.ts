import { describe, expect, it } from 'vitest'
import { httpUrl, sourceInfo } from './sourceInfo'

describe('sourceInfo', () => {
  it('reads MLflow source tags and links the commit into the repository', () => {
    const rows = sourceInfo([
      { name: 'mlflow.source.name', value: 'train.py' },
      { name: 'mlflow.source.git.commit', value: 'abc123' },
      { name: 'mlflow.source.git.repoURL', value: 'https://gitlab.example.com/ml/vision.git' },
      { name: 'mlflow.source.type', value: 'LOCAL' },
      { name: 'team', value: 'vision' },
    ])
    expect(rows).toEqual([
      { label: 'Source type', value: 'LOCAL', href: null },
      { label: 'Source', value: 'train.py', href: null },
      { label: 'Git commit', value: 'abc123', href: 'https://gitlab.example.com/ml/vision/commit/abc123' },
      { label: 'Git repository', value: 'https://gitlab.example.com/ml/vision.git', href: 'https://gitlab.example.com/ml/vision.git' },
    ])
  })

  it('links GitLab CI jobs, pipelines and merge requests through the project URL', () => {
    const rows = sourceInfo([
      { name: 'gitlab.CI_JOB_ID', value: '42' },
      { name: 'gitlab.CI_PROJECT_URL', value: 'https://gitlab.example.com/ml/vision' },
      { name: 'gitlab.CI_PIPELINE_ID', value: '7' },
      { name: 'gitlab.CI_JOB_NAME', value: 'train' },
    ])
    expect(rows.map((r) => [r.label, r.href])).toEqual([
      ['CI_JOB_ID', 'https://gitlab.example.com/ml/vision/-/jobs/42'],
      ['CI_JOB_NAME', null],
      ['CI_PIPELINE_ID', 'https://gitlab.example.com/ml/vision/-/pipelines/7'],
      ['CI_PROJECT_URL', 'https://gitlab.example.com/ml/vision'],
    ])
  })

  it('never links anything but http(s)', () => {
    expect(httpUrl('javascript:alert(1)')).toBeNull()
    expect(httpUrl('file:///etc/passwd')).toBeNull()
    const rows = sourceInfo([
      { name: 'mlflow.source.git.repoURL', value: 'javascript:alert(1)' },
      { name: 'mlflow.source.git.commit', value: 'abc' },
    ])
    expect(rows.every((r) => r.href === null)).toBe(true)
  })

  it('is empty without source tags', () => {
    expect(sourceInfo([{ name: 'team', value: 'x' }])).toEqual([])
  })
})
