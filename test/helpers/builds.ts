// The production builds some tests read, and the built cloud functions. Tests never build them: `npm
// test` (scripts/test.mjs) builds any that is missing (the functions also when stale) before jest
// starts, and a bare `npx jest` fails here naming the one to make.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')
const BUILDS = {
  weapp: { dir: 'dist', marker: 'app.json' },
  h5: { dir: 'dist-h5', marker: 'index.html' },
}

/** The build's folder, or an error naming the missing build and the command that makes it. */
export function builtApp(type: keyof typeof BUILDS): string {
  const { dir, marker } = BUILDS[type]
  const folder = path.join(ROOT, dir)
  if (!existsSync(path.join(folder, marker))) {
    throw new Error(`${dir}/ is missing: run \`npm run build:${type}\` first (npm test builds it when missing)`)
  }
  return folder
}

/** build/functions, the deployable bundles (the cloud-mode tests run them on the emulator). */
export function builtFunctions(): string {
  const folder = path.join(ROOT, 'build', 'functions')
  if (!existsSync(path.join(folder, 'accounts', 'index.js'))) {
    throw new Error('build/functions/ is missing: run `npm run build:functions` first (npm test builds it when missing or stale)')
  }
  return folder
}

/**
 * The 订阅消息 setting (REDGRID_SUBSCRIBE_TEMPLATES) the tests build the weapp with and run the functions
 * with: the environment's, else test/helpers/subscribe-templates.json (scripts/test.mjs does the same).
 */
export function testSubscribeTemplates(): string {
  return (
    process.env.REDGRID_SUBSCRIBE_TEMPLATES ??
    JSON.stringify(JSON.parse(readFileSync(path.join(__dirname, 'subscribe-templates.json'), 'utf8')))
  )
}
