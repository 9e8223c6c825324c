// Tests and e2e: the one typed client every test calls the service through, in process (service-harness.ts)
// or over browser mode's HTTP bridge (e2e/glossa.ts). A misspelled method, a wrong argument or a wrong
// guess at the result's type fails to compile.
import type { ArgsOf, MethodName, ResultOf } from '../src/shared/contract'

export type Call = <M extends MethodName>(method: M, args: ArgsOf<M>) => Promise<ResultOf<M>>

/** Sends anything: only for tests of what the service does with a bad name or bad arguments. */
export type UncheckedCall = (method: string, args: unknown) => Promise<unknown>

/** The typed client over a transport that throws the service's error (with its `code`) on a refusal. */
export const typedCall = (send: UncheckedCall): Call => send as Call
