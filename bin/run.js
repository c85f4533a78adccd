#!/usr/bin/env node
// Colour off switch, in one place and before any rendering module loads: chalk 5 ignores NO_COLOR and
// cli-table3 colours pipes (style.md §1.3).
const argv = process.argv.slice(2)
if ((process.env.NO_COLOR ?? '') !== '' || argv.includes('--no-color') || argv.includes('--json') || process.env.TERM === 'dumb') {
  process.env.FORCE_COLOR = '0'
}
const {execute} = await import('@oclif/core')
await execute({dir: import.meta.url})
