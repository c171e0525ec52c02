import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import { FirstScreenPlugin } from './first-screen'
import { PrecompressPlugin } from './precompress'
import prodConfig from './prod'

// The shared wire contract lives outside sourceRoot; Taro only runs babel on src/ unless told.
const sharedTypes = path.resolve(__dirname, '..', 'types')

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'redgrid',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // design tokens and mixins (variables and mixins only) in front of every SCSS file
    sass: { resource: ['tokens.scss', 'mixins.scss'].map((f) => path.resolve(__dirname, '..', 'src', 'styles', f)) },
    outputRoot: process.env.TARO_ENV === 'h5' ? 'dist-h5' : process.argv.includes('native-components') ? 'dist-native' : 'dist',
    plugins: [],
    // Build-time settings read by src/services/transport.ts (always defined, so no `process` at runtime).
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      // 订阅消息 template ids: the one setting the functions read too (types/subscribe.ts, src/services/subscribe.ts)
      TARO_APP_SUBSCRIBE_TEMPLATES: JSON.stringify(process.env.REDGRID_SUBSCRIBE_TEMPLATES ?? ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: true,
    },
    mini: {
      compile: { include: [sharedTypes] },
      // move modules used only by subpackages out of the main package
      optimizeMainPackage: { enable: true },
      // component styles are class-scoped, so chunk order does not matter
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      // Taro's React components (@tarojs/components-react: View is a <div>, Input an <input>) instead of
      // the Stencil web components, which upgrade and draw themselves in frames of their own after React's:
      // less work on the first screen (bench/README.md, "The first load on a phone"). Textarea and the
      // tab bar are still web components (patches/@tarojs+components+4.2.1.patch).
      useHtmlComponents: true,
      compile: { include: [sharedTypes] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // rem root grows with the screen up to 24px, so staff screens stay readable on a desktop
        pxtransform: { enable: true, config: { maxRootSize: 24 } },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // pages load lazily in H5; share their common modules (Taro components, our components)
        // instead of copying them into every page chunk (Taro's default splits initial chunks only)
        const split = chain.optimization.get('splitChunks')
        chain.optimization.splitChunks({
          ...split,
          chunks: 'all',
          cacheGroups: {
            ...split.cacheGroups,
            // our modules used by several pages go in one chunk, not dozens of 1 KB ones: on a phone's
            // network every file is a round trip (six at a time over HTTP/1.1), and the first screen
            // fetched ~50 files (bench/README.md, "lighthouse")
            common: { ...split.cacheGroups.common, name: 'common' },
          },
        })
        // no page uses <Swiper>: keep its 43 KB (gzipped) library out of the H5 JavaScript
        chain.resolve.alias.set('swiper/bundle$', path.resolve(__dirname, 'stubs', 'no-swiper.js'))
        // a quiet build log: the sizes that matter are checked against their budgets (test/budgets.test.ts),
        // not webpack's generic 244 KiB hint (printed three times by Taro's loggers); the persistent
        // cache's notes ("No serializer registered…", "Restoring failed…") are not the reader's business
        chain.performance.hints(false)
        chain.set('infrastructureLogging', { level: 'error' })
        // brotli and gzip copies of the build's text files, served by the local gateway
        if (process.env.NODE_ENV !== 'development') chain.plugin('precompress').use(PrecompressPlugin)
        // the first screen's files load with the entry's; signed out, the app opens on the sign-in page
        chain
          .plugin('first-screen')
          .use(FirstScreenPlugin, [{ start: 'pages/index/index', signIn: 'pages/login/index', sessionKey: 'redgrid.auth' }])
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
