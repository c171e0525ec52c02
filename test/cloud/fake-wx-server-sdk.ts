// Built by the bundle test into a throw-away node_modules/wx-server-sdk. Test-only.
export const DYNAMIC_CURRENT_ENV = Symbol.for('DYNAMIC_CURRENT_ENV')
export const __fake = { inits: 0, checks: [] as Array<Record<string, unknown>> }

export function init(config: { env?: unknown }) {
  if (config.env !== DYNAMIC_CURRENT_ENV) throw new Error('expected the dynamic current env')
  __fake.inits += 1
}

const refuse = async () => {
  throw Object.assign(new Error('not stubbed'), { errCode: -1 })
}

export const openapi = {
  security: {
    async msgSecCheck(p: Record<string, unknown>) {
      __fake.checks.push(p)
      return {
        errCode: 0,
        errMsg: 'ok',
        traceId: 't',
        result: { suggest: String(p.content).includes('违禁') ? 'risky' : 'pass', label: 100 },
      }
    },
    mediaCheckAsync: refuse,
  },
  subscribeMessage: { send: refuse },
  phonenumber: { getPhoneNumber: refuse },
}
