import type { UserConfigExport } from '@tarojs/cli'

export default {
  // in a log (not a terminal) webpackbar prints plain lines instead of redrawing a progress bar
  logger: { quiet: !process.stdout.isTTY, stats: false },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
