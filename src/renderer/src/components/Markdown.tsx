// Renderer: a researcher's note, written in Markdown, shown as Markdown only. noteHtml() renders no raw HTML, keeps
// only links that may leave the app and no images; DOMPurify then keeps only Markdown's own elements, in case
// markdown-it ever emits something else.
import DOMPurify from 'dompurify'
import { useMemo } from 'react'
import { noteHtml } from '../note-html'

const NOTE_ALLOW_LIST = {
  ALLOWED_TAGS: [
    ...['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'hr'],
    ...['ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a'],
    ...['table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ],
  ALLOWED_ATTR: ['href', 'title', 'target', 'rel', 'align', 'start'],
  // DOMPurify's own pattern with the schemes narrowed to what isSafeExternalUrl accepts. It is applied to every
  // attribute not known to be URI-safe (rel, target, align too), so values without a scheme must still pass.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
}

export default function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => DOMPurify.sanitize(noteHtml(source), NOTE_ALLOW_LIST), [source])
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />
}
