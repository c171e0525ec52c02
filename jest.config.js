// Jest 30 + @swc/jest (type-checking is `npm run typecheck`). Node tests by default; the
// mini-program tests (miniprogram-simulate) need jsdom and live under test/miniprogram/.
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
]

const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/', '/dist/', '/dist-native/'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/dist-h5/', '/dist-native/', '/build/'],
  moduleNameMapper: {
    '^@shared/(.*)$': '<rootDir>/types/$1',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
}

const fs = require('node:fs')
const path = require('node:path')
const hasMiniprogramTests = fs.existsSync(path.join(__dirname, 'test/miniprogram'))

/** @type {import('jest').Config} */
module.exports = {
  // after the summary, every skipped test by name: its title says what it needs
  reporters: ['default', '<rootDir>/test/helpers/skip-reporter.cjs'],
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '/test/miniprogram/', '/test/e2e/'],
    },
    hasMiniprogramTests && {
      ...common,
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/miniprogram'],
      testMatch: ['**/*.test.ts'],
    },
  ].filter(Boolean),
}
