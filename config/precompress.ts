import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Compiler } from 'webpack'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/**
 * Writes `<file>.br` and `<file>.gz` beside each text asset of the H5 build over 1 KiB, compressed
 * once at their strongest; the local gateway serves them with Content-Encoding to clients that accept
 * them (local/gateway.ts). The files the budgets count (`*.js`) are unchanged.
 */
export class PrecompressPlugin {
  apply(compiler: Compiler) {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER, additionalAssets: true },
        async (assets) => {
          await Promise.all(
            Object.keys(assets)
              .filter((name) => /\.(js|css|html|svg|json)$/.test(name))
              .map(async (name) => {
                const source = compilation.getAsset(name)?.source.buffer()
                if (!source || source.length < 1024) return
                const [br, gz] = await Promise.all([
                  brotli(source, {
                    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length },
                  }),
                  gzip(source, { level: 9 }),
                ])
                compilation.emitAsset(`${name}.br`, new sources.RawSource(br), { compressed: true })
                compilation.emitAsset(`${name}.gz`, new sources.RawSource(gz), { compressed: true })
              }),
          )
        },
      )
    })
  }
}
