// Runs everywhere: the one list of methods the renderer may call, each with the zod schema of its argument
// object and of its result. IPC, the preload, the HTTP bridge and the renderer client are all built from it.
// The methods are written in three groups: contract-library.ts, contract-reading.ts, contract-organising.ts.
import type { z } from 'zod'
import { libraryMethods } from './contract-library'
import { organisingMethods } from './contract-organising'
import { readingMethods } from './contract-reading'

export const contract = { ...libraryMethods, ...readingMethods, ...organisingMethods }

export type Contract = typeof contract
export type MethodName = keyof Contract
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>
export type ResultOf<M extends MethodName> = z.output<Contract[M]['result']>

/** Every method's name, read off the contract: a name is written once, as its key above. */
export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/** What the main process implements: one async function per method, taking validated arguments. */
export type Handlers = { [M in MethodName]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>> }

/** What the renderer calls: the same methods, errors crossing as values (Signal style). */
export type ApiClient = { [M in MethodName]: (args: ArgsOf<M>) => Promise<ResultOf<M>> }
