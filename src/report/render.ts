// Renders the report data model with a Liquid template (liquidjs): the built-in templates/report.<format>.liquid
// or a user's --template. HTML output escapes every {{ }} by default (`| raw` opts out, as the charts do);
// Markdown output is not HTML-escaped (a separate engine). Unknown fields and filters are errors, reported
// as <template>:<line>:<col>: <what> (exit 2).
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Liquid as LiquidEngine} from 'liquidjs'
import {InputError, UserError} from '../lib/errors.js'
import {ioReason} from '../lib/io-errors.js'
import {formatBytes, formatCount, formatDuration, formatNumber, formatPercent, formatRate} from '../units/format.js'
import {mdCell, mdText, mermaidChart} from './markdown.js'
import {svgChart} from './svg.js'
import type {Chart, ReportData} from './types.js'

export type ReportFormat = 'md' | 'html'

/** The built-in templates' directory (templates/ beside dist/ and src/). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url))

export function builtinTemplate(format: ReportFormat): string {
  return path.join(TEMPLATES_DIR, `report.${format}.liquid`)
}

const asNumber = (v: unknown) => (typeof v === 'number' ? v : Number(v))

async function engine(format: ReportFormat, dir: string): Promise<LiquidEngine> {
  const {Liquid} = await import('liquidjs')
  const liquid = new Liquid({
    root: [dir, TEMPLATES_DIR],
    partials: [dir, TEMPLATES_DIR],
    extname: '.liquid',
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    cache: false,
    ...(format === 'html' ? {outputEscape: 'escape' as const} : {}),
  })
  liquid.registerFilter('bytes', (v: unknown) => formatBytes(asNumber(v)))
  liquid.registerFilter('bytes_binary', (v: unknown) => formatBytes(asNumber(v), {binary: true}))
  liquid.registerFilter('rate', (v: unknown) => formatRate(asNumber(v)))
  liquid.registerFilter('percent', (v: unknown) => formatPercent(asNumber(v)))
  liquid.registerFilter('duration', (v: unknown) => formatDuration(asNumber(v)))
  liquid.registerFilter('count', (v: unknown) => formatCount(asNumber(v)))
  liquid.registerFilter('number', (v: unknown) => formatNumber(asNumber(v)))
  liquid.registerFilter('svg_chart', (c: Chart) => svgChart(c))
  liquid.registerFilter('mermaid_chart', (c: Chart) => mermaidChart(c))
  liquid.registerFilter('md_cell', (v: unknown) => mdCell(v))
  liquid.registerFilter('md_text', (v: unknown) => mdText(v))
  return liquid
}

/** Renders `data` with the built-in template for `format`, or with `templatePath`. */
export async function renderReport(data: ReportData, format: ReportFormat, templatePath?: string): Promise<string> {
  const file = templatePath === undefined ? builtinTemplate(format) : path.resolve(templatePath)
  const shown = templatePath === undefined ? file : templatePath
  let source: string
  try {
    source = await readFile(file, 'utf8')
  } catch (error) {
    throw new UserError(`--template: ${shown}: ${ioReason(error)}`, {suggestions: ['start from the built-in template: templates/report.' + format + '.liquid']})
  }
  const liquid = await engine(format, path.dirname(file))
  try {
    const template = liquid.parse(source, file)
    return await liquid.render(template, {report: data})
  } catch (error) {
    throw templateError(error, file, shown)
  }
}

interface LiquidErrorLike extends Error {
  token?: {file?: string; getPosition?: () => [number, number]}
  originalError?: Error
}

/** A Liquid error as `<template>:<line>:<col>: <what>`, naming the partial when the error is in one. */
export function templateError(error: unknown, file: string, shown: string): Error {
  const e = error as LiquidErrorLike
  if (!e || typeof e.message !== 'string' || !e.token?.getPosition) return error as Error
  const [line, col] = e.token.getPosition()
  const where = e.token.file && path.resolve(e.token.file) !== file ? path.relative(process.cwd(), e.token.file) : shown
  const what = e.message.replace(/, (file:\S+, )?line:\d+, col:\d+$/, '').replace(/\s+/g, ' ').trim()
  const unknown = /undefined (variable|filter)/.test(what)
  return new InputError(
    `${where}:${line}:${col}`,
    what,
    unknown ? 'only fields of the report data model (README "Templates and the report data model": `report.summary.brokers`, …) and the documented filters' : 'a valid Liquid template (https://liquidjs.com)',
  )
}
