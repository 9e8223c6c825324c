// Renderer: every tagged figure in the archive, for the Figures view.
import type { FigureRecord } from '../../../shared/figures'
import { api } from '../api'
import { useApiValue } from './useApiValue'

const load = () => api['figures.list']({})

export function useFigureRecords(): { records: FigureRecord[] | null; error: string | null } {
  const { value, error } = useApiValue(load)
  return { records: value, error }
}
