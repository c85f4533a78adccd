// Consumer lag arithmetic (sizing-model §6): what an outage leaves behind and how long it takes to clear.

export interface ConsumerLagInput {
  messagesPerSec: number
  outageMs: number
  /** How long data stays on the cluster. */
  retentionMs: number
  /** One consumer instance's processing rate (undefined: unknown, catch-up time not computed). */
  consumerMessagesPerSec?: number
  /** Instances that get partitions: min(group size, partitions). */
  activeConsumers: number
}

export interface ConsumerLag {
  outageMs: number
  backlogMessages: number
  /** The group's full speed, messages/s (undefined when the per-instance rate is unknown). */
  groupCapacityMessagesPerSec?: number
  /** Time to drain the backlog while new messages keep arriving; Infinity = never catches up. */
  catchUpMs?: number
  /** The outage outlasts retention: the oldest unread data is deleted before the group returns. */
  dataLost: boolean
}

export function consumerLag(input: ConsumerLagInput): ConsumerLag {
  const backlog = (input.messagesPerSec * input.outageMs) / 1000
  const result: ConsumerLag = {
    outageMs: input.outageMs,
    backlogMessages: backlog,
    dataLost: input.outageMs > input.retentionMs,
  }
  if (input.consumerMessagesPerSec !== undefined) {
    const capacity = input.consumerMessagesPerSec * input.activeConsumers
    result.groupCapacityMessagesPerSec = capacity
    const spare = capacity - input.messagesPerSec
    result.catchUpMs = spare > 0 ? (backlog / spare) * 1000 : Infinity
  }
  return result
}
