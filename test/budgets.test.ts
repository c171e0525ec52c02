// Size budgets (never timings): H5 JavaScript the browser downloads, gzipped. The weapp package
// budgets live with the build tests in test/miniprogram/, the function bundles' in test/cloud/.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { h5Sizes } from '../bench/sizes'

const ROOT = path.resolve(__dirname, '..')
const KB = 1024

beforeAll(() => {
  if (existsSync(path.join(ROOT, 'dist-h5', 'index.html'))) return
  const built = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (built.status !== 0) throw new Error(`the H5 build failed:\n${built.stdout}\n${built.stderr}`)
}, 300_000)

it('keeps the H5 JavaScript within 300 KB gzipped', () => {
  const { raw, gzip, files } = h5Sizes(path.join(ROOT, 'dist-h5'))
  console.log(`H5 JS: ${files} files, ${(raw / KB).toFixed(1)} KiB raw, ${(gzip / KB).toFixed(1)} KiB gzipped (budget 300 KiB)`)
  expect(files).toBeGreaterThan(0)
  expect(gzip).toBeLessThanOrEqual(300 * KB)
})
