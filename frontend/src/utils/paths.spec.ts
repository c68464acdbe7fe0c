import { describe, expect, it } from 'vitest'
import { parseIds, paths, safeRedirect } from './paths'

describe('paths', () => {
  it('mirrors GitLab URLs, nested project paths included', () => {
    expect(paths.experiments('group/sub/proj')).toBe('/group/sub/proj/-/ml/experiments')
    expect(paths.candidate('default', 7)).toBe('/default/-/ml/candidates/7')
    expect(paths.compare('default', 3, [1, 2])).toBe('/default/-/ml/experiments/3/candidates/compare?ids=1,2')
  })
  it('carries the page to return to after sign in', () => {
    expect(paths.signIn('/default/-/ml/experiments?search=a')).toBe(
      '/users/sign_in?redirect=%2Fdefault%2F-%2Fml%2Fexperiments%3Fsearch%3Da',
    )
    expect(paths.signIn('/')).toBe('/users/sign_in')
  })
  it('follows only same-site redirects', () => {
    expect(safeRedirect('/default/-/ml/experiments')).toBe('/default/-/ml/experiments')
    expect(safeRedirect('//evil.example')).toBe('/')
    expect(safeRedirect('https://evil.example')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
  })
  it('parses candidate ids, dropping junk and duplicates', () => {
    expect(parseIds('3, 1,x,3,,-2,4.5')).toEqual([3, 1])
  })
})
