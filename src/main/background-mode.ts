// Main process: what the desktop app does when its last window closes. While the browser connector listens and
// a browser is paired, the app keeps running (the extension saves with the window closed) with a tray icon to
// open the window again or quit; with nothing to serve it quits. Pure, so it is tested without Electron.

export type LastWindowClosed = {
  platform: string
  /** The connector's server is up (a port taken by another program leaves it down). */
  connectorListening: boolean
  /** Browsers paired with this archive: with none, nothing could save while the window is closed. */
  pairedBrowsers: number
}

/**
 * 'tray': keep running, with a tray icon (Open Glossa / Quit). 'keep-running': macOS's way, the app stays in the
 * Dock without a window (and the connector with it). 'quit': nothing needs the app without its window.
 */
export type AfterLastWindow = 'tray' | 'keep-running' | 'quit'

export function afterLastWindowClosed(state: LastWindowClosed): AfterLastWindow {
  if (state.platform === 'darwin') return 'keep-running'
  if (state.connectorListening && state.pairedBrowsers > 0) return 'tray'
  return 'quit'
}

export type TrayItem = { id: 'open' | 'quit'; label: string }

/** The tray icon's menu, its tooltip and the one notice given the first time the window closes into it. */
export function trayContent(port: number | undefined): {
  tooltip: string
  items: TrayItem[]
  notice: { title: string; body: string }
} {
  const where = port ? ` on 127.0.0.1:${port}` : ''
  return {
    tooltip: `Glossa is running: the browser extension can save${where}`,
    items: [
      { id: 'open', label: 'Open Glossa' },
      { id: 'quit', label: 'Quit Glossa' },
    ],
    notice: {
      title: 'Glossa is still running',
      body: 'The browser extension can save pages while the window is closed. Open or quit Glossa from its icon in the tray.',
    },
  }
}

/** Tray icons are drawn at 16 px on Windows and 22 px on Linux desktops (GNOME, KDE panels). */
export const trayIconSize = (platform: string): number => (platform === 'win32' ? 16 : 22)
