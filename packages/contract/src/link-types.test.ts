import type { QuizReviewItem as SdkQuizReviewItem } from '@yardstick/sdk'
import type {
  LinkError,
  LinkTimeLimit as SdkLinkTimeLimit,
  LinkView as SdkLinkView,
} from '@yardstick/sdk/link'
import { describe, expect, it } from 'vitest'
import type { ErrorBody } from './errors'
import type { LinkTimeLimit, LinkView, QuizReviewItem } from './links'

// The SDK's link client is zod-free (published, and in the embed), so its types are written by
// hand; these checks tie them to the contract at compile time: `pnpm typecheck` fails on drift.
type Assignable<A, B> = [A] extends [B] ? true : false
type Mutual<A, B> = Assignable<A, B> extends true ? Assignable<B, A> : false

describe('the SDK link client’s types are the contract’s', () => {
  it('reads the same link view, countdown and quiz review as the server sends', () => {
    const view: Mutual<LinkView, SdkLinkView> = true
    const timeLimit: Mutual<LinkTimeLimit, SdkLinkTimeLimit> = true
    const review: Mutual<QuizReviewItem, SdkQuizReviewItem> = true
    expect([view, timeLimit, review]).toEqual([true, true, true])
  })

  it('carries every error body the server sends as a LinkError', () => {
    const error: Assignable<ErrorBody['error'], Omit<LinkError, 'status'>> = true
    expect(error).toBe(true)
  })
})
