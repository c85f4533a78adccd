import {describe, expect, it} from 'vitest'
import {isCoveredByRule} from '../../../src/check/inputs/plan-cross-checks.js'

describe('plan-file cross-checks in check: which problems a rule already reports', () => {
  it('leaves to the rules what they report with their own ids', () => {
    expect(isCoveredByRule({path: ['topics', 1, 'name'], message: '"a" is already the name of topics[0] (line 3); topic names must be unique'})).toBe(true)
    expect(isCoveredByRule({path: ['topics', 0, 'minInsyncReplicas'], message: '4 is greater than replicationFactor 3: …'})).toBe(true)
    expect(isCoveredByRule({path: ['topics', 0, 'replicationFactor'], message: '3 replicas need 3 brokers, but cluster.brokers is 2'})).toBe(true)
    expect(isCoveredByRule({path: ['cluster', 'brokers'], message: '2 broker(s) cannot host the 3 replicas of topic "a"'})).toBe(true)
    expect(isCoveredByRule({path: ['topics', 0, 'localRetention'], message: '30 d is longer than retention (7 d); …'})).toBe(true)
    expect(isCoveredByRule({path: ['cluster', 'hardware'], message: 'no hardware profile named "x"'})).toBe(true)
    expect(isCoveredByRule({path: ['topics', 0], message: 'topic "a" has no workload rate; …'})).toBe(true)
  })

  it('keeps what no rule reports, including a covered path with another message', () => {
    expect(isCoveredByRule({path: ['cluster', 'failurePolicy'], message: 'survive-one-az needs at least 2 availability zones'})).toBe(false)
    expect(isCoveredByRule({path: ['topics', 0, 'consumerGroups', 1, 'name'], message: '"g" is already the name of consumerGroups[0]'})).toBe(false)
    expect(isCoveredByRule({path: ['topics', 0, 'compressionRatio'], message: 'is given without a codec'})).toBe(false)
    expect(isCoveredByRule({path: ['topics', 0, 'minInsyncReplicas'], message: 'some future check'})).toBe(false)
  })
})
