// Runs everywhere: a researcher's Markdown note placed inside an exported document without breaking it.

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const ATX_HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/

/**
 * The note as Markdown, fitted into a document whose sections sit at heading level `sectionLevel`:
 * its headings are moved down below that level (at most `######`), and a code fence it leaves open is
 * closed, so nothing after the note is swallowed into it. Text inside fences is left untouched.
 */
export function fitNote(note: string, sectionLevel: number): string {
  // Blank lines around the note go; the first line's indentation stays (it may be a code block).
  const lines = note
    .replace(/\r\n?/g, '\n')
    .replace(/^([ \t]*\n)+/, '')
    .trimEnd()
    .split('\n')
  let openFence: string | undefined
  const out = lines.map((line) => {
    const fence = FENCE.exec(line)?.[1]
    if (openFence) {
      if (fence && fence[0] === openFence[0] && fence.length >= openFence.length && isBareFence(line)) {
        openFence = undefined
      }
      return line
    }
    if (fence) {
      openFence = fence
      return line
    }
    return line.replace(ATX_HEADING, (_m, indent: string, hashes: string) => {
      return indent + '#'.repeat(Math.min(6, hashes.length + sectionLevel))
    })
  })
  if (openFence) out.push(openFence)
  return out.join('\n')
}

/** A closing fence carries nothing after its backticks or tildes. */
function isBareFence(line: string): boolean {
  return /^ {0,3}(`{3,}|~{3,})[ \t]*$/.test(line)
}
