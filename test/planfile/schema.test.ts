// The committed JSON Schema must equal the one generated from the zod definition, so that it never goes
// stale. To regenerate it after changing src/planfile/schema.ts:
//   UPDATE_SCHEMA=1 npx vitest run test/planfile/schema.test.ts
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {planFileJsonSchema} from '../../src/planfile/read.js'
import {root} from '../helpers/run-command.js'

const SCHEMA_FILE = path.join(root, 'templates', 'kafka-sizer-plan.schema.json')

describe('templates/kafka-sizer-plan.schema.json', () => {
  const generated = `${JSON.stringify(planFileJsonSchema(), null, 2)}\n`

  it('equals the schema generated from src/planfile/schema.ts (regenerate: UPDATE_SCHEMA=1 npx vitest run test/planfile/schema.test.ts)', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated)
    let committed = ''
    try {
      committed = readFileSync(SCHEMA_FILE, 'utf8')
    } catch {
      // missing: the assertion below says how to create it
    }
    expect(committed, `${SCHEMA_FILE} is stale or missing: regenerate it with UPDATE_SCHEMA=1 npx vitest run test/planfile/schema.test.ts`).toBe(generated)
  })

  it('describes the format: title, required keys, strict mappings, quantities as text with units', () => {
    const schema = planFileJsonSchema() as {
      title: string
      description: string
      required: string[]
      additionalProperties: boolean
      properties: {topics: {items: {required: string[]; additionalProperties: boolean; properties: Record<string, {description?: string; type?: string[]}>}}}
    }
    expect(schema.title).toBe('kafka-sizer cluster plan')
    expect(schema.description).toMatch(/MB = 10\^6 B, MiB = 2\^20 B/)
    expect(schema.required).toEqual(['version', 'topics'])
    expect(Object.keys((schema as unknown as {properties: object}).properties)).toEqual(['$schema', 'version', 'cluster', 'topics'])
    expect(schema.additionalProperties).toBe(false)
    const topic = schema.properties.topics.items
    expect(topic.required).toEqual(['name'])
    expect(topic.additionalProperties).toBe(false)
    expect(topic.properties.throughput!.type).toEqual(['string', 'number'])
    expect(topic.properties.throughput!.description).toMatch(/"20 MB\/s".*"10k msg\/s"/)
    expect(topic.properties.retention!.description).toMatch(/"7d"/)
  })
})
