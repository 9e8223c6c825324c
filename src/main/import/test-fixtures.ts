// Tests only: the saved pages and notes in test/fixtures/import/, read as bytes or text.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const DIR = fileURLToPath(new URL('../../../test/fixtures/import/', import.meta.url))

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(DIR + name)
}

export function fixtureText(name: string): string {
  return readFileSync(DIR + name, 'utf8')
}

export type XssPayload = { name: string; html: string }

export function xssPayloads(): XssPayload[] {
  return JSON.parse(fixtureText('xss-payloads.json')) as XssPayload[]
}
