#!/usr/bin/env node
// Development entry: runs the TypeScript sources without a build (needs a TypeScript loader such as tsx).
const argv = process.argv.slice(2)
if ((process.env.NO_COLOR ?? '') !== '' || argv.includes('--no-color') || argv.includes('--json') || process.env.TERM === 'dumb') {
  process.env.FORCE_COLOR = '0'
}
const {execute} = await import('@oclif/core')
await execute({development: true, dir: import.meta.url})
