// Renderer: the only caller of the contract. Uses Electron's preload bridge when present, otherwise browser
// mode's HTTP bridge with the token handed over in the URL fragment.
import type { AppEvent, BridgeApi, ChosenPdfResult } from '../../shared/bridge'
import { METHOD_NAMES } from '../../shared/contract'
import type { ApiClient, MethodName } from '../../shared/contract'
import type { ErrorCode, Result } from '../../shared/types'

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- only an interface can extend Window
  interface Window {
    api?: BridgeApi
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

type Transport = (method: MethodName, args: unknown) => Promise<Result<unknown>>

function takeToken(): string {
  const match = /token=([^&]+)/.exec(window.location.hash)
  if (match) {
    sessionStorage.setItem('glossa-token', match[1])
    // Keep the secret out of the address bar and history once it is stored for this tab.
    history.replaceState(null, '', window.location.pathname + window.location.search)
  }
  return sessionStorage.getItem('glossa-token') ?? ''
}

function httpTransport(): Transport {
  let token = takeToken()
  // The address of a restarted `glossa serve` pasted into this tab changes only the fragment (the page is not
  // loaded again): its token replaces the old one, so changes still waiting to be saved reach the archive.
  window.addEventListener('hashchange', () => (token = takeToken()))
  return async (method, args) => {
    const body = JSON.stringify(args ?? {})
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
      // An annotation saved as the page goes away (a reload, a closed tab) still reaches the archive.
      // Chromium allows 64 KB of such requests in flight, so only small annotation calls ask for it.
      keepalive: method.startsWith('annotations.') && body.length < 16_000,
    }).catch(() => {
      // The browser says only "Failed to fetch": in plain words, what happened.
      throw new Error('Glossa cannot be reached (is glossa serve still running?)')
    })
    try {
      return (await res.json()) as Result<unknown>
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: `The server answered ${res.status} without JSON.` },
      }
    }
  }
}

function bridgeTransport(bridge: BridgeApi): Transport {
  return (method, args) => (bridge[method] as (a: unknown) => Promise<Result<unknown>>)(args)
}

const transport: Transport = window.api ? bridgeTransport(window.api) : httpTransport()

export const isBrowserMode = !window.api

/** Subscribes to an app event (menu items, archive changes); browser mode has none. Returns the unsubscribe. */
export const onAppEvent = (event: AppEvent, listener: () => void): (() => void) =>
  window.api?.on?.(event, listener) ?? (() => {})

/**
 * Electron only: imports a PDF the researcher chose or dropped from its path on disk (main reads it), for files
 * too large to send as bytes. Undefined in browser mode, where a page never learns a file's path.
 */
export const importChosenPdf = window.api?.importChosenPdf
  ? async (file: File, password?: string): Promise<ChosenPdfResult> => {
      const result = await window.api!.importChosenPdf!(file, password)
      if (!result.ok) throw new ApiError(result.error.code, result.error.message)
      return result.value
    }
  : undefined

export const api = Object.fromEntries(
  METHOD_NAMES.map((method) => [
    method,
    async (args: unknown) => {
      const result = await transport(method, args)
      if (!result.ok) throw new ApiError(result.error.code, result.error.message)
      return result.value
    },
  ]),
) as ApiClient
