// Renderer: a researcher's note, written in Markdown, shown sanitized.
import DOMPurify from 'dompurify'
import { marked } from 'marked'
import { useMemo } from 'react'

export default function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(
    () =>
      DOMPurify.sanitize(marked.parse(source, { async: false, gfm: true, breaks: true }), {
        FORBID_ATTR: ['style'],
      }),
    [source],
  )
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />
}
