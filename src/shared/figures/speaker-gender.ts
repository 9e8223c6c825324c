// Runs everywhere: PERSONS AND THEIR GENDER, from the article's own evidence (issue #13, round 15), and the
// pronoun that points back to one of them. Each person the article names (two or three capitalised names) gets a
// gender where the article shows it: a title ("Mr", "Mme", "Sra.", "Frau", "пані", "госпожа"), a gendered role
// noun beside the name ("spokeswoman", "la ministre", "la consejera", "Sprecherin", "речниця"), a Slavic past
// verb agreeing with it ("Севастьянова заявила", "Гаврилюк сказав"), else the first subject pronoun after the
// person is introduced in the same paragraph ("Helen Marwick said … she said"). A gendered pronoun ("she",
// "elle", "ella", "sie sagt", "вона", "по его словам") then stands for the nearest earlier person of its gender.
import { quoteAt, quoteSpans } from './clauses'
import { articleEntities } from './entity-resolve'
import { sentenceAt, splitSentences } from './sentences'
import type { Lexicon } from './lang/types'
import { escapeRegExp as escape } from './regex'
import { bodyGender } from './body-gender'
import type { Gender } from './body-gender'
import { TITLE_F, TITLE_M, PRONOUNS, SUBJECTS, roleGender, verbGender } from './gender-words'

export type { Gender }

/** A person of the article: the name as first written, every place it is named, and its gender when shown. */
export type Person = { name: string; words: string[]; mentions: number[]; gender?: Gender }

/** Particles inside a person's name: "Joost van Rijn", "Ursula von der Leyen". */
const PARTICLES = new Set(['van', 'von', 'de', 'da', 'del', 'der', 'den', 'ter', 'di', 'du', 'dos', 'le'])

/** A name's word as its mentions are searched: Slavic names are declined, so by their stem. */
const stemOf = (w: string, slavic: boolean): string =>
  slavic && w.length > 5 ? w.slice(0, w.length - 2) : slavic && w.length > 3 ? w.slice(0, w.length - 1) : w

const tables = new Map<string, Person[]>()

/** The persons of `text` read with `lex`'s words, with their genders (cached per text). */
export function articlePersons(text: string, lex: Lexicon): Person[] {
  const key = `${lex.code}\u0000${text}`
  let found = tables.get(key)
  if (found === undefined) {
    found = readPersons(text, lex)
    if (tables.size > 16) tables.clear()
    tables.set(key, found)
  }
  return found
}

function readPersons(text: string, lex: Lexicon): Person[] {
  const slavic = lex.code === 'uk' || lex.code === 'ru'
  const { titles, orgs, functionWords, determiners } = lex.speech
  const bodies = articleEntities(text, lex).filter((e) => e.kind === 'body')
  const bodyWords = new Set(bodies.filter((b) => b.loose !== true).flatMap((b) => b.name.split(/\s+/)))
  const toks = [...text.matchAll(/[\p{L}][\p{L}'’-]*|\d+|[^\s\p{L}\d]/gu)].map((m) => ({
    text: m[0],
    index: m.index,
  }))
  const nameWord = (w: string | undefined): boolean =>
    w !== undefined &&
    /^\p{Lu}\p{Ll}[\p{Ll}'’-]*$/u.test(w) &&
    !titles.has(w.toLowerCase()) &&
    !orgs.has(w.toLowerCase()) &&
    !functionWords.has(w.toLowerCase()) &&
    !determiners.has(w.toLowerCase()) &&
    !bodyWords.has(w) &&
    !TITLE_F.test(w.toLowerCase()) &&
    !TITLE_M.test(w.toLowerCase())
  const persons: Person[] = []
  const sameGap = (a: number, b: number): boolean =>
    /^[^\S\n]+$/u.test(text.slice(toks[a].index + toks[a].text.length, toks[b].index))
  for (let i = 0; i < toks.length; i++) {
    if (!nameWord(toks[i].text)) continue
    let end = i
    // (with a particle: "Joost van Rijn", "Ursula von der Leyen")
    for (let k = i + 1; k < toks.length && k - i <= 4 && sameGap(k - 1, k); k++) {
      if (nameWord(toks[k].text)) end = k
      else if (!PARTICLES.has(toks[k].text)) break
    }
    if (end === i) continue
    // (a quoted name is a body's or a product's, not a person's: «Дентал Лига», "Crunchline"; a closing quote
    // before a name is not one: "…," Marianne Okafor said)
    const before = toks[i - 1]?.text ?? ''
    const attached = (a: number, b: number): boolean =>
      a >= 0 && b < toks.length && toks[a].index + toks[a].text.length === toks[b].index
    const opened = /^[«“„]$/u.test(before) || (before === '"' && attached(i - 1, i))
    const closed =
      /^[»”]$/u.test(toks[end + 1]?.text ?? '') || (toks[end + 1]?.text === '"' && attached(end, end + 1))
    // (a body has a chief executive or a spokesperson: "Tallis's chief executive")
    const owner = new RegExp(`(?<![\\p{L}])${escape(toks[i].text)}['’]s\\s+(\\p{Ll}+)`, 'u').exec(text)
    if (opened || closed || (owner !== null && titles.has(owner[1]))) {
      i = end
      continue
    }
    // (German writes every noun in capitals: "3 Millionen Euro" is no one; "Energieberaterin Sabine Roth"
    // is Sabine Roth)
    if (/^\d/u.test(before)) {
      i = end
      continue
    }
    if (end - i === 2 && roleGender(toks[i].text, before, lex.code, titles) !== undefined) i++
    const words = toks.slice(i, end + 1).map((t) => t.text)
    const surname = stemOf(words[words.length - 1], slavic)
    const same = persons.find((p) => stemOf(p.words[p.words.length - 1], slavic) === surname)
    if (same === undefined) persons.push({ name: words.join(' '), words, mentions: [] })
    i = end
  }
  // every place each person is named: its surname (or first name) as a word
  for (const p of persons) {
    const keys = new Set([p.words[p.words.length - 1], p.words[0]].map((w) => stemOf(w, slavic)))
    for (const k of keys)
      for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${escape(k)}`, 'gu'))) p.mentions.push(m.index)
    p.mentions.sort((a, b) => a - b)
  }
  for (const p of persons) p.gender = evidence(p, toks, lex)
  pronounEvidence(persons, text, toks, lex)
  return persons
}

type Tok = { text: string; index: number }

/** The gender the article shows for `p` beside its name: titles, role nouns, Slavic verb agreement. */
function evidence(p: Person, toks: Tok[], lex: Lexicon): Gender | undefined {
  const votes = { f: 0, m: 0 }
  const slavic = lex.code === 'uk' || lex.code === 'ru'
  for (const at of p.mentions) {
    const k = toks.findIndex((t) => t.index === at)
    if (k < 0) continue
    const prev = toks[k - 1]?.text.replace(/\.$/, '').toLowerCase() ?? ''
    if (TITLE_F.test(prev)) votes.f += 2
    if (TITLE_M.test(prev)) votes.m += 2
    // a role noun just before the name, or in apposition after it ("X, the spokeswoman, said")
    for (let b = k - 1; b >= 0 && b >= k - 6 && !/^[.!?;:»"”]$/u.test(toks[b].text); b--) {
      const g = roleGender(toks[b].text, toks[b - 1]?.text, lex.code, lex.speech.titles)
      if (g) {
        votes[g] += 2
        break
      }
      // (the role stands right before the name, or before it with its complement and a comma: "La
      // présidente du club, Hélène Mauvoisin")
      if (toks[k - 1]?.text !== ',') break
    }
    let n = k
    while (n + 1 < toks.length && /^\p{Lu}/u.test(toks[n + 1].text) && n - k < 2) n++
    if (toks[n + 1]?.text === ',') {
      for (let m = n + 2; m < n + 6 && m < toks.length && /^\p{L}/u.test(toks[m].text); m++) {
        const g = roleGender(toks[m].text, toks[m - 1]?.text, lex.code, lex.speech.titles)
        if (g) {
          votes[g] += 2
          break
        }
      }
    }
    // a Slavic past verb agreeing with the name, next to it: "Мельничук згадувала", "заявила Севастьянова"
    if (slavic) {
      const after = verbGender(toks[n + 1]?.text)
      const inverted = verbGender(toks[k - 1]?.text)
      if (after) votes[after] += 1
      if (inverted) votes[inverted] += 1
    }
  }
  return votes.f !== votes.m ? (votes.f > votes.m ? 'f' : 'm') : undefined
}

/**
 * A subject pronoun of saying ("She said", "he told", "said she.", "Il a reconnu") gives its gender to the person
 * it can only be: the first named in its own sentence before it, else in the sentence before, in its paragraph,
 * when the article shows that person's gender nowhere else (not a pronoun in what is reported: "said he had").
 */
function pronounEvidence(persons: readonly Person[], text: string, toks: Tok[], lex: Lexicon): void {
  const { verbs, inverted, auxiliaries } = lex.speech
  const sentences = splitSentences(text)
  for (const [k, t] of toks.entries()) {
    const g = (SUBJECTS[lex.code] ?? []).find(([re]) => re.test(t.text))?.[1]
    if (g === undefined) continue
    const prev = toks[k - 1]?.text ?? ''
    const next = toks[k + 1]?.text.toLowerCase() ?? ''
    const opens = /^[.!?»"”]$/u.test(prev) || text.slice(Math.max(0, t.index - 2), t.index).includes('\n')
    const saying =
      verbs.has(next) ||
      inverted.has(next) ||
      (auxiliaries?.has(next) ?? false) ||
      ((verbs.has(prev.toLowerCase()) || inverted.has(prev.toLowerCase())) && /^[.,;!?]$/u.test(next))
    if (!opens && !saying) continue
    const at = sentenceAt(sentences, t.index)
    // (the nearest person it can be: one of another gender is passed over)
    search: for (const i of [at, at - 1, at - 2]) {
      const s = sentences[i]
      if (s === undefined || s.paragraph !== sentences[at].paragraph) break
      const named = persons
        .map((p) => ({ p, first: p.mentions.find((m) => m >= s.start && m < Math.min(s.end, t.index)) }))
        .filter((x) => x.first !== undefined && x.p.gender !== (g === 'f' ? 'm' : 'f'))
        .sort((a, b) => (a.first ?? 0) - (b.first ?? 0))
      for (const { p } of named) {
        p.gender ??= g
        break search
      }
    }
  }
}

/** Words of a source phrase around a pronoun: "according to her", "по его словам", "за її даними", "ihr zufolge". */
const SOURCE_BEFORE = /^(?:to|selon|según|por|по|за|laut|nach)$/u
const SOURCE_AFTER =
  /^(?:zufolge|словам|словами|оценке|оцінкою|оцінками|данным|даними|мнению|думку|підрахунками|подсчетам|подсчётам)$/u

/**
 * Whether the pronoun at `at` speaks: the first word of its sentence ("He told", "Il réclame", "Она добавила"),
 * beside a verb of saying ("she said", "sagt sie", "a-t-elle déclaré"), or in a source phrase ("according to
 * her", "по его словам", "según ella").
 */
function speaks(text: string, from: number, at: number, pronoun: string, lex: Lexicon): boolean {
  const { verbs, inverted, auxiliaries } = lex.speech
  const isVerb = (w: string | undefined): boolean =>
    w !== undefined && (verbs.has(w) || inverted.has(w) || (auxiliaries?.has(w) ?? false))
  const before = text
    .slice(Math.max(from, at - 40), at)
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
  const after = text
    .slice(at + pronoun.length, at + pronoun.length + 40)
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
  if (/^[\s«»"“”„—–-]*$/u.test(text.slice(from, at))) return true
  const prev = before[before.length - 1]
  if (isVerb(prev) || isVerb(after[0]) || (isVerb(after[1]) && auxiliaries?.has(after[0]))) return true
  return (
    (prev !== undefined && SOURCE_BEFORE.test(prev)) ||
    (after[0] !== undefined && SOURCE_AFTER.test(after[0]))
  )
}

/** The gendered pronoun that stands for the speaker of the figure at `at` in the sentence `from`…`to`. */
export function pronounAt(
  text: string,
  from: number,
  to: number,
  at: number,
  lex: Lexicon,
): { gender: Gender; index: number; from: number; to: number } | undefined {
  // the figure's part of the sentence, between semicolons: "Il réclame quatre renforts ; elle en promet deux"
  const sentence = text.slice(from, to)
  let start = from
  let end = to
  for (const m of sentence.matchAll(/;/g)) {
    const k = from + m.index
    if (k < at) start = k + 1
    else if (k < end) end = k
  }
  const found: { gender: Gender; index: number }[] = []
  const quotes = quoteSpans(text)
  for (const [re, gender] of PRONOUNS[lex.code] ?? []) {
    const g = new RegExp(re.source, `${re.flags}g`)
    for (const m of text.slice(start, end).matchAll(g))
      // (not a pronoun inside a quote: "“Connor has nine goals and he is still learning”"; only one that
      // speaks: "в среднем по области она выросла" is the wage)
      if (quoteAt(quotes, start + m.index) === undefined && speaks(text, start, start + m.index, m[0], lex))
        found.push({ gender, index: start + m.index })
  }
  if (found.length === 0) return undefined
  // the nearest before the figure, else the nearest after it ("…99%," she said)
  const before = found.filter((f) => f.index < at).sort((a, b) => b.index - a.index)[0]
  const pick = before ?? found.sort((a, b) => a.index - b.index)[0]
  return { ...pick, from: start, to: end }
}

/** The person `name` (as read or named) stands for, when it names one. */
function personOf(name: string, persons: readonly Person[], slavic: boolean): Person | undefined {
  const words = name
    .replace(/['’]s$/u, '')
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => stemOf(w, slavic))
  return persons.find((p) => p.words.some((w) => words.includes(stemOf(w, slavic))))
}

/**
 * A speaker found for a sentence whose subject is a gendered pronoun, checked against the pronoun: kept when it
 * is named in the sentence itself or is a person of the pronoun's gender (or a body, where a language's
 * pronoun may stand for one), else the nearest earlier person of that gender.
 */
export function agreeWithPronoun(
  found: string | undefined,
  text: string,
  from: number,
  to: number,
  at: number,
  lex: Lexicon,
): string | undefined {
  const pronoun = found === undefined ? undefined : pronounAt(text, from, to, at, lex)
  if (pronoun === undefined || found === undefined) return found
  const slavic = lex.code === 'uk' || lex.code === 'ru'
  const persons = articlePersons(text, lex)
  // (what the pronoun's part of the sentence names: "Ferrer sostiene que …; ella reclama 45 días")
  const sentence = text.slice(pronoun.from, pronoun.to)
  const person = personOf(found, persons, slavic)
  if (person === undefined) {
    // a body: English "he"/"she" never stands for one; elsewhere a pronoun of its grammatical gender may
    // ("la commission… elle", "компанія… вона"), not one of another ("das Umweltamt … sagt sie")
    if (lex.code !== 'en') {
      const g = bodyGender(found, text, lex.code)
      if (g === undefined || g === pronoun.gender) return found
    }
    // (named in the sentence as a body: "Heathrow"; not a sentence's first word read as a name: "Repairs
    // explained fewer than 300 closed cells, she said")
    const key = found
      .replace(/^[«"“„]/u, '')
      .split(/\s+/)
      .find((w) => /^\p{Lu}/u.test(w))
    const known =
      /\s/.test(found.trim()) ||
      /^\p{Lu}{2,}$/u.test(found) ||
      articleEntities(text, lex).some((e) => e.name.split(/\s+/).includes(found))
    if (key !== undefined && sentence.includes(stemOf(key, slavic)) && known) return found
  } else {
    if (person.gender === pronoun.gender || person.gender === undefined) return found
    // (named in the sentence itself: "Marwick said she …")
    if (person.mentions.some((m) => m >= pronoun.from && m < pronoun.to)) return found
  }
  const candidates = persons
    .filter((p) => p.gender === pronoun.gender)
    .map((p) => ({ p, last: Math.max(-1, ...p.mentions.filter((m) => m < pronoun.index)) }))
    .filter((c) => c.last >= 0)
    .sort((a, b) => b.last - a.last)
  return candidates[0]?.p.name ?? found
}
