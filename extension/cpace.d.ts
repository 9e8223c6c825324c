// Types of cpace.js, for the app (src/main/connector/signature.ts) and the tests (not in the built extension).
export const concat: (...parts: Uint8Array[]) => Uint8Array
export const lvCat: (...parts: Uint8Array[]) => Uint8Array
export function calculateGenerator(
  prs: Uint8Array,
  ci: Uint8Array,
  sid: Uint8Array,
): Promise<{ toBytes: () => Uint8Array }>
export function sampleScalar(random?: Uint8Array): bigint
export function scalarMultVfy(y: bigint, encoded: Uint8Array): Uint8Array | undefined
export type Agreed = { ourTag: string; theirTagIs: (tag: unknown) => Promise<boolean> }
export function startCpace(input: {
  prs: Uint8Array
  ci: Uint8Array
  sid: Uint8Array
  initiator: boolean
  ad?: Uint8Array
  random?: Uint8Array
}): Promise<{
  share: Uint8Array
  finish: (
    theirShare: Uint8Array,
    theirAd?: Uint8Array,
  ) => Promise<(Agreed & { isk: Uint8Array }) | undefined>
}>
export function pairingRun(input: {
  code: string
  host: string
  sid: Uint8Array
  initiator: boolean
  random?: Uint8Array
}): Promise<{
  share: Uint8Array
  finish: (theirShare: Uint8Array) => Promise<(Agreed & { key: string }) | undefined>
}>
