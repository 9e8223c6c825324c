// Runs everywhere: ONE name normaliser for every speaker reader. A speaker found in a sentence is named as the
// article names it in full and in the nominative: titles and roles before a person are left out (by position
// and the language's lexicon of role nouns, with German genitive endings), a German case ending is undone where
// the article writes the plain form, "X of Y" after a person is where the person works, and a short name is
// extended to the fullest form the article gives ("Halbrook" → "Halbrook Building Society", "Kestrel" →
// "Kestrel Orbital").
import { isAcronym, isCap } from './name-words'
import { spelledOut } from './acronyms'
import { deCommonNoun } from './lang/de-clauses'
import { kindOf } from './entity-kinds'
import { bodyNominative } from './entity-spans'
import { PHRASE } from './mention-phrase'
import { slavicPhraseNominative } from './slavic-phrase'
import type { Lexicon } from './lang/types'
import { escapeRegExp as escape } from './regex'

/**
 * Role nouns by form, beyond a language's title list: German agent nouns and compounds ending in one
 * ("Auktionator", "Insolvenzverwalter", "Baudezernentin", "Finanzvorsteher"), with a genitive or plural ending.
 */
const ROLE_FORM: Readonly<Record<string, RegExp>> = {
  de: /^\p{Lu}\p{Ll}*(?:ator|atorin|eur|eurin|loge|login|ist|istin|verwalter|verwalterin|dezernent|dezernentin|vorsteher|vorsteherin|händler|händlerin|berater|beraterin|anwalt|anwältin|ermittler|ermittlerin|inspektor|inspektorin|referent|referentin|manager|managerin|ökonom|ökonomin)(?:s|en|innen)?$/u,
}

/** Honorifics written before a name in any language (with or without the full stop). */
const HONORIFIC =
  /^(?:Mr|Mrs|Ms|Dr|Prof|Sr|Sra|Srta|Sir|Dame|M|Mme|Mlle|Me|Herr|Frau|Herrn|Don|Doña|пан|пані|господин|госпожа|г-н|г-жа)\.?$/u

/** An unnamed source and the preposition that puts it in a body, in the six languages. */
const SOURCE =
  /^(?:(?:a\s+)?sources?\s+(?:at|in|within|close\s+to)(?:\s+the)?|fuentes?\s+(?:de|del)(?:\s+la|\s+los|\s+las)?|(?:une\s+)?sources?\s+(?:au\s+sein\s+(?:de|du|des)|à|au|de|du|des)(?:\s+la|\s+l['’])?|Kreisen?\s+(?:der|des)|Quellen?\s+(?:in|bei|aus)\s+(?:der|dem|den)|джерел[оа]?\s+(?:в|у|із|з)|источник(?:и|ом)?\s+(?:в|во|из)|собеседник(?:и)?\s+(?:в|во|из))(?=\s)/iu

/**
 * A capitalised adjective in an oblique case, then lower-case words to a body's head noun and its genitive
 * complement (an adjective and its noun): the body's name in the nominative.
 */
function cyrillicBody(word: string, text: string, code: 'ru' | 'uk'): string | undefined {
  if (!/^\p{Lu}\p{Ll}+(?:ой|ого|ей|его|ых|их|ому|ему|ої|ій|ою|им|ім)$/u.test(word)) return undefined
  const m = new RegExp(`(?<![\\p{L}])${escape(word)}((?:[^\\S\\n]+\\p{Ll}[\\p{Ll}-]*){1,5})`, 'u').exec(text)
  if (m === null) return undefined
  const rest = m[1].trim().split(/\s+/)
  for (let n = 1; n <= Math.min(3, rest.length); n++) {
    const phrase = [word, ...rest.slice(0, n)].join(' ')
    // (a head noun no list holds, in the nominative by its morphology: "Национальной лотереи")
    const named =
      bodyNominative(phrase, code) ??
      (n === 1 && PHRASE.has(code) ? slavicPhraseNominative(phrase, code, text) : undefined)
    if (named === undefined || named.split(' ').length !== n + 1) continue
    // (the head's genitive complement: "регулятора азартных игр", "служби безпеки")
    const tail =
      /(?:ых|их|ого|его|ой|ей|ої|ої|ого)$/u.test(rest[n] ?? '') && rest[n + 1] ? rest.slice(n, n + 2) : []
    // (or capitalised: "Избирательной комиссии Северореченской области" → "… комиссия Северореченской области")
    const complement = tail.length > 0 ? tail : complementAfter(phrase, text, false)
    return [named, ...complement].join(' ')
  }
  return undefined
}

/**
 * "The same" before a body's role noun, with a source phrase before it: "the same ministry", "le même
 * ministère", "el mismo ministerio", "те ж міністерство", "по данным того же министерства" → the role noun.
 */
const SAME =
  /^(?:\p{Ll}+\s+){0,2}?(?:the\s+same|(?:l[ea]\s+)?même|el\s+mismo|la\s+misma|derselbe|dieselbe|dasselbe|desselben|derselben|(?:те|той|та|того|тієї|тому|то|тот|той)\s+(?:ж|же))\s+(?=\p{Ll})/iu

/** A company's legal form written before its quoted name. */
const LEGAL_FORM = /^(?:АО|ПАО|ОАО|ЗАО|ООО|НАО|ГК|АТ|ПАТ|ПрАТ|ТОВ|НАК|ДП|КП)$/u

/** A possessive determiner before a role, in the six languages. */
const POSSESSIVE =
  /^(?:his|her|its|their|son|sa|leur|su|sus|sein|seine|seiner|seinen|ihr|ihre|ihrer|ihren|его|её|ее|их|його|її|їхній|їхня)$/iu

/** A German source noun that governs a genitive name: "nach Angaben Ambergers". */
const GERMAN_SOURCE = /^(?:Angaben|Worten|Aussagen?|Schätzungen?|Berechnungen|Einschätzung|Ansicht)$/u

/** Undo a German genitive or dative ending: "Insolvenzverwalters" → "Insolvenzverwalter", "Arbeitskreises" → "Arbeitskreis". */
function germanStems(word: string): string[] {
  const out: string[] = []
  for (const ending of ['es', 's', 'en', 'n', 'e'])
    if (word.length > ending.length + 3 && word.endsWith(ending)) out.push(word.slice(0, -ending.length))
  return out
}

/** Whether `word` is a role or title by the language's lexicon or by its form. */
function isRole(word: string, lex: Lexicon): boolean {
  const lower = word.toLowerCase().replace(/[.,]$/, '')
  const titles = lex.speech.titles
  if (titles.has(lower) || HONORIFIC.test(word)) return true
  if (lex.code === 'de' && germanStems(lower).some((s) => titles.has(s))) return true
  // a German adjectival role noun with its strong ending: "Vorsitzender", "Beauftragter", "Angestellter"
  if (
    lex.code === 'de' &&
    /^(?:\p{L}*(?:vorsitzende|beauftragte|angestellte|abgeordnete)[rn]?)$/u.test(lower)
  )
    return true
  // a compound whose last part is a role: "SWD-Klimatologin", "ДСНС-речниця"
  const part = /^[\p{L}\d]+-(\p{L}{4,})$/u.exec(word)?.[1]
  if (part !== undefined && isRole(part[0].toUpperCase() + part.slice(1), lex)) return true
  return ROLE_FORM[lex.code]?.test(word) === true
}

/**
 * Roles and titles before a person's two or three names are no part of the name: "Dr. Anna Weber", "Chief Fire
 * Officer Dana Whitlow", "SWD-Klimatologin Henrike Asmussen" (the word before the person is a role, the words
 * before it roles or the capitalised words of one).
 */
export function withoutRoles(name: string, lex: Lexicon): string {
  const words = name.split(/\s+/)
  for (let k = 1; k <= words.length - 2; k++) {
    if (!personLike(words.slice(k), lex) || !isRole(words[k - 1], lex)) continue
    if (words.slice(0, k - 1).every((w) => isRole(w, lex) || isCap(w))) return words.slice(k).join(' ')
  }
  return name
}

/** A Russian or Ukrainian adjective in an oblique case: "Северореченской", "Приозерского", "рятувальної". */
const OBLIQUE_ADJECTIVE = /^\p{L}[\p{L}-]+(?:ой|ей|ого|его|ых|их|іх|ої|ього|ьої)$/u
/** A lower-case Slavic noun that may close a complement: not a preposition, conjunction or verb. */
const COMPLEMENT_NOUN =
  /^(?!(?:что|що|как|як|уже|вже|также|також|который|которая|який|яка)$)\p{Ll}[\p{Ll}-]{2,}(?<!(?:ла|ло|ли|ал|ил|ув|ав|ет|ют|ит|ят|ся|сь))$/u

/**
 * The genitive complement the text writes right after `phrase`: oblique adjectives and their noun
 * ("Избирательной комиссии" + "Северореченской области", "Гидрометцентр Приозерского" + "края"); with
 * `open`, the phrase's own last adjective waits for its noun and no adjective need follow.
 */
function complementAfter(phrase: string, text: string, open: boolean): string[] {
  const m = new RegExp(`(?<![\\p{L}])${escape(phrase)}((?:[^\\S\\n]+[\\p{L}-]+){1,3})`, 'u').exec(text)
  if (m === null) return []
  const next = m[1].trim().split(/\s+/)
  let k = 0
  while (k < next.length && OBLIQUE_ADJECTIVE.test(next[k])) k++
  // (a noun may end like an adjective: "внутренних водных путей", "областей")
  if (k === next.length && k > (open ? 0 : 1)) k--
  if ((k === 0 && !open) || k >= next.length || !COMPLEMENT_NOUN.test(next[k])) return []
  return next.slice(0, k + 1)
}

/** A person's name: two or three capitalised words, none a role, a body's head or an acronym. */
function personLike(words: readonly string[], lex: Lexicon): boolean {
  if (words.length < 2 || words.length > 3) return false
  return words.every(
    (w) =>
      isCap(w) &&
      !isAcronym(w) &&
      !isRole(w, lex) &&
      !lex.speech.orgs.has(w.toLowerCase()) &&
      !lex.speech.functionWords.has(w.toLowerCase()),
  )
}

/** Links between a person and where they work: "Tomas Reyer of the European Launch Observatory". */
// (English only: French, Spanish and German bodies hold "de" and "von" — "Coordinadora Portuaria de Valdemar")
const WORKPLACE: Readonly<Record<string, readonly string[]>> = { en: ['of', 'at', 'from'] }

/**
 * `found` as the article names it: titles and roles before a person left out, case endings undone where the
 * article writes the plain form, a workplace after a person left out, a short name extended to its fullest form;
 * a kind noun is the body named so before `until` (the end of the mention's sentence).
 */
export function normalizeSpeaker(found: string, text: string, lex: Lexicon, until = text.length): string {
  let words = found
    .trim()
    .replace(/['’]s$/u, '')
    .replace(SAME, '')
    .split(/\s+/)
  // an unnamed source in a body speaks as the body (conventions §14): "Fuentes de la Consejería", "джерела в
  // обласній адміністрації", "Источник в министерстве", "a source at the ministry"
  const source = SOURCE.exec(words.join(' '))
  if (source) {
    const n = source[0].trim().split(/\s+/).length
    if (words.length > n) words = words.slice(n)
  }
  // a possessive before a role: "Sein Vorsitzender Lorenz Aigner", "its chief executive Ana Ruiz", "su
  // presidenta", "его директор", "її голова"
  if (words.length > 2 && POSSESSIVE.test(words[0]) && isRole(words[1], lex)) words = words.slice(1)
  // a source noun before a German genitive name: "nach Angaben Ambergers", "nach Worten Müllers"
  if (lex.code === 'de' && words.length === 2 && GERMAN_SOURCE.test(words[0]) && isCap(words[1]))
    words = words.slice(1)
  // a company's legal form read alone: the quoted name after it ("АО «Росгазрезерв»", "ТОВ «Агросвіт»")
  if (words.length === 1 && LEGAL_FORM.test(words[0])) {
    const quoted = new RegExp(`(?<![\\p{L}])${escape(words[0])}\\s+[«"“]([^»"”]{2,40})[»"”]`, 'u').exec(text)
    if (quoted) return quoted[1]
  }
  // a Cyrillic body cut after its first adjective ("по оценке Федеральной антимонопольной службы" read as
  // "Федеральной"): the body as the text writes it, to its head noun, in the nominative
  if ((lex.code === 'ru' || lex.code === 'uk') && words.length === 1) {
    const whole = cyrillicBody(words[0], text, lex.code)
    if (whole) return whole
  }
  // a Cyrillic body's name cut after an adjective of its complement: "Гидрометцентр Приозерского" → "… края"
  // (only an ending no nominative has: "Игорь Ланской", "Лев Толстой" are a name in full)
  if (
    (lex.code === 'ru' || lex.code === 'uk') &&
    words.length >= 2 &&
    /(?:ого|его|ої|ього|ьої|ых|их)$/u.test(words[words.length - 1])
  )
    words = [...words, ...complementAfter(words.join(' '), text, true)]
  // roles and honorifics before a person: "Auktionator Felix Brenneke", "Insolvenzverwalters Jörg Wendrich",
  // "Dr. Anna Weber", "пан Олег Рудницький"
  words = withoutRoles(words.join(' '), lex).split(' ')
  // a person and where they work: "Tomas Reyer of the European Launch Observatory"
  const links = WORKPLACE[lex.code] ?? []
  const at = words.findIndex((w, i) => i >= 2 && links.includes(w))
  // (a person only where the article also writes the surname alone: "Reyer said", not "Laboratorio Nacional de …")
  const surname = words[at - 1] ?? ''
  const alone = new RegExp(
    `(?<![\\p{L}'’-])${escape(surname)}(?![\\p{L}'’-])(?![^\\S\\n]+(?:${links.join('|')}|\\p{Lu}))`,
    'u',
  )
  if (at >= 2 && personLike(words.slice(0, at), lex) && words.slice(at + 1).some(isCap) && alone.test(text))
    words = words.slice(0, at)
  let name = words.join(' ')
  if (lex.code === 'de') name = germanNominative(name, text)
  // an acronym: its expansion as the article introduces it ("CHI" → "Coordinadora Humanitaria Internacional")
  if (isAcronym(name)) return spelledOut(text, name) ?? name
  // (a kind noun points back: the body named before it, not one quoted later — "по данным компании" is not
  // "компании «Меридиан Капитал»" of a later paragraph)
  const body = roleEntity(name, text.slice(0, until), lex)
  if (body === undefined) return extendShort(name, text, lex)
  // (a Cyrillic body found in another case: "Міністерстві у справах ветеранів" → "Міністерство …")
  return bodyNominative(body, lex.code) ?? body
}

/**
 * A role noun for a body ("la agencia", "фонду", "таможни", "chambre") → the fullest name the article gives a
 * body with that head noun, in any case: "Agencia Estatal de Tráfico", "Благодійний фонд «Світлиця»".
 */
function roleEntity(name: string, text: string, lex: Lexicon): string | undefined {
  const words = name.split(/\s+/)
  if (words.length > 2 || words.some((w) => /\p{Lu}/u.test(w)) || !/^\p{Ll}/u.test(name)) return undefined
  const head = words[words.length - 1]
  if (head.length < 5) return undefined
  const stem = head.slice(0, head.length - (head.length >= 7 ? 2 : 1))
  const cap = String.raw`\p{Lu}[\p{L}'’-]*`
  const links = String.raw`(?:(?:de|del|des|du|d['’]|la|le|l['’]|of|the|for|der|für|und|y|et|і|и|з|по|у|в)[^\S\n]+)`
  const either = `[${stem[0].toUpperCase()}${stem[0]}]${escape(stem.slice(1))}`
  const re = new RegExp(
    String.raw`((?:${cap}[^\S\n]+)*)(?<![\p{L}])(${either}\p{L}{0,3})(?![\p{L}])((?:[^\S\n]+«[^»]{2,40}»)|(?:[^\S\n]+${links}*(?:\p{Ll}+[^\S\n]+${links}*){0,3}${cap}(?:[^\S\n]+${links}*${cap})*))?`,
    'gu',
  )
  let best: string | undefined
  for (const m of text.matchAll(re)) {
    // (a determiner opening the sentence is no part of the name: "La Agencia …")
    const opener = m[1].split(/\s+/)[0]?.toLowerCase() ?? ''
    const skip =
      lex.speech.determiners.has(opener) || lex.speech.functionWords.has(opener)
        ? m[1].split(/\s+/)[0].length
        : 0
    const full = m[0].slice(skip).trim()
    if (!/\p{Lu}|«/u.test(full.slice(m[1].length).replace(/^\p{Lu}/u, '')) && m[1] === '') continue
    if (full.split(/\s+/).length > 9) continue
    // (an opening capital of a sentence is no name: the phrase needs a capital besides its head's)
    const caps = full.split(/\s+/).filter((w) => /^\p{Lu}|^«/u.test(w)).length
    // (a role, the body in its genitive and a person is the person, not the body: "Директорка центру Наталія
    // Гордійчук", "Начальник администрации Виктор Панкратов")
    const before = m[1].trim().split(/\s+/)
    const after = (m[3] ?? '').trim().split(/\s+/)
    if (m[1] !== '' && isRole(before[before.length - 1], lex) && personLike(after, lex)) continue
    if (caps < 2 && !full.includes('«')) continue
    if (best === undefined || full.length > best.length) best = full
  }
  // (a Slavic body's complements in lower case, which the run of capitals above stops before)
  const chained = slavicBodyName(stem, text, lex)
  return chained !== undefined && chained.length > (best?.length ?? 0) ? chained : best
}

/**
 * A Ukrainian or Russian body written with its first word capitalised and its genitive complements after it in
 * lower case, or capitalised adjectives: "Центр освітніх вимірювань", "Администрации Вятско-Камского бассейна
 * внутренних водных путей" — the head noun of `stem` with every complement the text chains after it.
 */
function slavicBodyName(stem: string, text: string, lex: Lexicon): string | undefined {
  if (lex.code !== 'uk' && lex.code !== 'ru') return undefined
  const head = `${stem[0].toUpperCase()}${escape(stem.slice(1))}`
  let best: string | undefined
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${head}\\p{L}{0,3}(?![\\p{L}])`, 'gu'))) {
    let phrase = m[0]
    for (let n = 0; n < 3; n++) {
      // (or, after a complement, a noun in the genitive plural: "Центр професійної підготовки кадрів")
      const plural = new RegExp(`^${escape(phrase)}[^\\S\\n]+(\\p{Ll}+(?:ів|ов|ев))(?![\\p{L}])`, 'u')
      const noun = n > 0 ? plural.exec(text.slice(m.index))?.[1] : undefined
      const more = complementAfter(phrase, text.slice(m.index), false)
      if (more.length === 0 && noun !== undefined) more.push(noun)
      if (more.length === 0) break
      phrase = `${phrase} ${more.join(' ')}`
    }
    if (phrase === m[0]) continue
    const named = bodyNominative(phrase, lex.code) ?? phrase
    if (best === undefined || named.length > best.length) best = named
  }
  return best
}

/**
 * "Arbeitskreises Deutscher Auktionshäuser" → "Arbeitskreis Deutscher Auktionshäuser" where the article writes it
 * so; a body's kind noun in the genitive before its own genitive complement, or alone, whether or not the article
 * writes it plain: "Verbands der Ersatzkassen" → "Verband der Ersatzkassen".
 */
export function germanNominative(name: string, text: string): string {
  const [first, ...rest] = name.split(' ')
  if (!isCap(first) || isAcronym(first)) return name
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : ''
  for (const stem of germanStems(first)) {
    const plain = `${stem}${tail}`
    if (new RegExp(`(?<![\\p{L}])${escape(plain)}(?![\\p{L}])`, 'u').test(text)) return plain
  }
  if (rest.length > 0 && !/^(?:der|des|für|von)$/u.test(rest[0])) return name
  const kind = /^(\p{Lu}\p{Ll}{3,}?)(?:es|s)$/u.exec(first)?.[1]
  return kind !== undefined && kindOf(kind, true) !== undefined ? `${kind}${tail}` : name
}

/** Lower-case words a body's name may hold: "Ministry of the Interior", "Caisse nationale des retraites". */
const LINKS: Readonly<Record<string, readonly string[]>> = {
  en: ['of', 'for', 'and', 'the'],
  fr: ['de', 'des', 'du', 'la', 'et'],
  es: ['de', 'del', 'la', 'las', 'los', 'y'],
  de: ['der', 'des', 'für', 'und', 'von', '&'],
}

/**
 * A one-word name extended to the fullest capitalised run the article opens with it: "Halbrook" → "Halbrook
 * Building Society", "Kestrel" → "Kestrel Orbital" (Latin scripts; a person's surname is the entity table's).
 */
function extendShort(name: string, text: string, lex: Lexicon): string {
  // a body's kind with the quoted name the article gives it: "Благодійний фонд" → "Благодійний фонд «Світлиця»"
  if (isCap(name) && name.includes(' ')) {
    const quoted = new RegExp(`(?<![\\p{L}])${escape(name)}\\s+«([^»]{2,40})»`, 'u').exec(text)
    if (quoted) return `${name} «${quoted[1]}»`
  }
  if (name.includes(' ') || !isCap(name) || isAcronym(name) || name.length < 3) return name
  if (lex.code === 'uk' || lex.code === 'ru') return name
  // a surname: the first name the article gives it mid-sentence ("Izquierdo" → "Ramón Izquierdo")
  const { functionWords, determiners, titles, orgs } = lex.speech
  const person = new RegExp(
    String.raw`(?<=(?:[\p{Ll},"“»”(]|\b(?:Dr|Prof|Mr|Mrs|Ms|Mme|Sr|Sra)\.) )(\p{Lu}[\p{Ll}'’-]+) ${escape(name)}(?![\p{L}'’-])`,
    'gu',
  )
  for (const m of text.matchAll(person)) {
    const first = m[1].toLowerCase()
    if (functionWords.has(first) || determiners.has(first) || titles.has(first) || orgs.has(first)) continue
    if (isRole(m[1], lex) || (lex.code === 'de' && deCommonNoun(m[1], text))) continue
    return `${m[1]} ${name}`
  }
  // a German kind noun and the name the article gives it, in any case: "Tierpark" → "Tierpark Erlenbrunn"
  // (written "des Tierparks Erlenbrunn"; the name a capitalised word that is no common noun)
  if (lex.code === 'de' && kindOf(name, true) !== undefined) {
    const named = new RegExp(
      `(?<![\\p{L}])${escape(name)}(?:e?s)?[^\\S\\n]+(\\p{Lu}[\\p{Ll}-]+)(?![\\p{L}])`,
      'u',
    )
    const m = named.exec(text)
    if (m && !isRole(m[1], lex) && !deCommonNoun(m[1], text) && kindOf(m[1], true) === undefined)
      return `${name} ${m[1]}`
  }
  const links = (LINKS[lex.code] ?? LINKS.en).join('|')
  const word = String.raw`\p{Lu}[\p{L}'’&-]*`
  const re = new RegExp(
    String.raw`(?<![\p{L}'’-])${escape(name)}((?:[^\S\n]+(?:(?:${links})[^\S\n]+)*${word})+)(?![\p{L}])`,
    'gu',
  )
  let best = name
  for (const m of text.matchAll(re)) {
    // a product and its model number is no longer name of its maker ("Aster Nova 3")
    if (/^[^\S\n]*\d/.test(text.slice(m.index + m[0].length))) continue
    let full = `${name}${m[1]}`.replace(/['’]s$/u, '')
    const ws = full.split(/\s+/)
    // a person's first name is no body ("Brenneke" is not extended by "Brenneke Felix"), nor is a verb or
    // a sentence's next word: every added word must be capitalised mid-sentence and no title
    const added = ws.slice(1)
    if (added.some((w) => isRole(w, lex) || lex.speech.functionWords.has(w.toLowerCase()))) continue
    // the article writes the long form as a name of its own (twice, or once with a body's head word)
    const last = added[added.length - 1].toLowerCase()
    const bodyHead = lex.speech.orgs.has(last) || /^(?:&|und|and|et|y)$/.test(added[0] ?? '')
    // (German capitalises every noun: "dass Wendrich Zahlen nannte" — there only a body's head word extends)
    if (!bodyHead && lex.code === 'de') continue
    while (ws.length > 1 && (LINKS[lex.code] ?? LINKS.en).includes(ws[ws.length - 1])) ws.pop()
    full = ws.join(' ')
    if (full.length > best.length && ws.length <= 8) best = full
  }
  return best
}
