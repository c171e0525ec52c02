// How the server starts (local/startup.ts): demo mode is a demo, on loopback unless told otherwise;
// and the short links people are sent lead to their pages.
import { startPlan } from '../../local/startup'
import { openHttpHarness } from '../helpers/local'

describe('the start plan', () => {
  it.each([
    [{}, '127.0.0.1', true, false],
    [{ HOST: '127.0.0.2' }, '127.0.0.2', true, false],
    [{ HOST: '::1' }, '::1', true, false],
    [{ HOST: '0.0.0.0' }, '0.0.0.0', true, true],
    [{ HOST: '192.168.1.20', REDGRID_DEMO: '1' }, '192.168.1.20', true, false],
    [{ HOST: '0.0.0.0', REDGRID_DEMO: '0' }, '0.0.0.0', false, false],
    [{ REDGRID_DEMO: '0' }, '127.0.0.1', false, false],
  ])('%j → listens on %s, demo %s, refused %s', (env, host, demo, refused) => {
    const plan = startPlan(env)
    expect([plan.host, plan.demo, Boolean(plan.refusal)]).toEqual([host, demo, refused])
  })

  it('warns loudly when demo mode is opened to the network on purpose', () => {
    expect(startPlan({ HOST: '0.0.0.0', REDGRID_DEMO: '1' }).notices.join('\n')).toMatch(/WARNING[\s\S]*REDGRID_DEMO=1/)
  })
})

describe('short links', () => {
  it('send /setup and /invite to their pages, and nothing else', async () => {
    const h = await openHttpHarness()
    try {
      const token = 'A'.repeat(43)
      const go = (p: string) => fetch(`${h.url}${p}`, { redirect: 'manual' })
      const setup = await go(`/setup?token=${token}`)
      expect([setup.status, setup.headers.get('location')]).toEqual([302, `/#/account/setup/index?token=${token}`])
      const invite = await go(`/invite?token=${token}`)
      expect([invite.status, invite.headers.get('location')]).toEqual([302, `/#/account/accept/index?token=${token}`])
      expect((await go('/invite?token=<script>')).status).toBe(404)
    } finally {
      h.close()
    }
  })
})
