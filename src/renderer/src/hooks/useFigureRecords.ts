// Renderer: every tagged figure in the archive, for the Figures view.
import { useEffect, useState } from 'react'
import type { FigureRecord } from '../../../shared/figures'
import { api } from '../api'

export function useFigureRecords(): { records: FigureRecord[] | null; error: string | null } {
  const [state, setState] = useState<{ records: FigureRecord[] | null; error: string | null }>({
    records: null,
    error: null,
  })
  useEffect(() => {
    let live = true
    api['figures.list']({}).then(
      (records) => live && setState({ records, error: null }),
      (err: Error) => live && setState({ records: null, error: err.message }),
    )
    return () => {
      live = false
    }
  }, [])
  return state
}
