// Renderer: an encrypted PDF's password, asked for above its pages. What is typed is kept in this window's memory
// for the session by PdfBody (never stored, never sent to main); "Show its text instead" gives up the pages.
/** pdf.js asks: `wrong` when the password given was refused; `answer(null)` gives up. */
export type PasswordAsk = { wrong: boolean; answer: (password: string | null) => void }

type Props = { ask: PasswordAsk; password: string; onPassword: (value: string) => void }

export default function PdfPassword({ ask, password, onPassword }: Props) {
  return (
    <form
      className="pdf-password"
      aria-label="PDF password"
      onSubmit={(e) => {
        e.preventDefault()
        if (password) ask.answer(password)
      }}
    >
      <p>
        {ask.wrong
          ? 'That password is wrong: the PDF did not open with it. Type it again.'
          : 'This PDF is protected by a password. Type it to show its pages.'}
      </p>
      <p className="muted">Glossa keeps it in this window until you close Glossa, and never stores it.</p>
      <div className="pdf-password-row">
        <input
          type="password"
          autoComplete="off"
          aria-label="Password"
          aria-invalid={ask.wrong}
          value={password}
          autoFocus
          onChange={(e) => onPassword(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
        <button type="submit" className="primary" disabled={!password}>
          Open
        </button>
        <button type="button" onClick={() => ask.answer(null)}>
          Show its text instead
        </button>
      </div>
    </form>
  )
}
