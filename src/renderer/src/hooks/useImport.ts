// Renderer: imports files one by one through the contract, with progress, results and cancel.
import { useCallback, useRef, useState } from 'react'
import type { z } from 'zod'
import type { importResultSchema } from '../../../shared/contract-reading'
import { api, importChosenPdf } from '../api'
import { tooLargeToSend } from './import-limits'

export type ImportResult = z.infer<typeof importResultSchema>
export type ImportRun = {
  total: number
  done: number
  results: ImportResult[]
  running: boolean
  cancelled: boolean
}

const IMPORTABLE = /\.(html?|xhtml|md|markdown|txt|text|pdf)$/i
const idle: ImportRun = { total: 0, done: 0, results: [], running: false, cancelled: false }

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Files from a folder pick keep only importable kinds; files picked one by one are all tried. */
export function importableFiles(files: File[], fromFolder: boolean): File[] {
  const list = fromFolder
    ? files.filter((f) => IMPORTABLE.test(f.name) && !/(^|\/)\./.test(f.webkitRelativePath))
    : files
  return [...list].sort((a, b) =>
    (a.webkitRelativePath || a.name).localeCompare(b.webkitRelativePath || b.name),
  )
}

const isPdfFile = (file: File) => /\.pdf$/i.test(file.name)

/** Results that an encrypted PDF's password can turn around. */
export const needsPassword = (r: ImportResult) =>
  r.status === 'failed' && (r.code === 'encrypted' || r.code === 'wrong_password')

export function useImport(onImported: () => void) {
  const [run, setRun] = useState<ImportRun>(idle)
  const cancelRef = useRef(false)
  // The files of this run that need a password, by their result's index, until it is typed (memory only).
  const locked = useRef(new Map<number, File>())

  const start = useCallback(
    async (files: File[]) => {
      if (!files.length) return
      cancelRef.current = false
      locked.current.clear()
      setRun({ total: files.length, done: 0, results: [], running: true, cancelled: false })
      for (const [index, file] of files.entries()) {
        if (cancelRef.current) break
        const name = file.webkitRelativePath || file.name
        let result: ImportResult
        const tooLarge = tooLargeToSend(file)
        try {
          // In the app, a large PDF is read by main from its path on disk (up to 100 MB), not sent.
          if (tooLarge && importChosenPdf && isPdfFile(file)) result = await importChosenPdf(file)
          else if (tooLarge) result = { name, status: 'failed', code: 'too_large', message: tooLarge }
          else {
            const [first] = await api['import.files']({ files: [{ name, dataBase64: await toBase64(file) }] })
            result = first
          }
        } catch (err) {
          result = { name, status: 'failed', message: err instanceof Error ? err.message : String(err) }
        }
        if (needsPassword(result)) locked.current.set(index, file)
        setRun((r) => ({ ...r, done: r.done + 1, results: [...r.results, result] }))
      }
      setRun((r) => ({ ...r, running: false, cancelled: cancelRef.current }))
      onImported()
    },
    [onImported],
  )

  const single = useCallback(
    async (work: () => Promise<ImportResult>, name: string) => {
      setRun({ total: 1, done: 0, results: [], running: true, cancelled: false })
      let result: ImportResult
      try {
        result = await work()
      } catch (err) {
        result = { name, status: 'failed', message: err instanceof Error ? err.message : String(err) }
      }
      setRun({ total: 1, done: 1, results: [result], running: false, cancelled: false })
      onImported()
    },
    [onImported],
  )

  /** Imports an encrypted PDF of this run again with the password typed for it; its result is replaced. */
  const unlock = useCallback(
    async (index: number, password: string) => {
      const file = locked.current.get(index)
      if (!file) return
      const name = file.webkitRelativePath || file.name
      setRun((r) => ({ ...r, running: true }))
      let result: ImportResult
      try {
        if (tooLargeToSend(file) && importChosenPdf) result = await importChosenPdf(file, password)
        else {
          const [first] = await api['import.files']({
            files: [{ name, dataBase64: await toBase64(file), password }],
          })
          result = first
        }
      } catch (err) {
        result = { name, status: 'failed', message: err instanceof Error ? err.message : String(err) }
      }
      if (!needsPassword(result)) locked.current.delete(index)
      setRun((r) => ({ ...r, running: false, results: r.results.map((x, i) => (i === index ? result : x)) }))
      onImported()
    },
    [onImported],
  )

  const cancel = useCallback(() => {
    cancelRef.current = true
  }, [])
  const reset = useCallback(() => setRun(idle), [])
  return { run, start, single, unlock, cancel, reset }
}
