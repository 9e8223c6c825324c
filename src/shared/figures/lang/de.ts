// Runs everywhere: German (Germany, Austria, Switzerland): 1.234,5 and Swiss 1'234.50, "Millionen",
// "Prozent", "rund"/"knapp" before the number, nouns written with a capital.
import { isGermanNumberWord, parseGermanNumberWords } from './de-numbers'
import { dePeriod } from './de-periods'
import { deSpeech } from './de-speech'
import { DE_CURRENCY_PREFIXES, DE_CURRENCY_SUFFIXES, DE_MEASURES, DE_PERCENT_WORDS } from './de-units'
import type { Lexicon } from './types'

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '))

const MONTH =
  '(?:Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|' +
  '(?:Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\\.)'
const NUMBER_WORD =
  '(?:ein|eine|einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|\\p{L}+zehn|\\p{L}*zig|\\p{L}*ßig)'

export const de: Lexicon = {
  code: 'de',
  numberPatterns: [
    '\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?(?!\\d)',
    "\\d{1,3}(?:['’]\\d{3})+(?:[.,]\\d+)?(?!\\d)",
    '\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?:,\\d+)?(?!\\d)',
    '\\d+(?:[.,]\\d+)?',
  ],
  // 1.234,5 → 1234.5; Swiss 1'234.50 → 1234.50; a lone dot before one or two digits is a Swiss decimal
  normalizeDigits: (text) => {
    const t = text.replace(/['’\s]/g, '')
    if (t.includes(',')) return t.replace(/\./g, '').replace(',', '.')
    return /^\d{1,3}(?:\.\d{3})+$/.test(t) ? t.replace(/\./g, '') : t
  },
  qualifiers: [
    'nicht mehr als',
    'nicht weniger als',
    'etwas mehr als',
    'etwas weniger als',
    'deutlich mehr als',
    'deutlich weniger als',
    'weit mehr als',
    'mehr als',
    'weniger als',
    'höchstens',
    'mindestens',
    'wenigstens',
    'bis zu',
    'knapp über',
    'knapp unter',
    'gut über',
    'weit über',
    'weit unter',
    'über',
    'unter',
    'rund',
    'etwa',
    'ca.',
    'circa',
    'zirka',
    'ungefähr',
    'annähernd',
    'nahezu',
    'beinahe',
    'fast',
    'knapp',
    'kaum',
    'gut',
    'um die',
    'an die',
    'geschätzt',
    'schätzungsweise',
  ],
  currencyPrefixes: DE_CURRENCY_PREFIXES,
  currencySuffixes: DE_CURRENCY_SUFFIXES,
  scaleWords: {
    tausend: 1e3,
    'tsd.': 1e3,
    tsd: 1e3,
    million: 1e6,
    millionen: 1e6,
    mio: 1e6,
    'mio.': 1e6,
    milliarde: 1e9,
    milliarden: 1e9,
    mrd: 1e9,
    'mrd.': 1e9,
    billion: 1e12,
    billionen: 1e12,
    bio: 1e12,
    'bio.': 1e12,
  },
  moneyScales: {},
  vague: {
    hunderttausende: { value: 2e5 },
    hunderttausenden: { value: 2e5 },
    zehntausende: { value: 2e4 },
    zehntausenden: { value: 2e4 },
    'mehrere hundert': { value: 300 },
    'mehrere tausend': { value: 3000 },
    'mehrere dutzend': { value: 36 },
    'einige hundert': { value: 200 },
    'einige tausend': { value: 2000 },
    'einige dutzend': { value: 24 },
    'ein paar hundert': { value: 200 },
    'ein paar tausend': { value: 2000 },
    'ein paar dutzend': { value: 24 },
    dutzende: { value: 24 },
    dutzenden: { value: 24 },
    hunderte: { value: 200 },
    hunderten: { value: 200 },
    tausende: { value: 2000 },
    tausenden: { value: 2000 },
    millionen: { value: 2e6 },
    milliarden: { value: 2e9 },
    jahrzehnte: { value: 20, unit: 'years' },
    jahrzehnten: { value: 20, unit: 'years' },
  },
  of: ['von'],
  percentWords: DE_PERCENT_WORDS,
  measures: DE_MEASURES,
  parseNumberWords: parseGermanNumberWords,
  isNumberWord: isGermanNumberWord,
  ordinalSuffix: /^(?:[a-z]|te[nrms]?|ste[nrms]?)$/i,
  ago: ['zuvor', 'davor', 'später', 'danach', 'früher'],
  months: [
    'januar',
    'jänner',
    'februar',
    'märz',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'dezember',
  ],
  exclusions: [
    // dates: 4. Dezember (2024), Dezember 2024, 4.12.
    new RegExp(`\\b\\d{1,2}\\.\\s*${MONTH}(?!\\p{L})(?:\\s+\\d{4}\\b)?`, 'gu'),
    new RegExp(`${MONTH.replace('(?:', '(?<!\\p{L})(?:')}(?!\\p{L})\\s+\\d{4}\\b`, 'gu'),
    /\b\d{1,2}\.\d{1,2}\.(?!\d)/g,
    // times: 14.30 Uhr, 3 Uhr, 17:05; scores and ratios 2:2
    /\b\d{1,2}(?:[.:]\d{2})?\s*Uhr\b/g,
    /\b(?:[Vv]on|[Aa]b|[Zz]wischen)\s+\d{1,2}(?:[.:]\d{2})?\s*(?:bis|und|-|–)\s*\d{1,2}(?:[.:]\d{2})?\s*Uhr\b/g,
    /\b\d{1,2}:\d{1,2}\b/g,
    // ordinals: am 3. Tag, die 5. Klasse, "1." opening a list item
    /\b\d{1,3}\.(?=[ \u00a0]+\p{Ll})/gu,
    /(?<=\b(?:der|die|das|dem|den|des|am|im|zum|zur|vom|beim|ins|seinem|seiner|ihrem|ihrer)\s+)\d{1,3}\.(?=\s)/gu,
    // "dem rettenden 16. Platz", "beim kommenden 3. Spieltag": an adjective between the article and the ordinal
    /(?<=(?<!\p{L})(?:der|die|das|dem|den|des|am|im|zum|zur|vom|beim)\s+\p{Ll}+\s+)\d{1,3}\.(?=\s)/gu,
    /^[ \t]*\d{1,2}\.(?=[ \t])/gm,
    // ages: ein 9-jähriger Junge, 71 Jahre alt, im Alter von 71 Jahren, Kinder unter 14 Jahren
    /\b\d+-(?:jährig|monatig|wöchig)\p{L}*/giu,
    // "Mit 19 Jahren durchstieg sie", "Noch mit 82 Jahren stand sie", "weil man 80 ist"
    new RegExp(
      `(?:^|(?<=[.!?„“"]\\s*)|(?<=\\b(?:[Nn]och|[Ss]chon|[Ee]rst|[Bb]ereits|und)\\s+))[Mm]it\\s+(?:\\d{1,3}|${NUMBER_WORD})\\s+Jahren(?=\\s*[,.;:]|\\s+\\p{Ll})`,
      'gmu',
    ),
    new RegExp(
      `(?<=\\b(?:man|er|sie|ich|du)\\s+)(?:\\d{1,3}|${NUMBER_WORD})(?=\\s+(?:ist|war|wird|wurde|bin|bist|sei|wäre)\\b)`,
      'gu',
    ),
    new RegExp(`\\b(?:\\d+|${NUMBER_WORD})[\\s-]+(?:Jahre|Monate)\\s+alt(?:e[nrms]?)?\\b`, 'giu'),
    /\bim Alter (?:von|zwischen) \d+(?:\s*(?:und|bis|-|–)\s*\d+)?(?:\s+Jahren)?/gi,
    // "Jörg Wendtland, 58, sagte" (not "stimmten 71 Abgeordnete, 54 votierten dagegen")
    /(?<=\p{Lu}[\p{L}'’-]+,\s)\d{1,3}(?=[.,;)](?:\s|$))/gu,
    // time references: vor drei Jahren (three years ago), with a qualifier too: vor gut einem Jahrzehnt
    new RegExp(
      `\\bvor\\s+(?:(?:gut|knapp|rund|etwa|fast|ungefähr|mehr\\s+als|über)\\s+)?(?:\\d+|${NUMBER_WORD}|einem|einer)\\s+(?:Jahren|Jahrzehnten|Jahrzehnt|Monaten|Wochen|Tagen|Stunden|Minuten)\\b`,
      'giu',
    ),
    // compound nouns whose first part is a number: 10-Minuten-Takt, 3-Zimmer-Wohnung
    /\b\d+-\p{L}+-\p{L}+/gu,
    // decades: die 1970er Jahre, in den 70ern
    /\b\d{2,4}er(?:n|-?Jahren?)?\b/g,
    // addresses: Karlstraße 12, Hauptstr. 5a
    /\p{Lu}\p{L}*(?:straße|strasse|str\.|gasse|weg|platz|allee|ring|damm|ufer|chaussee)\s+\d+[a-z]?\b/gu,
    // file numbers: Aktenzeichen 4 KLs 112 Js 3345/22, Az. 2 BvR 1234/19
    /(?<!\p{L})(?:Aktenzeichen|Az\.)(?:\s+(?:lautet|lautete|ist))?:?(?:\s+(?:[\p{L}\d/.-]*\d[\p{L}\d/-]*|\p{Lu}\p{L}{0,3}(?!\p{L})))+/gu,
    // agency footers: © dpa-infocom, dpa:250227-930-412887/3
    /©[^\n]*/g,
  ],
  stopWords: words(
    'der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner ' +
      'und oder aber sondern doch denn als wie wenn ob dass weil da sowie bzw ' +
      'in im ins an am auf aus bei beim mit nach seit von vom vor zu zum zur über unter um gegen ohne für ' +
      'durch bis pro je ab binnen innerhalb während wegen trotz laut gemäß statt zwischen neben hinter ' +
      'er sie es wir ihr ich du man sich sein seine seinen seinem seiner ihre ihren ihrem ihrer ihres unser ' +
      'dieser diese dieses diesen diesem jene jener alle allen aller jeder jede jedes jeden jedem ' +
      'ist sind war waren wird werden wurde wurden worden sei seien wäre hat haben hatte hatten habe ' +
      'kann können konnte konnten muss müssen musste mussten soll sollen sollte sollten will wollen ' +
      'nicht nur noch schon auch bereits etwa rund knapp fast mehr weniger insgesamt jeweils damit davon ' +
      'heute gestern morgen jetzt nun dann zuletzt zuvor bisher derzeit zusammen pro',
  ),
  commonVerbs: words(
    'sagte sagt sagten erklärte teilte mitteilte meldete stieg sank fiel fielen stiegen liegt lag lagen ' +
      'kostet kostete kosten gibt gab geben bleibt blieb blieben steht stand standen gilt galt gelten ' +
      'kam kommen kommt ging gehen geht machte macht brachte bringt erhielt erhalten zahlt zahlte ' +
      'verloren verlor starben kamen wurden seien hätten hatten',
  ),
  designationKeywords: words(
    'artikel paragraf paragraph absatz kapitel seite seiten abschnitt ziffer nummer nr linie buslinie ' +
      'gleis bahnsteig tempo version stufe level phase kategorie klasse zone modell typ serie staffel ' +
      'folge band heft ausgabe terminal halle tor raum zimmer block haus gate flug route bundesstraße ' +
      'autobahn landesstraße kreisstraße liegeplatz helling dock kai pier hangar windows iphone formel liga ' +
      'ausfahrt anschlussstelle ausgang',
  ),
  casualtyWords: words('tote getötet verletzt verletzte vermisst vermisste starb starben festgenommen'),
  changeWords: words(
    'stieg sank fiel wuchs erhöhte senkte steigt sinkt fällt wächst gestiegen gesunken gefallen ' +
      'gewachsen erhöht gesenkt angehoben verringert reduziert zulegte zu legte kletterte',
  ),
  comparatives: words('mehr weniger höher niedriger größer kleiner'),
  range: {
    between: ['zwischen'],
    and: ['und'],
    from: ['von'],
    to: ['bis'],
    or: ['oder'],
    ratio: ['von'],
  },
  one: ['eins'],
  anaphoric: ['die', 'der', 'das', 'den', 'dem', 'diese', 'diesen', 'dieser', 'beiden', 'alle'],
  nouns: {
    capitalised: true,
    skippedFirst: [
      'weitere',
      'weiteren',
      'zusätzliche',
      'zusätzlichen',
      'mehr',
      'solcher',
      'solche',
      'solchen',
    ],
  },
  speech: deSpeech,
  period: dePeriod,
}
