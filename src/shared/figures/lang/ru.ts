// Runs everywhere: Russian: 1 234,5 with spaces (also U+00A0, U+202F) between thousands, "тыс.", "млн",
// "млрд руб." after the number, "более"/"около"/"не менее" before it, number words declined in every case.
import { isRuNumberWord, parseRuNumberWords } from './ru-numbers'
import { ruPeriod } from './ru-periods'
import { ruSpeech } from './ru-speech'
import {
  RU_CURRENCY_PREFIXES,
  RU_CURRENCY_SUFFIXES,
  RU_MEASURES,
  RU_PERCENT_WORDS,
  RU_SCALE_WORDS,
} from './ru-units'
import type { Lexicon } from './types'
import { RU_CHANGE_WORDS, RU_COMMON_VERBS, RU_MONTHS, RU_STOP_WORDS } from './ru-words'

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '))

const GENITIVE = `(?:${RU_MONTHS.map((m) => m.split(' ')[1]).join('|')})`
const ANY_MONTH = `(?:${RU_MONTHS.map((m) => m.replace(/ /g, '|')).join('|')})`
/** Not glued to a letter or a digit on the left / right (JavaScript's \b knows only Latin letters). */
const L = '(?<![\\p{L}\\d])'
const R = '(?![\\p{L}\\d])'
const WORD_NUMBER =
  '(?:\\d+|одн\\p{L}*|дв\\p{L}*|тр[её]\\p{L}*|тро\\p{L}*|четыр\\p{L}*|четвер\\p{L}*|пят\\p{L}*|шест\\p{L}*|сем\\p{L}*|восем\\p{L}*|восьм\\p{L}*|девят\\p{L}*|десят\\p{L}*|\\p{L}+надцат\\p{L}*)'
const YEAR = '(?:1[89]\\d{2}|20\\d{2})'
const YEAR_WORD = '(?:год|года|году|годом|годах|годов|годы|гг?\\.)'
/** Number words written with a capital inside a sentence name a place: "микрорайон Семь Ключей". */
const CAPITAL_NUMBER = '(?:Один|Одна|Два|Две|Три|Четыре|Пять|Шесть|Семь|Восемь|Девять|Десять|Сорок|Сто)'

export const ru: Lexicon = {
  code: 'ru',
  numberPatterns: ['\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?:,\\d+)?(?!\\d)', '\\d+(?:,\\d+)?'],
  normalizeDigits: (text) => text.replace(/\s/g, '').replace(',', '.'),
  qualifiers: [
    'не более чем',
    'не менее чем',
    'не больше чем',
    'не меньше чем',
    'чуть более чем',
    'более чем',
    'менее чем',
    'больше чем',
    'меньше чем',
    'по меньшей мере',
    'по крайней мере',
    'как минимум',
    'как максимум',
    'не более',
    'не менее',
    'не больше',
    'не меньше',
    'чуть более',
    'чуть менее',
    'чуть больше',
    'чуть меньше',
    'немногим более',
    'немногим менее',
    'немногим больше',
    'немногим меньше',
    'хотя бы',
    'максимум',
    'минимум',
    'порядка',
    'примерно',
    'приблизительно',
    'ориентировочно',
    'около',
    'почти',
    'едва',
    'свыше',
    'более',
    'менее',
    'больше',
    'меньше',
    'до',
    'от',
  ],
  currencyPrefixes: RU_CURRENCY_PREFIXES,
  currencySuffixes: RU_CURRENCY_SUFFIXES,
  scaleWords: RU_SCALE_WORDS,
  moneyScales: {},
  vague: {
    'сотни тысяч': { value: 2e5 },
    'сотен тысяч': { value: 2e5 },
    'сотнями тысяч': { value: 2e5 },
    'десятки тысяч': { value: 2e4 },
    'десятков тысяч': { value: 2e4 },
    'десятками тысяч': { value: 2e4 },
    'сотни миллионов': { value: 2e8 },
    'сотен миллионов': { value: 2e8 },
    'десятки миллионов': { value: 2e7 },
    'десятков миллионов': { value: 2e7 },
    'десятки миллиардов': { value: 2e10 },
    'сотни миллиардов': { value: 2e11 },
    'несколько сотен': { value: 300 },
    'несколько тысяч': { value: 3000 },
    'несколько десятков': { value: 30 },
    'несколько миллионов': { value: 3e6 },
    'несколько миллиардов': { value: 3e9 },
    десятки: { value: 24 },
    десятков: { value: 24 },
    десятками: { value: 24 },
    десятках: { value: 24 },
    сотнях: { value: 200 },
    сотни: { value: 200 },
    сотен: { value: 200 },
    сотнями: { value: 200 },
    тысячи: { value: 2000 },
    тысячами: { value: 2000 },
    миллионы: { value: 2e6 },
    миллионов: { value: 2e6 },
    миллионами: { value: 2e6 },
    миллиарды: { value: 2e9 },
    миллиардов: { value: 2e9 },
    десятилетиями: { value: 20, unit: 'years' },
  },
  of: [],
  percentWords: RU_PERCENT_WORDS,
  measures: RU_MEASURES,
  parseNumberWords: (items) => parseRuNumberWords(items),
  isNumberWord: isRuNumberWord,
  ordinalSuffix: /^(?:й|я|е|го|ого|му|ому|х|ых|ми|м|ю|ю|s|g|k|th|st|nd|rd)$/i,
  ago: ['назад', 'тому', 'раньше', 'ранее', 'позже', 'спустя'],
  months: RU_MONTHS.flatMap((m) => m.split(' ')),
  exclusions: [
    // dates: 12 марта (2025 года), 12–14 сентября, с 12 по 14 сентября, 8 Марта (a street's name)
    new RegExp(
      `${L}\\d{1,2}(?:\\s*(?:[-–—]|по|и)\\s*\\d{1,2})?(?:-?(?:го|е))?\\s+${GENITIVE}${R}(?:\\s+${YEAR}(?:\\s*${YEAR_WORD})?)?`,
      'giu',
    ),
    new RegExp(`${L}${ANY_MONTH}\\s+${YEAR}${R}`, 'giu'),
    // years: в 2024 году, 2027–2029 годах, 1990-х, 2019-го
    new RegExp(`${L}${YEAR}(?:\\s*[-–—]\\s*${YEAR})?\\s*${YEAR_WORD}${R}`, 'giu'),
    // a dot between digits is never a decimal in Russian: times (7.40), versions (2.4.1), articles (92.1)
    /\d+(?:\.\d+)+/g,
    // times and scores: в 9 утра, к 18 часам; счет 3:1
    /(?<![\p{L}\d])(?:в|к|с|до|около|после)\s+\d{1,2}(?:[:.]\d{2})?\s+(?:утра|вечера|ночи|дня|часам|часов\s+(?:утра|вечера|дня))(?!\p{L})/giu,
    /(?<![\d:])\d{1,2}:\d{1,2}(?![\d:])/g,
    // ordinals and adjectives built on digits: 5-й, 2019-го, 1990-х, 50-летия, 78-летняя, 30-летнюю
    /(?<![\p{L}\d])\d+(?:\s*[-–]\s*\d+)?\s?-(?!(?:процент|кратн))\p{L}+/giu,
    // ages: Лаптев, 61 год, …; мне 41 год; в возрасте 45 лет; детей младше шести лет
    new RegExp(`(?<=\\p{Lu}[\\p{L}-]+,\\s)\\d{1,3}\\s+(?:год|года|лет)(?=[,)])`, 'gu'),
    new RegExp(
      `${L}(?:мне|ему|ей|им|нам|вам|тебе)\\s+(?:уже\\s+|было\\s+|исполнилось\\s+|исполнится\\s+)?${WORD_NUMBER}\\s+(?:год|года|лет)${R}`,
      'giu',
    ),
    new RegExp(
      `${L}(?:в\\s+возрасте|возрастом|старше|младше|моложе)\\s+(?:от\\s+|до\\s+)?${WORD_NUMBER}(?:\\s*(?:[-–]|до)\\s*${WORD_NUMBER})?(?:\\s+(?:лет|года|год))?${R}`,
      'giu',
    ),
    new RegExp(
      `${L}(?:реб[её]н\\p{L}*|дет\\p{L}*|подрост\\p{L}*|школьник\\p{L}*)\\s+(?:больше|меньше|до|от|старше|младше)\\s+${WORD_NUMBER}\\s+(?:лет|года|год)${R}`,
      'giu',
    ),
    // ages after a person: "пенсионерки 79 и 84 лет", "мужчина 45 лет" (not "за 10 лет", "компания 20 лет")
    new RegExp(
      `(?<=${L}(?:пенсионер|мужчин|женщин|девочк|девушк|мальчик|юнош|подрост|школьни|студент|ребён|ребен|старик|старушк)\\p{L}*\\s+)${WORD_NUMBER}(?:\\s*(?:и|или|[-–])\\s*${WORD_NUMBER})?\\s+(?:год|года|лет)${R}`,
      'giu',
    ),
    // designations in Cyrillic: Ми-8, Су-34, Ту-95МС, закон № 57-ОЗ
    /(?<![\p{L}\d])\p{L}+-\d+(?:[-.]\d+)*\p{L}*/gu,
    // numbers: № 114, школы № 5, 12 и 31; phone numbers: 8 800 301-47-12, 8 (8162) 45-30-17
    /№\s*\d+(?:-\p{L}+)?(?:(?:\s*,\s*|\s+и\s+)\d+(?!\d))*/gu,
    /(?<![\d,])8[ \u00a0-]?\(?\d{3,5}\)?[ \u00a0-]?\d{1,3}(?:[ \u00a0-]\d{2}){2}(?!\d)/g,
    // addresses: ул. Ленина, 40; улица Мира 5; д. 12
    /(?<!\p{L})(?:ул\.|улиц[аеуы]|пр\.|просп\.|проспект[аеу]?|пер\.|переул\p{L}*|наб\.|бульв\p{L}*|пл\.|шоссе)\s*(?:\p{Lu}[\p{L}-]*\s*){1,3},?\s*(?:д\.\s*)?\d+(?:\p{L}(?!\p{L}))?/gu,
    /(?<!\p{L})(?:д|кв|корп|стр)\.\s*\d+/gu,
    // names in quotes or capitalised that hold a number: «Семь футов», микрорайон Семь Ключей
    /«[^\s«»]*\d[^\s«»]*»/g,
    new RegExp(`(?<=[\\p{Ll},] )${CAPITAL_NUMBER}(?= \\p{Lu})`, 'gu'),
    // a period ahead, not a count: "в ближайшие трое суток", "первая половина года" (a past span's length,
    // "за последние 12 месяцев", is a duration figure as in the other languages: conventions §5)
    new RegExp(
      `${L}(?:ближайш|следующ)\\p{L}*\\s+${WORD_NUMBER}\\s+(?:суток|сутки|дн\\p{L}*|недел\\p{L}*|месяц\\p{L}*|лет|год\\p{L}*|час\\p{L}*|квартал\\p{L}*)`,
      'giu',
    ),
    /(?<!\p{L})(?:перв|втор)\p{L}*\s+половин\p{L}*/giu,
    new RegExp(
      `${L}впервые\\s+(?:за|с)\\s+${WORD_NUMBER}(?:\\s+(?:лет|года?|месяц\\p{L}*|недел\\p{L}*|дн\\p{L}*))?${R}`,
      'giu',
    ),
    // a Latin name before a number in Russian text names a model: iPhone 15, Nova 3 Pro, Windows 11
    /(?<![\p{L}\d])(?!(?:USD|EUR|GBP|RUB|CNY|UAH|CHF|JPY|KZT)\s)[A-Za-z][A-Za-z-]*\s+\d+(?:[.,]\d+)?(?!\d)/gu,
  ],
  stopWords: RU_STOP_WORDS,
  commonVerbs: RU_COMMON_VERBS,
  designationKeywords: words(
    'статья статьи статью статьей статье пункт пункта пунктом пункте часть части глава главы главе раздел ' +
      'раздела разделе приложение приложения странице страница страницы номер номера номером версия версии ' +
      'версию рейс рейса рейсом маршрут маршрута линия линии уровень уровня этап этапа фаза фазы категория ' +
      'категории класс класса классе модель модели серия серии сезон сезона эпизод палата палаты блок ' +
      'энергоблок энергоблока корпус корпуса канал канала трасса трассы шоссе платформа путь пути участок ' +
      'участка округ округа поколения поколение причал причала стапель стапеле док дока ангар ангара ' +
      'windows iphone android playstation ios galaxy pixel выход выхода съезд',
  ),
  casualtyWords: words(
    'погиб погибла погибли погибших погибший погибшие ранен ранена ранены раненых пострадал пострадала ' +
      'пострадали пострадавших пропал пропала пропали пропавших задержан задержана задержаны задержанных ' +
      'госпитализирован госпитализирована госпитализированы спасен спасены эвакуирован эвакуированы',
  ),
  changeWords: RU_CHANGE_WORDS,
  comparatives: words('больше меньше выше ниже более менее дороже дешевле'),
  range: {
    between: ['между'],
    and: ['и'],
    from: ['от', 'с', 'со'],
    to: ['до'],
    or: ['или'],
    ratio: [],
  },
  one: ['один', 'одна', 'одно', 'одну'],
  anaphoric: ['эти', 'этих', 'этим', 'этими', 'те', 'тех', 'тем', 'теми', 'оба', 'обе', 'обоих', 'обеих'],
  speech: ruSpeech,
  period: ruPeriod,
  nouns: { capitalised: false, skippedFirst: ['еще', 'ещё', 'дополнительно', 'новых', 'новые'] },
}
