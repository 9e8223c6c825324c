// Types of glossa-protocol.js for the connector's TypeScript tests, which sign with the extension's own code
// (not copied into the built extension: scripts/build-extension.mjs).
export const hex: (bytes: ArrayBuffer | Uint8Array) => string
export const freshNonce: () => string
export const keyOfToken: (token: string) => Promise<string>
export const keyId: (key: string) => Promise<string>
export const normalizeCode: (code: string) => string
export const texts: {
  hello: (host: string, ourNonce: string, appNonce: string) => string
  request: (
    fields: Record<'method' | 'host' | 'path' | 'time' | 'nonce' | 'session' | 'bodyHash', string>,
  ) => string
}
export function startPairing(input: { code: string; host: string }): Promise<{
  body: { sid: string; share: string }
  confirm: (
    answer: unknown,
  ) => Promise<
    | { body: { sid: string; proof: string }; finish: (reply: unknown) => Promise<string | undefined> }
    | undefined
  >
}>
export function helloProven(key: string, host: string, ourNonce: string, answer: unknown): Promise<boolean>
export function signRequest(input: {
  key: string
  host: string
  path: string
  session: string
  body: string
  method?: string
  now?: number
}): Promise<Record<string, string>>
