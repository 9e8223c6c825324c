// Renderer: the window — library on the left, the open article on the right, import on top.
import { useCallback, useEffect, useState } from 'react'
import { api } from './api'
import ImportDialog from './components/ImportDialog'
import { useArticles } from './hooks/useArticles'
import { useDropAndPaste } from './hooks/useDropAndPaste'
import { useImport } from './hooks/useImport'
import { useRoute } from './hooks/useRoute'
import LibraryPane from './views/LibraryPane'
import FiguresView from './views/FiguresView'
import ReaderPane from './views/ReaderPane'

export default function App() {
  const { articles, error, reload } = useArticles()
  const [route, go] = useRoute()
  const selectedId = route.view === 'library' ? route.articleId : null
  const select = useCallback((id: string | null) => go({ view: 'library', articleId: id }), [go])
  const [importing, setImporting] = useState(false)
  const { run, start, single, cancel, reset } = useImport(reload)

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
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'o') {
        e.preventDefault()
        setImporting(true)
      }
    }
    window.addEventListener('keydown', onKey)
    const off = window.api?.on?.('menu.import', () => setImporting(true))
    return () => {
      window.removeEventListener('keydown', onKey)
      off?.()
    }
  }, [])

  return (
    <div className="app">
      <LibraryPane
        articles={articles}
        error={error}
        selectedId={selectedId}
        onSelect={select}
        onImport={() => setImporting(true)}
        onChanged={reload}
        view={route.view}
        onView={(view) => go(view === 'figures' ? { view } : { view, articleId: null })}
      />
      <main className="reader-pane" aria-label={route.view === 'figures' ? 'Figures' : 'Reader'}>
        {route.view === 'figures' ? (
          <FiguresView
            onOpen={(articleId, annotationId) => go({ view: 'library', articleId, annotationId })}
          />
        ) : route.articleId ? (
          <ReaderPane
            key={route.articleId}
            id={route.articleId}
            initialAnnotation={route.annotationId}
            onChanged={reload}
          />
        ) : (
          <div className="empty-state">
            <h2>Pick an article from your library</h2>
            <p>Highlights, notes and figures you mark are saved on this computer as you go.</p>
            <p>
              Import saved pages, Markdown or text with Import… (Ctrl+O), by dropping files here, or by
              pasting.
            </p>
          </div>
        )}
      </main>
      {importing && (
        <ImportDialog
          run={run}
          onFiles={importFiles}
          onSingle={single}
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
      {dragging && <div className="drop-overlay">Drop to import into your archive</div>}
    </div>
  )
}
