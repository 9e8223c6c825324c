// Electron main process: the window, its security settings and the archive. Thin by design; the logic lives
// in service.ts and src/shared, which browser mode and the tests exercise without Electron.
import { eventChannel } from '../shared/bridge'
import { electronApp, is, optimizer } from '@electron-toolkit/utils'
import { BrowserWindow, app, dialog, session, shell, utilityProcess } from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { isSafeExternalUrl } from '../shared/url-safety'
import { registerIpc } from './ipc'
import { installMenu } from './menu'
import { openArchive, resolveArchiveDir, startHousekeeping } from './open-archive'
import { Importer } from './importer'
import { ConnectorAccess, startBrowserConnector } from './connector'
import { importOpened, openablePaths } from './open-files'
import { processExporter } from './export/job'
import { processParser } from './jobs/parse-service'
import type { JobProcess } from './jobs/job-process'
import { SearchIndex, processBuilder } from './search'
import { createService } from './service'

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
const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources')
const rendererIndex = join(__dirname, '../renderer/index.html')
let mainWindow: BrowserWindow | null = null

function isOwnFrame(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? ''
  if (is.dev && process.env.ELECTRON_RENDERER_URL) return url.startsWith(process.env.ELECTRON_RENDERER_URL)
  return url.startsWith(pathToFileURL(rendererIndex).href)
}

function createWindow(): BrowserWindow {
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
  else void win.loadFile(rendererIndex)
  return win
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
  const archive = await openArchive(archiveDir, join(resourcesDir, 'samples'), 'Glossa desktop app')
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
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
    void openFiles(openablePaths(argv.slice(1)))
  })
  app.on('open-file', (event, path) => {
    event.preventDefault()
    void openFiles([path])
  })
  const search = SearchIndex.open(archive, { builder: processBuilder(() => utilityJob('search-worker.js')) })
  const exporter = processExporter(() => utilityJob('export-worker.js'))
  const connector = new ConnectorAccess(archive.dir)
  registerIpc(
    createService({
      archive,
      version: app.getVersion(),
      importer,
      search,
      exporter,
      connector,
      // Team sync (src/main/sync/): one sync per utilityProcess, like an export.
      syncJob: () => utilityJob('sync-worker.js'),
    }),
    isOwnFrame,
  )
  // The browser extension saves through 127.0.0.1 while the app runs, even with its window closed.
  const browser = startBrowserConnector({
    archive,
    importer,
    access: connector,
    version: app.getVersion(),
    onSaved: () => mainWindow?.webContents.send(eventChannel('archive.changed')),
    open: (id) => {
      if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createWindow()
      // A new fragment is a same-document navigation: useRoute's hashchange opens the article.
      void mainWindow.loadFile(rendererIndex, { hash: `/article/${id}` })
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.show()
      mainWindow.focus()
      return true
    },
  })
  app.on('before-quit', () => {
    importer.parser.close()
    void browser.then((running) => running?.close())
    void Promise.all([search.then((index) => index.flush()), archive.flush()])
  })
  installMenu(() => mainWindow)
  mainWindow = createWindow()
  mainWindow.webContents.once('did-finish-load', () => void openFiles(openablePaths(process.argv.slice(1))))
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

main().catch((err: unknown) => {
  console.error('Glossa could not start:', err)
  dialog.showErrorBox('Glossa could not open your archive', err instanceof Error ? err.message : String(err))
  app.exit(1)
})
