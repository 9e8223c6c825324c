import { describe, expect, test } from 'vitest'
import { afterLastWindowClosed, trayContent, trayIconSize } from './background-mode'

describe('after the last window closes', () => {
  const paired = { connectorListening: true, pairedBrowsers: 1 }

  test('Linux and Windows keep running in the tray while a paired browser can save', () => {
    expect(afterLastWindowClosed({ platform: 'linux', ...paired })).toBe('tray')
    expect(afterLastWindowClosed({ platform: 'win32', ...paired, pairedBrowsers: 3 })).toBe('tray')
  })

  test('they quit when no browser is paired: nothing could save with the window closed', () => {
    expect(afterLastWindowClosed({ platform: 'linux', ...paired, pairedBrowsers: 0 })).toBe('quit')
    expect(afterLastWindowClosed({ platform: 'win32', ...paired, pairedBrowsers: 0 })).toBe('quit')
  })

  test('they quit when the connector is not listening (its port taken by another program)', () => {
    expect(afterLastWindowClosed({ platform: 'linux', ...paired, connectorListening: false })).toBe('quit')
    expect(afterLastWindowClosed({ platform: 'win32', ...paired, connectorListening: false })).toBe('quit')
  })

  test('macOS keeps the app running without a window, connector or not', () => {
    expect(afterLastWindowClosed({ platform: 'darwin', ...paired })).toBe('keep-running')
    expect(afterLastWindowClosed({ platform: 'darwin', connectorListening: false, pairedBrowsers: 0 })).toBe(
      'keep-running',
    )
  })
})

describe('the tray', () => {
  test('offers Open Glossa and Quit, and says where the extension saves', () => {
    const tray = trayContent(21787)
    expect(tray.items).toEqual([
      { id: 'open', label: 'Open Glossa' },
      { id: 'quit', label: 'Quit Glossa' },
    ])
    expect(tray.tooltip).toBe('Glossa is running: the browser extension can save on 127.0.0.1:21787')
    expect(tray.notice.body).toMatch(/while the window is closed/)
    expect(trayContent(undefined).tooltip).toBe('Glossa is running: the browser extension can save')
  })

  test('icon sizes per platform', () => {
    expect(trayIconSize('win32')).toBe(16)
    expect(trayIconSize('linux')).toBe(22)
  })
})
