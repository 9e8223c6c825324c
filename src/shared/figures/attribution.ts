// Runs everywhere: suggests who a figure is attributed to, from the figure's sentence outwards (the rest
// of its paragraph, then the paragraph before), preferring a person's full name.
import { fullBodyName, spelledOut } from './acronyms'
import { sentenceAt, splitSentences } from './sentences'
import type { Sentence } from './sentences'
import { en } from './lang/en'
import type { Lexicon, SpeechWords } from './lang/types'
import type { Speaker, SpeakerReader } from './speakers'
import { speakerReader } from './speakers'

/** Sentence indexes to search: the figure's own, the quote's attribution after it, then earlier ones. */
function searchOrder(
  text: string,
  sentences: Sentence[],
  at: number,
  offset: number,
  carry?: SpeechWords['carry'],
): number[] {
  const paragraph = sentences[at].paragraph
  const same = sentences.flatMap((s, i) => (s.paragraph === paragraph ? [i] : []))
  const previous = sentences.flatMap((s, i) => (s.paragraph === paragraph - 1 ? [i] : [])).reverse()
  const before = text.slice(sentences[same[0]].start, offset)
  const opens = (before.match(/[«„]/g) ?? []).length
  const closes = (before.match(/[»]/g) ?? []).length
  const inQuote = (before.match(/["“”]/g) ?? []).length % 2 === 1 || opens > closes
  const later = same.filter((i) => i > at)
  const earlier = same.filter((i) => i < at).reverse()
  void previous
  if (carry) {
    const opens = (i: number, phrases: readonly (readonly string[])[]): boolean => {
      const words =
        text
          .slice(sentences[i].start, sentences[i].end)
          .toLowerCase()
          .match(/[\p{L}'’]+/gu) ?? []
      return phrases.some((p) => p.every((w, k) => words[k] === w))
    }
    const back = later.filter((i) => opens(i, carry.reportsBack))
    const continued = opens(
      same[0],
      carry.continues.map((w) => [w]),
    )
      ? previous
      : []
    return [at, ...(inQuote ? later.slice(0, 2) : []), ...earlier, ...back, ...continued].filter(
      (i, k, all) => all.indexOf(i) === k,
    )
  }
  return [at, ...(inQuote ? [...later.slice(0, 2), ...earlier] : [])].filter(
    (i, k, all) => all.indexOf(i) === k,
  )
}

/** "Zhuk" → "Oksana Zhuk" when the text names her in full somewhere. */
function fullName(r: SpeakerReader, text: string, name: string): string {
  if (name.includes(' ')) return name
  const titled = r.findTitledPeople(text).find((p) => p.name.endsWith(` ${name}`))
  if (titled) return titled.name
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  // a first name inside a sentence ("said Oksana Zhuk"), not a headline word ("Chipmaker Veltron")
  // (?![\\p{L}\\d]) rather than \\b, which knows only Latin letters: "Олег Мартынюк"
  const full = text.match(
    new RegExp(`(?<=[\\p{Ll},"“] )(\\p{Lu}[\\p{L}'’-]+) ${escaped}(?![\\p{L}\\d])`, 'u'),
  )
  return full ? `${full[1]} ${name}` : name
}

/** The nearest person named before `offset`, searching back sentence by sentence. */
function personBefore(
  r: SpeakerReader,
  text: string,
  sentences: Sentence[],
  offset: number,
  bodies = false,
): string | undefined {
  for (let i = sentenceAt(sentences, offset); i >= 0; i--) {
    const s = sentences[i]
    const slice = text.slice(s.start, Math.min(s.end, offset))
    const people = [
      ...r.findSpeakers(slice).filter((p) => p.kind === 'person' || (bodies && p.kind === 'org')),
      ...r.findTitledPeople(slice).map((p) => ({ name: p.name, index: p.index, kind: 'person' })),
    ].sort((a, b) => a.index - b.index)
    const last = people[people.length - 1]
    if (last !== undefined)
      return last.kind === 'org' ? bare(r, text, last.name) : fullName(r, text, last.name)
  }
  return undefined
}

/**
 * "the ministry" → "ministry", "Environment Agency's" → "Environment Agency", and "ONS" → "Office for
 * National Statistics" where the text spells the acronym out: a body is named as the article names it.
 */
function bare(r: SpeakerReader, text: string, name: string): string {
  const strip = (n: string): string => {
    const [first, ...rest] = n.split(' ')
    return rest.length > 0 && r.determiners.has(first.toLowerCase()) ? rest.join(' ') : n
  }
  const plain = strip(name.replace(/['’]s$/, ''))
  if (!/^\p{Lu}{2,6}$/u.test(plain) && !text.includes(`(${plain})`)) return fullBodyName(text, plain) ?? plain
  const spelled = new RegExp(`((?:\\p{Lu}[\\p{L}'’-]*[ ,]+(?:\\p{Ll}{1,4} )*){2,8})\\(${plain}\\)`, 'u')
  const found = spelled.exec(text)
  return found ? strip(found[1].replace(/[ ,]+$/, '')) : (spelledOut(text, plain) ?? plain)
}

function resolve(
  r: SpeakerReader,
  text: string,
  sentences: Sentence[],
  speaker: Speaker,
  offset: number,
  speech: SpeechWords,
): string | undefined {
  const { carry } = speech
  if (speaker.kind === 'person') {
    const name = speaker.name.replace(/['’]s$/, '')
    const own = speech.reader?.fullName
    if (own) return own(name, text)
    const acronym = /^\p{Lu}{2,6}$/u.test(name) || text.includes(`(${name})`)
    return acronym ? bare(r, text, name) : fullName(r, text, name)
  }
  if (speaker.kind === 'org')
    return speech.reader?.fullName?.(speaker.name, text) ?? bare(r, text, speaker.name)
  if (speaker.kind === 'pronoun') return personBefore(r, text, sentences, offset, r.pronounsForBodies)
  // "a Peninsula Rail spokesperson": the body named before the role speaks
  const words = speaker.name.split(' ')
  const body = words.slice(r.determiners.has(words[0].toLowerCase()) ? 1 : 0, -1)
  if (body.length > 0 && body.every((w) => /^\p{Lu}/u.test(w))) return bare(r, text, body.join(' '))
  // "says the president": the president named elsewhere in the article, else the role as written
  const head = words[words.length - 1].toLowerCase()
  const titled = r.findTitledPeople(text).filter((p) => p.title === head)
  const nearest = titled.filter((p) => p.index < offset).pop() ?? titled[0]
  const named = nearest?.name ?? r.namedBefore(text, head, offset)
  // where speakers carry through a paragraph, a role nobody holds ("у відомстві") leaves the search going
  return named ?? (carry ? undefined : bare(r, text, speaker.name))
}

/** Who the figure at `start` is attributed to, read with one language's words (English unless told). */
export function suggestAttribution(args: {
  text: string
  start: number
  end: number
  lex?: Lexicon
}): string | undefined {
  const { text, start } = args
  const speech = (args.lex ?? en).speech
  const r = speakerReader(speech)
  const sentences = splitSentences(text)
  if (sentences.length === 0) return undefined
  const at = sentenceAt(sentences, start)
  for (const index of searchOrder(text, sentences, at, start, speech.carry)) {
    const sentence = sentences[index]
    for (const speaker of r.findSpeakers(text.slice(sentence.start, sentence.end))) {
      const name = resolve(r, text, sentences, speaker, sentence.start + speaker.index, speech)
      if (name) return name
    }
  }
  return undefined
}
