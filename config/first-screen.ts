import type { Chunk, Compilation, Compiler, Module } from 'webpack'

/**
 * A line of script at the top of the H5 build's index.html that starts the first screen's files
 * loading with the entry's, instead of after it has run (entry → page → sign-in page was a round trip
 * each on a phone's network): the start page's chunks when a session is stored; when none is, the
 * sign-in page's — and the app opens on the sign-in page straight away, where the start page would
 * only have sent it (hooks/useMe) after loading and drawing itself. A link to any other page preloads
 * what every page shares.
 */
export class FirstScreenPlugin {
  constructor(private readonly pages: { start: string; signIn: string; sessionKey: string }) {}

  apply(compiler: Compiler) {
    const { Compilation } = compiler.webpack
    compiler.hooks.thisCompilation.tap('FirstScreenPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        // after html-webpack-plugin writes index.html (OPTIMIZE_INLINE), before it is compressed
        { name: 'FirstScreenPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE + 1 },
        () => {
          const html = compilation.getAsset('index.html')
          if (!html) return
          const { start, signIn, sessionKey } = this.pages
          const publicPath = String(compilation.outputOptions.publicPath ?? '/')
          const files = (page: string) =>
            filesOfPage(compilation, page).map((f) => [f.endsWith('.css') ? 'style' : 'script', publicPath + f])
          const startFiles = files(start)
          const signInFiles = files(signIn)
          if (startFiles.length === 0 || signInFiles.length === 0) {
            compilation.warnings.push(new compiler.webpack.WebpackError(`FirstScreenPlugin: no chunks found for ${start} or ${signIn}`))
          }
          const shared = startFiles.filter(([, f]) => signInFiles.some(([, g]) => g === f))
          const script = `<script>(function(){var t=null;try{t=JSON.parse(localStorage.getItem(${JSON.stringify(sessionKey)})||'null')}catch(e){}
var signedIn=!!(t&&t.data&&t.data.token),h=location.hash.split('?')[0],atStart=h===''||h==='#'||h==='#/'||h===${JSON.stringify(`#/${start}`)};
if(atStart&&!signedIn)history.replaceState(history.state,'',location.pathname+location.search+${JSON.stringify(`#/${signIn}`)});
(atStart?signedIn?${JSON.stringify(startFiles)}:${JSON.stringify(signInFiles)}:${JSON.stringify(shared)}).forEach(function(p){var l=document.createElement('link');l.rel='preload';l.as=p[0];l.href=p[1];document.head.appendChild(l)})})()</script>`
          // before the stylesheet: a script after one waits for it to load
          const text = html.source.source().toString()
          const at = text.indexOf('</title>') + '</title>'.length
          compilation.updateAsset('index.html', new compiler.webpack.sources.RawSource(text.slice(0, at) + script + text.slice(at)))
        },
      )
    })
  }
}

/** The JS and CSS files of the async chunk group that holds `page` (e.g. "pages/index/index"), not those already in the entry. */
function filesOfPage(compilation: Compilation, page: string): string[] {
  const { chunkGraph } = compilation
  const isPage = (m: Module): boolean => {
    const name = m.nameForCondition?.() ?? ''
    if (
      /[\\/]src[\\/]/.test(name) &&
      name
        .replace(/\\/g, '/')
        .replace(/\.[jt]sx?$/, '')
        .endsWith(`/src/${page}`)
    )
      return true
    const inner = (m as Module & { modules?: Module[] }).modules
    return !!inner?.some(isPage)
  }
  const home = [...compilation.chunks].find((c) => [...chunkGraph.getChunkModulesIterable(c)].some(isPage))
  if (!home) return []
  const chunks = new Set<Chunk>()
  for (const group of home.groupsIterable) for (const c of group.chunks) if (!c.canBeInitial()) chunks.add(c)
  return [...chunks]
    .flatMap((c) => [...c.files].filter((f) => /\.(js|css)$/.test(f)))
    .sort((a, b) => (a.endsWith('.css') ? -1 : 0) - (b.endsWith('.css') ? -1 : 0))
}
