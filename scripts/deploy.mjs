// npm run deploy — builds the functions and deploys them with the CloudBase CLI (`tcb`), reading
// cloudbaserc.json. The CLI is not a project dependency: install it once with `npm i -g @cloudbase/cli`
// and sign in with `tcb login` (or set TCB_SECRET_ID / TCB_SECRET_KEY for `tcb login --apiKeyId`).
// Needs TCB_ENV_ID (environment or .env). Options: --only <fn,fn>, --dry-run (print the commands).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const dryRun = args.includes('--dry-run')
const onlyAt = args.indexOf('--only')
const only = onlyAt >= 0 ? args[onlyAt + 1].split(',') : null

/** KEY=value lines of .env, without overriding the environment. */
function loadDotEnv() {
  const file = path.join(root, '.env')
  if (!existsSync(file)) return
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line)
    if (m && process.env[m[1]] === undefined) process.env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2')
  }
}

loadDotEnv()
const envId = process.env.TCB_ENV_ID
if (!envId && !dryRun) {
  console.error('TCB_ENV_ID is not set (environment or .env): the CloudBase environment to deploy to')
  process.exit(1)
}
const config = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8'))
const names = config.functions.map((f) => f.name).filter((n) => !only || only.includes(n))

const run = (cmd, argv) => {
  console.log(`$ ${[cmd, ...argv].join(' ')}`)
  if (dryRun) return
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: process.env })
  if (r.error?.code === 'ENOENT') {
    console.error(`\`${cmd}\` not found: install the CloudBase CLI with \`npm i -g @cloudbase/cli\`, then \`tcb login\``)
    process.exit(1)
  }
  if (r.status !== 0) process.exit(r.status ?? 1)
}

run(process.execPath, ['scripts/build-functions.mjs'])
for (const name of names) run('tcb', ['fn', 'deploy', name, '-e', envId ?? '<TCB_ENV_ID>', '--force'])
// timers are declared in cloudbaserc.json; deploy them explicitly so a changed schedule lands too
for (const f of config.functions.filter((f) => f.triggers?.length && names.includes(f.name))) {
  run('tcb', ['fn', 'trigger', 'create', f.name, '-e', envId ?? '<TCB_ENV_ID>'])
}
if (!dryRun) {
  try {
    execFileSync('tcb', ['fn', 'list', '-e', envId], { cwd: root, stdio: 'inherit' })
  } catch {
    // listing is a courtesy
  }
}
