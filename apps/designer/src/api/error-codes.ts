// The contract's one table of error codes is the designer's too: a type-only import (erased from
// the bundle), so a code added there without a sentence here fails the designer's typecheck.
import type { ErrorCode } from '@yardstick/contract'

/**
 * Every code an `ApiError` may carry that the designer names in words: the server's codes
 * (`ERROR_STATUS` in packages/contract/src/error-codes.ts) and the client's own `network`.
 *
 * @example
 * const code: ApiErrorCode = 'notFound'
 */
export type ApiErrorCode = ErrorCode | 'network'
