// Renderer: files dropped anywhere on the window, and articles pasted into the library, become imports.
import { useEffect, useState } from 'react'
import { importableFiles } from './useImport'

async function filesFromEntry(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    out.push(
      await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)),
    )
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader()
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
        reader.readEntries(resolve, reject),
      )
      if (!batch.length) break
      for (const child of batch) await filesFromEntry(child, out)
    }
  }
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)
}

export function useDropAndPaste(
  onFiles: (files: File[]) => void,
  onPaste: (data: { html?: string; text?: string }) => void,
) {
  const [dragging, setDragging] = useState(false)

  useEffect(() => {
    let depth = 0
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files')
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth++
      setDragging(true)
    }
    const leave = () => {
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault()
    }
    const drop = async (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth = 0
      setDragging(false)
      const items = [...(e.dataTransfer?.items ?? [])]
      const entries = items.map((i) => i.webkitGetAsEntry?.()).filter((x): x is FileSystemEntry => !!x)
      const files: File[] = []
      if (entries.length) for (const entry of entries) await filesFromEntry(entry, files)
      else files.push(...(e.dataTransfer?.files ?? []))
      const fromFolder = entries.some((en) => en.isDirectory)
      onFiles(importableFiles(files, fromFolder))
    }
    const paste = (e: ClipboardEvent) => {
      if (typing(e.target) || window.getSelection()?.toString()) return
      const html = e.clipboardData?.getData('text/html') || undefined
      const text = e.clipboardData?.getData('text/plain') || undefined
      if (!html?.trim() && !text?.trim()) return
      e.preventDefault()
      onPaste({ html, text })
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragleave', leave)
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    window.addEventListener('paste', paste)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
      window.removeEventListener('paste', paste)
    }
  }, [onFiles, onPaste])

  return dragging
}
