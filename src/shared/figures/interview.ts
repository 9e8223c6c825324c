// Runs everywhere: where a figure stands in a Q&A interview (a question in the article's voice, an answer the
// interviewee's) and a surname completed to the full name the article gives, for the speaker readers.
import type { Sentence } from './sentences'
import type { SpeakerReader } from './speakers'

/** "Zhuk" → "Oksana Zhuk" when the text names her in full somewhere. */
export function fullName(r: SpeakerReader, text: string, name: string): string {
  if (name.includes(' ')) return name
  const titled = r.findTitledPeople(text).find((p) => p.name.endsWith(` ${name}`))
  if (titled) return titled.name
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  // a first name inside a sentence ("said Oksana Zhuk"), not a headline word ("Chipmaker Veltron")
  // (?![\\p{L}\\d]) rather than \\b, which knows only Latin letters: "Олег Мартынюк"
  const full = text.match(
    new RegExp(`(?<=[\\p{Ll},"“»”] )(\\p{Lu}[\\p{L}'’-]+) ${escaped}(?![\\p{L}\\d])`, 'u'),
  )
  return full ? `${full[1]} ${name}` : name
}

// A question of a Q&A interview: "P." / "Q:" / "В." before it, or a dash line ending with "?".
const QUESTION = /^(?:[PQВ][.:]|(?:Pregunta|Question|Вопрос|Питання|Frage)\s*:)\s/u
const ANSWER = /^(?:[RAОВ][.:]|(?:Respuesta|Réponse|Answer|Ответ|Відповідь|Antwort)\s*:)\s/u
const DASH = /^[—–-]\s/

/**
 * Where the figure stands in a Q&A interview: `answer` is the interviewee (the person the lead names)
 * when its paragraph answers a question; undefined when the article is no interview. A question is in
 * the article's own voice (an empty `answer`).
 */
export function interviewTurn(
  r: SpeakerReader,
  text: string,
  sentences: Sentence[],
  at: number,
): { answer?: string } | undefined {
  const paragraphs: { first: number; last: number }[] = []
  sentences.forEach((s, i) => {
    const p = paragraphs[s.paragraph]
    if (p === undefined) paragraphs[s.paragraph] = { first: i, last: i }
    else p.last = i
  })
  const para = (k: number) => {
    const p = paragraphs[k]
    return p === undefined ? '' : text.slice(sentences[p.first].start, sentences[p.last].end).trim()
  }
  // in a dash dialogue a line answers the question before it, and a line after an answer asks the
  // next question even without "?" ("— Жители жалуются на отключения.")
  const dashQuestion: boolean[] = []
  paragraphs.forEach((_, k) => {
    const t = para(k)
    if (!DASH.test(t)) return
    const asks = /\?["»”]?$/.test(t)
    const prevDash = k > 0 && DASH.test(para(k - 1))
    dashQuestion[k] =
      asks ||
      (prevDash && dashQuestion[k - 1] === false && k + 1 < paragraphs.length && DASH.test(para(k + 1)))
  })
  // "WN: Frau Albers, …?" / "Albers: Weil …": turns named before a colon, the interviewer's in capitals
  const prefixes = paragraphs.map((_, k) => /^(\p{Lu}[\p{L}'’-]*):\s/u.exec(para(k))?.[1])
  const turns = [...new Set(prefixes.filter((p) => p !== undefined))].filter(
    (p) => prefixes.filter((q) => q === p).length >= 2,
  )
  // (an interviewer asks: "Claim: …" / "Verdict: …" in a fact check are labels, not turns)
  const asks = (p: string): boolean => prefixes.some((q, k) => q === p && para(k).includes('?'))
  const candidate =
    turns.length >= 2 ? (turns.find((p) => /^\p{Lu}{2,}$/u.test(p)) ?? prefixes.find((p) => p)) : undefined
  const asker = candidate !== undefined && asks(candidate) ? candidate : undefined
  const isQuestion = (k: number) =>
    QUESTION.test(para(k)) || dashQuestion[k] === true || (asker !== undefined && prefixes[k] === asker)
  const questions = paragraphs.flatMap((_, k) => (isQuestion(k) ? [k] : []))
  if (questions.length < 2) return undefined
  const here = sentences[at].paragraph
  if (isQuestion(here)) return {}
  const t = para(here)
  const named = asker !== undefined && prefixes[here] !== undefined && turns.includes(prefixes[here] ?? '')
  if (named) return { answer: fullName(r, text, prefixes[here] ?? '') }
  const answers = ANSWER.test(t) || (DASH.test(t) && here > 0 && isQuestion(here - 1))
  if (!answers && !questions.some((q) => q < here && ANSWER.test(para(q + 1)))) return undefined
  if (!answers) return undefined
  // the interviewee: the person the lead (before the first question, after the title) names
  const lead = paragraphs
    .slice(1, questions[0])
    .map((p) => text.slice(sentences[p.first].start, sentences[p.last].end))
  for (const paragraph of lead) {
    const person = r.findSpeakers(paragraph).find((s) => s.kind === 'person')
    // "Директор МУП … города Северогорска Андрей Лапшин": the name is the run's last two words
    if (person) return { answer: fullName(r, text, person.name.split(' ').slice(-2).join(' ')) }
    const titled = r.findTitledPeople(paragraph)[0]
    if (titled) return { answer: titled.name }
    // "Lucía Ferrándiz (Teruel, 1971) preside…": the first run of capitalised words
    for (const run of paragraph.matchAll(/(?:\p{Lu}[\p{Ll}'’-]+ ){1,3}\p{Lu}[\p{Ll}'’-]+/gu)) {
      const words = run[0].split(' ')
      if (words.some((w) => r.determiners.has(w.toLowerCase()) || r.titles.has(w.toLowerCase()))) continue
      return { answer: words.join(' ') }
    }
  }
  return {}
}
