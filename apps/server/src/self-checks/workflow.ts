import type { SelfCheckStatus } from '@yardstick/db'
import { AppError } from '../http/errors'

/**
 * The self-check's steps: 支委会审议通过 (approve) from draft, 通报 (announce) from approved,
 * 上报 (submit) from announced. There is no way back: a submitted self-check is a stored,
 * immutable response.
 *
 * @example
 * SELF_CHECK_STEPS.submit // { from: 'announced', to: 'submitted' }
 */
export const SELF_CHECK_STEPS = {
  approve: { from: 'draft', to: 'approved' },
  announce: { from: 'approved', to: 'announced' },
  submit: { from: 'announced', to: 'submitted' },
} as const satisfies Record<string, { from: SelfCheckStatus; to: SelfCheckStatus }>
export type SelfCheckStep = keyof typeof SELF_CHECK_STEPS

const LABELS: Record<SelfCheckStatus, string> = {
  draft: '草稿',
  approved: '支委会审议通过',
  announced: '已通报',
  submitted: '已上报',
}

/** Throws 409 `invalidTransition` naming from and to unless `step` may be taken from `status`. */
export function assertStep(status: SelfCheckStatus, step: SelfCheckStep): void {
  const { from, to } = SELF_CHECK_STEPS[step]
  if (status === from) return
  throw new AppError(
    'invalidTransition',
    `A self-check that is ${status} (${LABELS[status]}) cannot become ${to} (${LABELS[to]}): ` +
      `only a ${from} one can`,
    { from: status, to, requires: from },
  )
}

/** Throws 409 `invalidTransition` unless the answers may still change (draft only). */
export function assertEditable(status: SelfCheckStatus): void {
  if (status === 'draft') return
  throw new AppError(
    'invalidTransition',
    `A self-check that is ${status} (${LABELS[status]}) is frozen: answers change only in draft`,
    { from: status, to: 'draft', requires: 'draft' },
  )
}
