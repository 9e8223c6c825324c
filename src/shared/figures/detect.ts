// Runs everywhere: finds the numeric figures in plain English text.
import { readCore } from './core'
import { findExclusions, overlapsAny } from './exclusions'
import type { CarryInfo } from './carry-units'
import { carryUnits } from './carry-units'
import { currencyBefore, extendLeft, extendRight } from './extend'
import type { Verdict } from './filters'
import { isDesignation, judge } from './filters'
import { ratioWordAfter } from './multipliers'
import { KINDS } from './lang/kinds'
import { countedHead } from './noun-phrase'
import { extendPair } from './ranges'
import { isSym, splitAtExclusions, tokenize } from './tokenize'
import type { Draft, FigureCandidate, Scan } from './types'
import { en } from './lang/en'
import type { Lexicon } from './lang/types'

type Read = { draft?: Draft; core: Draft; verdict: Verdict }

/**
 * Figures in `text`, read with the rules of one language (English unless told), sorted by start and never
 * overlapping; each `text` is `input.slice(start, end)`.
 */
export function detectFigures(text: string, lex: Lexicon = en): FigureCandidate[] {
  const excluded = findExclusions(text, lex)
  const tokens = splitAtExclusions(tokenize(text, lex.numberPatterns), excluded)
  const blocked = tokens.map((t) => overlapsAny(excluded, t.start, t.end))
  const scan: Scan = { text, tokens, blocked, lex }
  const found: Read[] = []
  for (let i = 0; i < tokens.length; i++) {
    const read = readFigure(scan, i)
    if (read === undefined) continue
    i = Math.max(i, read.draft?.last ?? read.core.last)
    if (read.draft !== undefined && read.verdict !== 'drop') found.push(read)
  }
  const kept = found.filter((r) => r.verdict === 'keep' || hasCompany(scan, r, found))
  const figures: FigureCandidate[] = []
  const infos: CarryInfo[] = []
  for (const { draft } of kept) {
    const candidate = toCandidate(scan, draft as Draft)
    if (figures.length === 0 || figures[figures.length - 1].end <= candidate.start) {
      figures.push(candidate)
      infos.push(carryInfo(scan, draft as Draft, candidate))
    }
  }
  carryUnits(text, figures, infos, lex.code)
  return figures
}

/** Whether a found figure may take or lend an elided unit (conventions §15). */
function carryInfo(scan: Scan, draft: Draft, candidate: FigureCandidate): CarryInfo {
  const plain = draft.kind === 'digits' || draft.kind === 'words'
  const ratio = ratioWordAfter(scan, draft) !== undefined
  const scale =
    draft.scale ?? (draft.kind === 'words' ? scan.lex.scaleWords[scan.tokens[draft.last].lower] : undefined)
  return {
    bare: plain && !ratio && candidate.unit === undefined && draft.unit === undefined,
    measured: draft.measure !== undefined && !ratio,
    scale,
  }
}

/** One number with everything attached to it, before ranges and judgement. */
function readSingle(scan: Scan, i: number): Read | undefined {
  const core = readCore(scan, i)
  if (core === undefined) return undefined
  if (core.kind === 'vague') return { draft: core, core, verdict: 'keep' }
  const currency = currencyBefore(scan, core.first)
  const right = extendRight(scan, core, currency?.code)
  if (right === undefined) return { core, verdict: 'drop' }
  return { draft: extendLeft(scan, right, currency), core, verdict: 'keep' }
}

/** The figure whose first token (a currency sign or the number itself) is `at`; for the second half of a range. */
function readFrom(scan: Scan, at: number): Draft | undefined {
  for (let i = at; i <= at + 2 && i < scan.tokens.length; i++) {
    const read = readSingle(scan, i)
    if (read === undefined) continue
    const { draft } = read
    // "від 3 до 5": the range word before the second number ("до") was read as its qualifier
    const link = scan.tokens[at - 1]
    if (draft?.first === at - 1 && draft.qualifier === link?.lower && scan.lex.range.to.includes(link.lower))
      return { ...draft, first: at, qualifier: undefined }
    return draft?.first === at ? draft : undefined
  }
  return undefined
}

function readFigure(scan: Scan, i: number): Read | undefined {
  const single = readSingle(scan, i)
  if (single?.draft === undefined || single.core.kind === 'vague') return single
  // a number that names something opens no range: "Snapdragon 8 Gen 3 a 3,3 GHz"
  if (
    single.core.kind === 'digits' &&
    single.draft.measure === undefined &&
    isDesignation(scan, single.draft, single.core)
  )
    return { ...single, verdict: 'drop' }
  const draft = extendPair(scan, single.draft, (at) => readFrom(scan, at))
  return { draft, core: single.core, verdict: judge(scan, draft, single.core) }
}

/** A lone `one` counts beside another figure in its sentence, or before a casualty verb. */
function hasCompany(scan: Scan, read: Read, found: Read[]): boolean {
  const { tokens } = scan
  const draft = read.draft as Draft
  let start = draft.first
  while (start > 0 && !isSym(tokens[start - 1], '.', '!', '?') && !tokens[start].gap.includes('\n')) start--
  let end = draft.last
  while (end + 1 < tokens.length && !isSym(tokens[end], '.', '!', '?') && !tokens[end + 1].gap.includes('\n'))
    end++
  const near = tokens.slice(draft.last + 1, draft.last + 5)
  if (near.some((t) => scan.lex.casualtyWords.has(t.lower))) return true
  return found.some(
    (r) =>
      r !== read &&
      r.verdict === 'keep' &&
      r.draft !== undefined &&
      r.draft.first >= start &&
      r.draft.last <= end,
  )
}

function toCandidate(scan: Scan, draft: Draft): FigureCandidate {
  const { text, tokens } = scan
  const start = tokens[draft.first].start
  const end = tokens[draft.last].end
  const candidate: FigureCandidate = { text: text.slice(start, end), start, end, value: draft.value }
  if (draft.max !== undefined) candidate.max = draft.max
  // "three times the limit", "в 2,3 раза больше": a multiplier has no unit (conventions §16)
  const ratio = draft.measure === undefined && ratioWordAfter(scan, draft) !== undefined
  const noun = ratio
    ? undefined
    : draft.kind === 'vague'
      ? (countedHead(scan, draft.last + 1, true) ??
        (/^(hundred|thousand|million|dozen)$/.test(tokens[draft.last].lower) || scan.lex.nouns?.capitalised
          ? countedHead(scan, draft.last + 1)
          : undefined))
      : draft.kind === 'fraction' || draft.kind === 'ratio'
        ? undefined
        : ((afterScale(scan, draft) ? countedHead(scan, draft.last + 1, true) : undefined) ??
          countedHead(scan, draft.last + 1))
  const unit = ratio ? undefined : (draft.measure ?? draft.unit ?? pluralAfterMany(scan, draft, noun))
  if (unit !== undefined) candidate.unit = unit
  if (draft.qualifier !== undefined) candidate.qualifier = draft.qualifier
  if (draft.kind === 'vague') candidate.vague = true
  return candidate
}

/**
 * Where a counted noun after two or more is written plural (French, Spanish), a head that is not plural is
 * no counted noun but a word of the sentence: "tombés à 1 980 l'an dernier", "dont 6,1 milliards grâce à",
 * "dont 11 visant des golfs", "contre 172 aujourd'hui" (a name keeps its capital: "40 Airbus").
 */
function pluralAfterMany(scan: Scan, draft: Draft, noun: string | undefined): string | undefined {
  // after a scale word Ukrainian and Russian count a noun in the genitive, never a verb: "29 млн піде на
  // покрівлю", "з яких 11 млн надав банк", "из них 3,2 млрд выделит бюджет"
  const verb = VERB_AFTER_SCALE[scan.lex.code]
  if (noun !== undefined && verb !== undefined && afterScale(scan, draft)) {
    const first = noun.toLowerCase().split(/\s/)[0]
    if (verb.test(first) || KINDS[scan.lex.code].verbs?.test(first)) return undefined
  }
  const plural = PLURAL_ONLY.has(scan.lex.code) ? KINDS[scan.lex.code].plural : undefined
  if (noun === undefined || plural === undefined || Math.abs(draft.value) < 2) return noun
  if (noun in scan.lex.measures || /^\p{Lu}/u.test(noun) || plural.test(noun.toLowerCase().split(/[\s-]/)[0]))
    return noun
  return undefined
}

/** Verb endings no genitive noun has: past (надав, выделил), present or future (піде, надає, выделит). */
const VERB_AFTER_SCALE: Readonly<Record<string, RegExp>> = {
  uk: /^\p{L}{1,}(?:ав|ив|ить|ає|ує|іде|иде|йде|уде|ме)$/u,
  ru: /^\p{L}{2,}(?:ил|ал|ит|ёт|ает|яет|ует)$/u,
}

/** Languages whose counted nouns after two or more always carry a plural ending. */
const PLURAL_ONLY: ReadonlySet<string> = new Set(['fr', 'es'])

/** A scale word ends the number: "4,8 millones de turistas", "2 millions de personnes" count what follows "de". */
const afterScale = (scan: Scan, draft: Draft): boolean =>
  draft.measure === undefined &&
  (draft.scale !== undefined || scan.tokens[draft.last].lower in scan.lex.scaleWords)
