// Types of glossa-client.js for its Node test (test/connector/extension-client.test.ts; not in the built extension).
export const DEFAULT_PORT: number
export class GlossaError extends Error {
  kind: 'no-permission' | 'not-running' | 'refused' | 'impostor' | 'error'
}
export type Settings = { key: string; port: number }
export function loadSettings(): Promise<Settings>
export function saveSettings(settings: Partial<Settings>): Promise<void>
export function forgetKey(): Promise<void>
export function pair(settings: { port: number }, code: string): Promise<{ key: string }>
export function info(settings: Settings): Promise<unknown>
export function savePage(settings: Settings, page: { html: string; url?: string }): Promise<unknown>
export function openArticle(settings: Settings, id: string): Promise<unknown>
