#!/usr/bin/env node
// Model accuracy: replays every numeric case of bench/accuracy/public-measurements.json through the built
// `kafka-sizer capacity` and prints case, predicted (range), measured, error %, binding resource.
// `--write-docs` also regenerates docs/accuracy.md. Run `npm run build` first.
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {ROOT, scoreAll, summarize} from './accuracy/run.mjs'
import {renderDoc, renderTable} from './accuracy/doc.mjs'

const rows = scoreAll()
const summary = summarize(rows)
console.log(renderTable(rows))
console.log()
console.log(
  `scored ${summary.scored} cases: median |error| ${(summary.medianAbsError * 100).toFixed(1)} %, worst ${(summary.maxAbsError * 100).toFixed(1)} % (${summary.worst}), measured inside the range for ${(summary.inRangeShare * 100).toFixed(0)} %`,
)
if (process.argv.includes('--write-docs')) {
  const file = path.join(ROOT, 'docs/accuracy.md')
  writeFileSync(file, renderDoc(rows, summary))
  console.log(`wrote ${path.relative(process.cwd(), file)}`)
}
