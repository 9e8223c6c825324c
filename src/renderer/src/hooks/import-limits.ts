// Renderer: what the Import dialog and drops can send in one import.files request (pure, tested in Node).
/** The largest file the dialog or a drop sends (in one request: import.files's 28 million base64 characters). */
const MAX_SENT_BYTES = 20 * 1024 * 1024
const megabytes = (n: number) => `${(n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0)} MB`

/** Why a file is not sent, when it is too large to be. */
export function tooLargeToSend(file: { name: string; size: number }): string | undefined {
  if (file.size <= MAX_SENT_BYTES) return undefined
  const pdf = /\.pdf$/i.test(file.name)
  return pdf
    ? `“${file.name}” is ${megabytes(file.size)}; the Import dialog and drops take files of up to 20 MB. Import a larger PDF (up to 100 MB) with \`glossa import\`, or by opening it with Glossa.`
    : `“${file.name}” is ${megabytes(file.size)}; Glossa imports files of up to 20 MB. Split it or save only the article.`
}
