// How `npm start` / `npm run serve` starts, decided from the environment before anything listens:
// demo mode is a demo — loopback only unless REDGRID_DEMO=1 says otherwise, loudly — and a server with
// demo off seeds nothing and prints a one-time setup link while it has no community.

export interface StartPlan {
  port: number
  host: string
  demo: boolean
  /** Why the server will not start, if it will not. */
  refusal?: string
  /** Printed before listening. */
  notices: string[]
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/

export const isLoopback = (host: string) => LOOPBACK.test(host)

export function startPlan(env: Record<string, string | undefined>): StartPlan {
  const port = Number(env.PORT ?? 8080)
  const demoFlag = env.REDGRID_DEMO
  const demo = demoFlag !== '0'
  const host = env.HOST || '127.0.0.1'
  const notices: string[] = []
  if (demo && !isLoopback(host)) {
    if (demoFlag !== '1') {
      return {
        port,
        host,
        demo,
        notices,
        refusal: [
          `[redgrid] 拒绝启动：演示模式不能在 ${host} 上对网络开放。演示模式下任何人都能以任一演示用户登录、拨动测试时钟。`,
          `[redgrid] refusing to start: demo mode on HOST=${host} would let anyone on the network sign in as any demo user and move the clock.`,
          '[redgrid]   自建社区 / to self-host:      REDGRID_DEMO=0 HOST=' + host + ' npm start',
          '[redgrid]   确需在网络上演示 / to demo on a network anyway: REDGRID_DEMO=1 HOST=' + host + ' npm start',
        ].join('\n'),
      }
    }
    notices.push(
      [
        '[redgrid] ****************************************************************************',
        `[redgrid] 警告：演示模式正在 ${host} 上对网络开放（REDGRID_DEMO=1）。`,
        '[redgrid] 能访问这台机器的任何人都能以任一演示用户登录、拨动测试时钟。不要放真实数据。',
        `[redgrid] WARNING: demo mode is open to the network on ${host} (REDGRID_DEMO=1): anyone who can`,
        '[redgrid] reach it can sign in as any demo user and move the test clock. Keep real data out.',
        '[redgrid] ****************************************************************************',
      ].join('\n'),
    )
  } else if (demo) {
    notices.push(
      `[redgrid] 演示模式：只在本机 ${host} 上监听，演示用户人人可登录 / demo mode: listening on loopback only (${host}); anyone here can sign in as a demo user. Self-hosting: REDGRID_DEMO=0`,
    )
  } else if (isLoopback(host)) {
    notices.push(
      `[redgrid] 只在本机 ${host} 上监听；放在反向代理之后请设置 TRUST_PROXY=1，直接对网络开放请设置 HOST=0.0.0.0 / listening on loopback (${host}): behind a reverse proxy set TRUST_PROXY=1; to listen on the network set HOST=0.0.0.0`,
    )
  }
  return { port, host, demo, notices }
}

/** The lines that hand the first admin their setup link (shown once per start while no community exists). */
export function setupNotice(link: string, expiresAt: number): string {
  return [
    '[redgrid] ----------------------------------------------------------------------------',
    '[redgrid] 还没有社区。请社区管理员在浏览器中打开下面的一次性链接，创建社区和管理员账号：',
    '[redgrid] No community yet. The first admin opens this one-time link to create the community and their account:',
    `[redgrid]   ${link}`,
    `[redgrid] 链接 ${new Date(expiresAt).toISOString()} 前有效，只能用一次；重启服务会给出新的链接。`,
    `[redgrid] It works once, until ${new Date(expiresAt).toISOString()}; each start prints a new one until the community exists.`,
    '[redgrid] ----------------------------------------------------------------------------',
  ].join('\n')
}
