// The emulator as a process: `node --import tsx tools/tcb-emulator/main.ts [--port 9580] [--data dir]
// [--plan collections.json] [--prefix p] [--env id] [--latency ms] [--functions dir] [--auto-create]
// [--download-base url]`.
// Prints one JSON line `{"event":"ready","url":…}` when it listens; stops on SIGTERM or SIGINT.
import { parseArgs } from 'node:util'
import { functionEnv } from './env'
import { Emulator } from './server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9580' },
    data: { type: 'string' },
    plan: { type: 'string' },
    prefix: { type: 'string' },
    env: { type: 'string' },
    latency: { type: 'string' },
    functions: { type: 'string' },
    'auto-create': { type: 'boolean', default: false },
    'tx-lifetime': { type: 'string' },
    /** Base of storage download links; '' (--download-base=) makes them paths for a front server. */
    'download-base': { type: 'string' },
    /** Exit when standard input closes: a spawned emulator never outlives its parent. */
    'exit-with-stdin': { type: 'boolean', default: false },
  },
})

async function main() {
  const emulator = new Emulator({
    port: Number(values.port),
    dataDir: values.data,
    plan: values.plan,
    prefix: values.prefix,
    envId: values.env,
    latencyMs: values.latency ? Number(values.latency) : 0,
    functionsDir: values.functions,
    autoCreateCollections: values['auto-create'],
    txLifetimeMs: values['tx-lifetime'] ? Number(values['tx-lifetime']) : undefined,
    downloadBase: values['download-base'],
  })
  const url = await emulator.listen()
  // functions loaded into this process reach back here through their SDKs' own settings
  Object.assign(process.env, { ...functionEnv(url, emulator.envId), ...pick(process.env) })
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await emulator.close()
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  if (values['exit-with-stdin']) {
    process.stdin.on('end', stop)
    process.stdin.on('close', stop)
    process.stdin.resume()
  }
  process.stdout.write(`${JSON.stringify({ event: 'ready', url, envId: emulator.envId, appId: emulator.appId, pid: process.pid })}\n`)
}

/** Variables already set win over the emulator's defaults. */
function pick(env: NodeJS.ProcessEnv): Record<string, string> {
  const keys = Object.keys(functionEnv('', ''))
  return Object.fromEntries(keys.filter((k) => env[k] !== undefined).map((k) => [k, env[k] as string]))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
