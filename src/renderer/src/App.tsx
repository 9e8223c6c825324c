// Renderer: the window — library on the left; the open article, the Figures view or the Tags manager on
// the right; import on top.
import { Suspense, lazy, useCallback, useEffect, useState } from 'react'
import { api, onAppEvent } from './api'
import { whenIdle } from './idle'
import type ReaderPaneType from './views/ReaderPane'

// Loaded on first use: the library's first rows do not wait for the reader, figure detection or dialogs.
const BackupsDialog = lazy(() => import('./components/BackupsDialog'))
const ConnectorDialog = lazy(() => import('./components/ConnectorDialog'))
const TeamDialog = lazy(() => import('./components/TeamDialog'))
const ExportDialog = lazy(() => import('./components/ExportDialog'))
const ImportDialog = lazy(() => import('./components/ImportDialog'))
const FiguresView = lazy(() => import('./views/FiguresView'))
// The reader is what opens next: its code is fetched once the library's rows are on screen and the page is
// idle (at once when the app starts on an article), so it never competes with the list, and rendered once
// loaded rather than through Suspense, whose reveal throttle would add 300 ms to each opening.
type ReaderComponent = typeof ReaderPaneType
let readerModule: Promise<{ default: ReaderComponent }> | null = null
const loadReader = () => (readerModule ??= import('./views/ReaderPane'))

function useReader(needed: boolean, libraryShown: boolean): ReaderComponent | null {
  const [reader, setReader] = useState<ReaderComponent | null>(null)
  useEffect(() => {
    let live = true
    const load = () => void loadReader().then((m) => live && setReader(() => m.default))
    if (needed) load()
    if (!needed && !libraryShown) return
    const cancelIdle = whenIdle(load, 200)
    return () => {
      live = false
      cancelIdle()
    }
  }, [needed, libraryShown])
  return reader
}
const TagsView = lazy(() => import('./views/TagsView'))
import ProblemsBanner from './components/ProblemsBanner'
import SearchResults from './components/SearchResults'
import type { ScopeChoice } from './components/ExportDialog'
import Toast from './components/Toast'
import type { ToastMessage } from './components/Toast'
import { appInfo } from './hooks/archive-info'
import { useCollections } from './hooks/useCollections'
import { useDropAndPaste } from './hooks/useDropAndPaste'
import { useImport } from './hooks/useImport'
import { filterArgs, useLibraryPages } from './hooks/useLibraryPages'
import { useMediaQuery } from './hooks/useMediaQuery'
import { useRoute } from './hooks/useRoute'
import { useSearch } from './hooks/useSearch'
import { useTags } from './hooks/useTags'
import type { LibraryFilter, LibrarySort } from './library/library-filter'
import LibraryPane from './views/LibraryPane'
import { clearDraft, newCollectionDraftKey, readDraft } from './reader/drafts'

export default function App() {
  // The library's rows come a page at a time, filtered and sorted by the main process; a reload (the archive
  // changed) asks again for the rows in view.
  const [filter, setFilter] = useState<LibraryFilter>({})
  const [sort, setSort] = useState<LibrarySort>('added')
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  const rows = useLibraryPages(filter, sort, generation)
  const error = rows.error
  // Tags, collections and what opening the archive found are not on the first screen: asked for once the
  // library's rows are drawn, so they do not compete with the list for the page's main thread.
  const listed = rows.total !== null || error !== null
  const { tags, refresh: refreshTags } = useTags(listed)
  const { collections, refresh: refreshCollections } = useCollections(listed)
  const [route, go] = useRoute()
  const ReaderPane = useReader(route.view === 'library' && !!route.articleId, rows.total !== null)
  const [importing, setImporting] = useState(false)
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const [query, setQuery] = useState('')
  const search = useSearch(query)
  const [problems, setProblems] = useState<{ file?: string; message: string }[]>([])
  const [backups, setBackups] = useState(false)
  const [connector, setConnector] = useState(false)
  const [team, setTeam] = useState(false)
  const [exporting, setExportDialog] = useState<{
    scope: ScopeChoice
    selection: string[]
    filtered: string[]
  } | null>(null)
  // The dialog offers "the articles in the library list": their ids are asked of the main process first.
  const setExporting = (open: { scope: ScopeChoice; selection: string[] } | null) => {
    if (!open) return setExportDialog(null)
    rows.allIds().then(
      (filtered) => setExportDialog({ ...open, filtered }),
      () => setExportDialog({ ...open, filtered: [] }),
    )
  }
  const { run, start, single, unlock, cancel, reset } = useImport(reload)
  // Below 900 px an open article takes the whole window; the library comes over it on demand
  // (styles.css, .app.reading).
  const narrow = useMediaQuery('(max-width: 899px)')
  const [libraryOpen, setLibraryOpen] = useState(false)
  const select = useCallback(
    (id: string | null) => {
      setLibraryOpen(false)
      go({ view: 'library', articleId: id })
    },
    [go],
  )
  const refreshAll = useCallback(() => {
    reload()
    refreshTags()
    refreshCollections()
  }, [reload, refreshTags, refreshCollections])

  const importFiles = useCallback(
    (files: File[]) => {
      setImporting(true)
      void start(files)
    },
    [start],
  )
  const importPaste = useCallback(
    ({ html, text }: { html?: string; text?: string }) => {
      setImporting(true)
      void single(() => api['import.text']({ html, text }), 'Pasted text')
    },
    [single],
  )
  const dragging = useDropAndPaste(importFiles, importPaste)

  useEffect(() => {
    // What opening the archive found is known at once; the scan of every annotations file waits a few
    // seconds, so it never competes with the library's first rows or the first article opened.
    if (!listed) return
    appInfo().then(
      (info) => setProblems(info.problems),
      () => {},
    )
    const timer = window.setTimeout(() => api['archive.scan']({}).then(setProblems, () => {}), 3000)
    return () => window.clearTimeout(timer)
  }, [listed])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.querySelector('dialog[open]')) setLibraryOpen(false)
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'o') {
        e.preventDefault()
        setImporting(true)
      }
    }
    window.addEventListener('keydown', onKey)
    const off = onAppEvent('menu.import', () => setImporting(true))
    const offChanged = onAppEvent('archive.changed', refreshAll)
    return () => {
      window.removeEventListener('keydown', onKey)
      off()
      offChanged()
    }
  }, [refreshAll])

  const attempt = useCallback(
    async (work: () => Promise<unknown>, done?: ToastMessage) => {
      try {
        await work()
        if (done) setToast(done)
      } catch (err) {
        setToast({ text: err instanceof Error ? err.message : String(err) })
      }
      refreshAll()
    },
    [refreshAll],
  )

  /** A new collection is on disk, with the articles in it: the name typed for it is no longer a draft. */
  const dropCollectionDraft = (name: string) =>
    appInfo().then(
      ({ archive }) => {
        const key = newCollectionDraftKey(archive)
        if (readDraft<string>(key)?.trim() === name) clearDraft(key)
      },
      () => {},
    )
  const bulk = {
    exportIds: (ids: string[]) => setExporting({ scope: 'selection', selection: ids }),
    tag: (ids: string[], add: string[]) =>
      void attempt(() => api['articles.bulkUpdate']({ ids, addTags: add }), {
        text: `Tagged ${ids.length} articles`,
      }),
    collect: (ids: string[], target: string | { name: string }) =>
      void attempt(
        async () => {
          const id =
            typeof target === 'string' ? target : (await api['collections.create']({ name: target.name })).id
          await api['articles.bulkUpdate']({ ids, addCollections: [id] })
          if (typeof target !== 'string') await dropCollectionDraft(target.name)
        },
        { text: `Added ${ids.length} articles to the collection` },
      ),
    remove: (ids: string[]) =>
      void attempt(
        async () => {
          await api['articles.delete']({ ids })
          if (route.view === 'library' && route.articleId && ids.includes(route.articleId)) select(null)
        },
        {
          text: `Deleted ${ids.length} articles`,
          action: { label: 'Undo', run: () => void attempt(() => api['articles.restore']({ ids })) },
        },
      ),
  }

  const reading = route.view === 'library' && !!route.articleId
  return (
    <div
      className={`app${reading ? ' reading' : ''}${reading && narrow && libraryOpen ? ' library-open' : ''}`}
    >
      <ProblemsBanner problems={problems} onRepair={() => setBackups(true)} />
      <LibraryPane
        rows={rows}
        error={error}
        selectedId={route.view === 'library' ? route.articleId : null}
        onSelect={select}
        onImport={() => setImporting(true)}
        onBackups={() => setBackups(true)}
        onConnector={() => setConnector(true)}
        onTeam={() => setTeam(true)}
        onTeamReceived={refreshAll}
        onCountsChecked={refreshAll}
        onExport={() =>
          setExporting({
            scope: route.view === 'library' && route.articleId ? 'article' : 'filter',
            selection: [],
          })
        }
        view={route.view}
        onView={(view) =>
          go(view === 'library' ? { view, articleId: null } : view === 'figures' ? { view } : { view })
        }
        tags={tags}
        collections={collections}
        search={
          <input
            className="search-box"
            type="search"
            aria-label="Search the archive"
            placeholder="Search titles, text, notes, tags…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
          />
        }
        results={
          query.trim() ? (
            <SearchResults
              outcome={search.outcome}
              error={search.error}
              onOpen={(hit) =>
                go({
                  view: 'library',
                  articleId: hit.articleId,
                  annotationId: hit.annotationId,
                  at: hit.annotationId ? undefined : hit.position,
                })
              }
            />
          ) : null
        }
        searchCount={
          query.trim()
            ? search.outcome
              ? { total: search.outcome.total, match: search.outcome.match }
              : null
            : undefined
        }
        filter={filter}
        sort={sort}
        onSort={setSort}
        onFilter={setFilter}
        onBulk={bulk}
      />
      <Suspense fallback={<p className="muted pad">Loading…</p>}>
        <main
          className="reader-pane"
          aria-label={{ library: 'Reader', figures: 'Figures', tags: 'Tags' }[route.view]}
        >
          {route.view === 'figures' && (
            <FiguresView
              onOpen={(articleId, annotationId) => go({ view: 'library', articleId, annotationId })}
            />
          )}
          {route.view === 'tags' && (
            <TagsView
              tags={tags}
              onChanged={refreshAll}
              onToast={setToast}
              onFilter={(tag) => {
                setFilter({ tag })
                go({ view: 'library', articleId: null })
              }}
            />
          )}
          {route.view === 'library' &&
            (route.articleId ? (
              !ReaderPane ? (
                <p className="muted pad">Loading…</p>
              ) : (
                <ReaderPane
                  key={route.articleId}
                  id={route.articleId}
                  initialAnnotation={route.annotationId}
                  initialPosition={route.at}
                  onChanged={refreshAll}
                  onExport={() => setExporting({ scope: 'article', selection: [] })}
                  library={
                    narrow ? { open: libraryOpen, toggle: () => setLibraryOpen((o) => !o) } : undefined
                  }
                />
              )
            ) : (
              <div className="empty-state">
                <h2>Pick an article from your library</h2>
                <p>Highlights, notes and figures you mark are saved on this computer as you go.</p>
                <p>
                  Import saved pages, Markdown or text with Import… (Ctrl+O), by dropping files here, or by
                  pasting.
                </p>
              </div>
            ))}
        </main>
      </Suspense>
      {/* The dialogs load on first use in a boundary of their own: loading one never hides the open article. */}
      <Suspense fallback={null}>
        {importing && (
          <ImportDialog
            run={run}
            onFiles={importFiles}
            onSingle={single}
            onUnlock={(index, password) => void unlock(index, password)}
            onCancel={cancel}
            onClose={() => {
              setImporting(false)
              reset()
            }}
            onOpen={(id) => {
              setImporting(false)
              reset()
              select(id)
            }}
          />
        )}
        {exporting && (
          <ExportDialog
            articleId={route.view === 'library' ? route.articleId : null}
            selection={exporting.selection}
            filtered={exporting.filtered}
            filter={filterArgs(filter)}
            tags={tags}
            collections={collections}
            initialScope={exporting.scope}
            onClose={() => setExporting(null)}
          />
        )}
        {connector && <ConnectorDialog onClose={() => setConnector(false)} />}
        {team && <TeamDialog onClose={() => setTeam(false)} onSynced={refreshAll} />}
        {backups && (
          <BackupsDialog
            problems={problems}
            onClose={() => setBackups(false)}
            onRestored={() => {
              refreshAll()
              api['archive.scan']({}).then(setProblems, () => {})
            }}
          />
        )}
      </Suspense>
      {dragging && <div className="drop-overlay">Drop to import into your archive</div>}
      {toast && <Toast message={toast} onDone={() => setToast(null)} />}
    </div>
  )
}
