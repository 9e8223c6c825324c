// Renderer: pdf.js for the reader — loaded on first use, with one Web Worker running the bundled pdf.worker file
// (the CSP's worker-src 'self': no blob:, no eval) shared by every PDF opened in this window — and what the reader
// reads of a document besides its pages: its outline.
import type * as PdfJsModule from 'pdfjs-dist'
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.mjs?url'

export type PdfJs = typeof PdfJsModule
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>
export type OutlineEntry = { title: string; page: number; depth: number }

type Loaded = { pdfjs: PdfJs; worker: InstanceType<PdfJs['PDFWorker']> }
let loading: Promise<Loaded> | undefined
/**
 * pdf.js, loaded on first use, and one Web Worker running the bundled pdf.worker file, shared by every PDF
 * opened in this window. Where a worker cannot start, pdf.js runs the same file on this thread instead.
 */
export function loadPdfJs(): Promise<Loaded> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl
    return { pdfjs, worker: new pdfjs.PDFWorker() }
  })
  return loading
}

export function fromBase64(b64: string): Uint8Array {
  const binary = atob(b64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export async function outlineOf(doc: PdfDocument): Promise<OutlineEntry[]> {
  const out: OutlineEntry[] = []
  const walk = async (items: Awaited<ReturnType<PdfDocument['getOutline']>>, depth: number) => {
    for (const item of items ?? []) {
      if (out.length >= 500) return
      try {
        const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest
        const ref = dest?.[0]
        const page =
          ref && typeof ref === 'object' ? await doc.getPageIndex(ref as { num: number; gen: number }) : -1
        if (page >= 0) out.push({ title: item.title.slice(0, 200), page, depth })
      } catch {
        // An outline entry pointing nowhere is left out.
      }
      await walk(item.items, depth + 1)
    }
  }
  await walk((await doc.getOutline().catch(() => null)) ?? [], 0)
  return out
}
