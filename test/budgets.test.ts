// Size budgets (never timings): H5 JavaScript the browser downloads, gzipped. The weapp package
// budgets live with the build tests in test/miniprogram/, the function bundles' in test/cloud/.
import { h5Sizes } from '../bench/sizes'
import { builtApp } from './helpers/builds'

const KB = 1024

it('keeps the H5 JavaScript within 300 KB gzipped', () => {
  const { raw, gzip, files } = h5Sizes(builtApp('h5'))
  console.log(`H5 JS: ${files} files, ${(raw / KB).toFixed(1)} KiB raw, ${(gzip / KB).toFixed(1)} KiB gzipped (budget 300 KiB)`)
  expect(files).toBeGreaterThan(0)
  expect(gzip).toBeLessThanOrEqual(300 * KB)
})
