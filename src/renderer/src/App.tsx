// Renderer: the window — library on the left, the open article on the right.
import { useEffect } from 'react'
import { useArticles } from './hooks/useArticles'
import { useSelection } from './hooks/useSelection'
import LibraryPane from './views/LibraryPane'
import ReaderPane from './views/ReaderPane'

export default function App() {
  const { articles, error } = useArticles()
  const [selectedId, select] = useSelection()

  useEffect(() => {
    document.title = 'Glossa'
  }, [])

  return (
    <div className="app">
      <LibraryPane articles={articles} error={error} selectedId={selectedId} onSelect={select} />
      <main className="reader-pane" aria-label="Reader">
        {selectedId ? (
          <ReaderPane key={selectedId} id={selectedId} />
        ) : (
          <div className="empty-state">
            <h2>Pick an article from your library</h2>
            <p>Highlights, notes and figures you mark are saved on this computer as you go.</p>
          </div>
        )}
      </main>
    </div>
  )
}
