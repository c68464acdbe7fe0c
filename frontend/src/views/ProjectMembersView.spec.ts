import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ProjectMembersView from './ProjectMembersView.vue'
import { fakeGraphQL } from '@/test/fixtures'
import { testRouter } from '@/test/router'
import { useCurrentUser } from '@/composables/useCurrentUser'
import { sortMembers } from '@/utils/members'

const member = (username: string, accessLevel: string) => ({ accessLevel, user: { id: `u-${username}`, username, name: username.toUpperCase() } })
const members = [member('bob', 'DEVELOPER'), member('ada', 'MAINTAINER')]

async function mountView(level: string, extra: Parameters<typeof fakeGraphQL>[0] = {}) {
  useCurrentUser().set({ id: 'u-ada', username: 'ada', name: 'Ada', isAdmin: false })
  const fake = fakeGraphQL({
    ProjectMembers: () => ({ data: { project: { id: 'p', fullPath: 'team/vision', name: 'Vision', currentUserAccessLevel: level, members } } }),
    ...extra,
  })
  vi.stubGlobal('fetch', fake.fetch)
  const router = await testRouter('/team/vision/-/project_members')
  const wrapper = mount(ProjectMembersView, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, fake }
}
const project = (list: unknown[]) => ({ __typename: 'Project', id: 'p', members: list })
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('ProjectMembersView', () => {
  it('sorts members by role, highest first', () => {
    expect(sortMembers(members as Parameters<typeof sortMembers>[0]).map((m) => m.user.username)).toEqual(['ada', 'bob'])
  })

  it('hides the controls from non-maintainers', async () => {
    const { wrapper } = await mountView('DEVELOPER')
    expect(wrapper.findAll('[data-testid="member-row"]')).toHaveLength(2)
    expect(wrapper.find('[data-testid="add-member"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="member-role-select"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="remove-member"]').exists()).toBe(false)
  })

  it('adds a member by username with a role', async () => {
    const { wrapper, fake } = await mountView('MAINTAINER', {
      AddProjectMember: () => ({ data: { addProjectMember: project([...members, member('cy', 'REPORTER')]) } }),
    })
    await wrapper.find('[data-testid="member-username"]').setValue('@cy')
    await wrapper.find('[data-testid="member-role"]').setValue('REPORTER')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(fake.calls.find((c) => c.query.includes('mutation AddProjectMember'))!.variables.input).toEqual({ projectPath: 'team/vision', username: 'cy', accessLevel: 'REPORTER' })
    expect(wrapper.findAll('[data-testid="member-row"]')).toHaveLength(3)
  })

  it('changes a role and shows a refusal inline', async () => {
    const { wrapper, fake } = await mountView('MAINTAINER', {
      UpdateProjectMember: () => ({ data: { updateProjectMember: { __typename: 'InvalidStateError', message: 'A project needs an owner' } } }),
    })
    await wrapper.findAll('[data-testid="member-role-select"]')[1]!.setValue('GUEST')
    await flushPromises()
    expect(fake.calls.find((c) => c.query.includes('mutation UpdateProjectMember'))!.variables.input).toEqual({ projectPath: 'team/vision', username: 'bob', accessLevel: 'GUEST' })
    expect(wrapper.find('[data-testid="member-error"]').text()).toBe('A project needs an owner')
    expect((wrapper.findAll('[data-testid="member-role-select"]')[1]!.element as HTMLSelectElement).value).toBe('DEVELOPER')
  })

  it('removes a member after confirmation', async () => {
    const { wrapper, fake } = await mountView('OWNER', {
      RemoveProjectMember: () => ({ data: { removeProjectMember: project([members[1]]) } }),
    })
    await wrapper.findAll('[data-testid="remove-member"]')[1]!.trigger('click')
    await wrapper.find('[data-testid="confirm-button"]').trigger('click')
    await flushPromises()
    expect(fake.calls.find((c) => c.query.includes('mutation RemoveProjectMember'))!.variables.input).toEqual({ projectPath: 'team/vision', username: 'bob' })
    expect(wrapper.findAll('[data-testid="member-row"]')).toHaveLength(1)
  })

  it('shows the load error', async () => {
    const { wrapper } = await mountView('MAINTAINER', { ProjectMembers: () => ({ data: null, errors: [{ message: 'down' }] }) })
    expect(wrapper.text()).toContain('down')
  })
})
