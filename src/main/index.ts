// Electron main process: the window, its security settings and the archive. Thin by design; the logic lives
// in service.ts and src/shared, which browser mode and the tests exercise without Electron.
import { CHOSEN_PDF_CHANNEL, eventChannel } from '../shared/bridge'
import { electronApp, is, optimizer } from '@electron-toolkit/utils'
import {
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  app,
  dialog,
  ipcMain,
  nativeImage,
  powerMonitor,
  session,
  shell,
  utilityProcess,
} from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { isSafeExternalUrl } from '../shared/url-safety'
import { afterLastWindowClosed, trayContent, trayIconSize } from './background-mode'
import type { Handlers } from '../shared/contract'
import { ROWS_FROM, readRows } from './archive/catalog-rows'
import { readHead } from './archive/library-head'
import { earlyService } from './early-service'
import { registerIpc } from './ipc'
import { installMenu } from './menu'
import { openArchive, resolveArchiveDir, startHousekeeping } from './open-archive'
import { Importer } from './importer'
import { ConnectorAccess, startBrowserConnector } from './connector'
import { chosenPdfHandler, importOpened, openablePaths } from './open-files'
import { processExporter } from './export/job'
import { setFigureIndexBuilder } from './figures/figure-index'
import { processParser } from './jobs/parse-service'
import type { JobProcess } from './jobs/job-process'
import { SearchIndex, processBuilder } from './search'
import { createService } from './service'
import { wakeLiveSync } from './handlers/sync'
import { safeStorageBox } from './sync/safe-storage'
import { TeamSecrets } from './sync/team-secret'

/** A job process (index build, export, page parsing) as a utilityProcess: its work and memory stay out of here. */
function utilityJob(worker: string, execArgv: string[] = []): JobProcess {
  const child = utilityProcess.fork(join(__dirname, worker), [], {
    serviceName: `Glossa ${worker}`,
    stdio: 'inherit',
    execArgv,
  })
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code) => listener(`exit code ${code}`)),
    kill: () => void child.kill(),
  }
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const archiveDir = resolveArchiveDir(argValue('--archive'), join(app.getPath('userData'), 'archive'))
/** `--connector-port N` as for `glossa serve` (0: any free port); otherwise the extension's default port. */
const connectorPort = Number(argValue('--connector-port') ?? Number.NaN)
const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources')
const rendererIndex = join(__dirname, '../renderer/index.html')
let mainWindow: BrowserWindow | null = null

function isOwnFrame(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? ''
  if (is.dev && process.env.ELECTRON_RENDERER_URL) return url.startsWith(process.env.ELECTRON_RENDERER_URL)
  return url.startsWith(pathToFileURL(rendererIndex).href)
}

function createWindow(hash?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'Glossa',
    icon: join(resourcesDir, 'icon.png'),
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click would open links in new windows; Glossa opens links only through setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  win.on('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event, url) => {
    event.preventDefault()
    if (isSafeExternalUrl(url)) void shell.openExternal(url)
  })
  if (is.dev && process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void win.loadFile(rendererIndex, hash ? { hash } : undefined)
  return win
}

/**
 * Brings the window up, making a new one if it was closed (the app may run on without it, in the tray);
 * `hash` opens a route, e.g. an article saved from the browser.
 */
function showWindow(hash?: string): BrowserWindow {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createWindow(hash) // shown once it is ready to show
    return mainWindow
  }
  // A new fragment is a same-document navigation: useRoute's hashchange opens the article.
  if (hash) void mainWindow.loadFile(rendererIndex, { hash })
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
  return mainWindow
}

/** The tray icon the app keeps while it runs without a window: Open Glossa, Quit Glossa; said once. */
function createTray(port: number | undefined): Tray {
  const content = trayContent(port)
  const size = trayIconSize(process.platform)
  const icon = nativeImage.createFromPath(join(resourcesDir, 'icon.png'))
  const tray = new Tray(icon.resize({ width: size, height: size }))
  const open = () => void showWindow()
  tray.setToolTip(content.tooltip)
  tray.setContextMenu(
    Menu.buildFromTemplate(
      content.items.map((item) => ({
        label: item.label,
        click: item.id === 'open' ? open : () => app.quit(),
      })),
    ),
  )
  tray.on('click', open) // Windows and some Linux panels: a click on the icon opens the window
  if (Notification.isSupported()) new Notification({ ...content.notice, icon }).show()
  return tray
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  await app.whenReady()
  electronApp.setAppUserModelId('org.glossa.app')
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  app.on('browser-window-created', (_, window) => optimizer.watchWindowShortcuts(window))
  const trustKeyFile = join(app.getPath('userData'), 'catalog-trust.key')
  // The window comes up while the archive opens: the library's first rows from its head (library-head.ts),
  // every other call waiting for the archive (early-service.ts). The head is read first: beside the catalog's
  // load, its few reads waited behind it.
  const read = await readHead(archiveDir, trustKeyFile)
  const { head } = read
  const opening = openArchive(archiveDir, join(resourcesDir, 'samples'), 'Glossa desktop app', trustKeyFile)
  opening.catch(() => {})
  let serviceReady: (service: Handlers) => void = () => {}
  let serviceFailed: (err: unknown) => void = () => {}
  const ready = new Promise<Handlers>((resolve, reject) => {
    serviceReady = resolve
    serviceFailed = reject
  })
  ready.catch(() => {})
  // Other sorts and filters from the library's rows cache (catalog-rows.ts) until the catalog is in.
  const rows = async () =>
    read.head && read.head.total >= ROWS_FROM
      ? (await readRows(archiveDir, trustKeyFile, read.fingerprint)).rows
      : null
  registerIpc(earlyService(ready, head, rows), isOwnFrame)
  if (head) mainWindow = createWindow()
  const archive = await opening.catch((err: unknown) => {
    serviceFailed(err)
    throw err
  })
  startHousekeeping(archive)
  const importer = new Importer(
    archive,
    undefined,
    processParser((execArgv) => utilityJob('parse-worker.js', execArgv)),
  )
  const openFiles = async (paths: string[]) => {
    if (!paths.length) return
    for (const line of await importOpened(importer, paths)) console.log(line)
    mainWindow?.webContents.send(eventChannel('archive.changed'))
  }
  app.on('second-instance', (_event, argv) => {
    // Starting Glossa again brings its window back, also when it runs on in the tray with none.
    showWindow()
    void openFiles(openablePaths(argv.slice(1)))
  })
  app.on('open-file', (event, path) => {
    event.preventDefault()
    void openFiles([path])
  })
  const search = SearchIndex.open(archive, {
    builder: processBuilder(() => utilityJob('search-worker.js')),
    answerWhileBuilding: true,
  })
  const exporter = processExporter((execArgv) => utilityJob('export-worker.js', execArgv))
  // The figures index, when it must be built from every annotations file, is built by the same job worker.
  setFigureIndexBuilder(archive, () => utilityJob('export-worker.js'))
  // Paired browsers are kept in the app's folder, beside the trust key, never in the archive (a copy carries none).
  const connector = new ConnectorAccess({ archiveDir: archive.dir, userDir: app.getPath('userData') })
  serviceReady(
    createService({
      archive,
      version: app.getVersion(),
      importer,
      search,
      exporter,
      connector,
      // Team sync (src/main/sync/): one sync per utilityProcess, like an export.
      syncJob: () => utilityJob('sync-worker.js'),
      // The team password, encrypted by the system keychain, in the app's folder (never the archive).
      teamSecrets: new TeamSecrets(join(app.getPath('userData'), 'team-passwords'), safeStorageBox()),
    }),
  )
  // A PDF over 20 MB chosen in the Import dialog or dropped: read here from the path the preload took off the File.
  const importChosen = chosenPdfHandler(importer)
  ipcMain.handle(CHOSEN_PDF_CHANNEL, (event, args: unknown) =>
    isOwnFrame(event)
      ? importChosen(args)
      : {
          ok: false,
          error: { code: 'unauthorized', message: 'Calls are accepted only from Glossa’s own window.' },
        },
  )
  // The browser extension saves through 127.0.0.1 while the app runs, even with its window closed.
  const browser = startBrowserConnector({
    archive,
    importer,
    access: connector,
    version: app.getVersion(),
    ...(Number.isInteger(connectorPort) && connectorPort >= 0 && connectorPort <= 65535
      ? { port: connectorPort }
      : {}),
    onSaved: () => mainWindow?.webContents.send(eventChannel('archive.changed')),
    // "Saved to Glossa → Open in Glossa": the window comes up on the article, made anew if it was closed.
    open: (id) => {
      showWindow(`/article/${id}`)
      return true
    },
  })
  // The last window closed: quit, or run on (the tray) while a paired browser can still save.
  let tray: Tray | null = null
  app.on('window-all-closed', () => {
    void (async () => {
      const running = await browser
      const pairedBrowsers = await connector.list().then(
        (list) => list.length,
        () => 0,
      )
      const next = afterLastWindowClosed({
        platform: process.platform,
        connectorListening: connector.status.listening,
        pairedBrowsers,
      })
      if (next === 'quit') app.quit()
      else if (next === 'tray' && !tray) tray = createTray(running?.port)
    })()
  })
  app.on('before-quit', () => {
    importer.parser.close()
    void browser.then((running) => running?.close())
    void Promise.all([search.then((index) => index.flush()), archive.flush()])
  })
  // Live team sync tries at once when the computer wakes (src/main/sync/live.ts).
  powerMonitor.on('resume', wakeLiveSync)
  installMenu(() => mainWindow)
  mainWindow ??= createWindow()
  // Made early (the head was there), the window may have finished loading already.
  const openArgv = () => void openFiles(openablePaths(process.argv.slice(1)))
  if (mainWindow.webContents.isLoading()) mainWindow.webContents.once('did-finish-load', openArgv)
  else openArgv()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow()
  })
}

main().catch((err: unknown) => {
  console.error('Glossa could not start:', err)
  dialog.showErrorBox('Glossa could not open your archive', err instanceof Error ? err.message : String(err))
  app.exit(1)
})
