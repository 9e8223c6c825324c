// Runs everywhere: numbers written for people and spreadsheets, identical on every machine and locale.

/** The shortest text that reads back as exactly `n`, never in exponent notation: 1e21 → "1000000000000000000000". */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return ''
  if (Object.is(n, -0)) return '0'
  const text = String(n)
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!match) return text
  const [, sign, whole, fraction = '', exponentText] = match
  const digits = whole + fraction
  const point = whole.length + Number(exponentText)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length)
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/** `plainNumber` with thousands grouped by commas, for Markdown: 1200000000 → "1,200,000,000". */
export function groupedNumber(n: number): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(plainNumber(n))
  if (!match) return plainNumber(n)
  const [, sign, whole, fraction = ''] = match
  return sign + whole.replace(/\B(?=(\d{3})+$)/g, ',') + fraction
}
