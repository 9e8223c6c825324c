// Runs everywhere: Ukrainian currencies, scale words, percent words and measurement units, normalised to the
// names the labels use (`UAH`, `%`, `km`, `tonnes`, `hours`…). Every case form a number governs is listed.
import { CURRENCY_PREFIXES } from '../lexicon'

const forms = (code: string, ...names: string[]): Record<string, string> =>
  Object.fromEntries(names.map((n) => [n, code]))

/** A noun's forms after numbers: stem + endings ("тонн" + "", "а", "и", "у", "ах"…). */
const declined = (stem: string, endings: string): string[] => endings.split(' ').map((e) => stem + e)
const NOUN = ' а у і и ів ам ами ах ом' // hard-stem masculine: мільйон, долар, кілометр
const FEMININE = 'а и і у ою ам ами ах' // тонна, гривня-like endings are added by hand

export const UK_CURRENCY_PREFIXES: Readonly<Record<string, string>> = CURRENCY_PREFIXES

/** Written after the number: `40 млрд грн`, `198 млн євро`, `3 тис. доларів`, `8,8 тис. злотих`. */
export const UK_CURRENCY_SUFFIXES: Readonly<Record<string, string>> = {
  ...forms('UAH', 'грн', 'гривня', 'гривні', 'гривень', 'гривню', 'гривнями', 'гривнях', '₴', 'uah'),
  ...forms('USD', ...declined('долар', NOUN), 'дол.', 'доларів сша', 'дол', '$', 'usd'),
  ...forms('EUR', 'євро', '€', 'eur'),
  ...forms('GBP', 'фунтів стерлінгів', 'фунти стерлінгів', 'фунта стерлінгів', '£', 'gbp'),
  ...forms('PLN', 'злотих', 'злотий', 'злоті', 'pln'),
  ...forms('RUB', ...declined('рубл', 'ь я ів і ям ями ях'), 'rub'),
  ...forms('CHF', 'швейцарських франків', 'chf'),
  ...forms('CNY', 'юанів', 'юані', 'юань', 'юаня'),
  ...forms('JPY', 'єн', 'єни'),
}

export const UK_SCALE_WORDS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    'тисяча тисячі тисяч тисячу тисячею тисячам тисячами тисячах'.split(' ').map((w) => [w, 1e3]),
  ),
  ...Object.fromEntries(declined('мільйон', NOUN).map((w) => [w, 1e6])),
  ...Object.fromEntries(declined('мільярд', NOUN).map((w) => [w, 1e9])),
  ...Object.fromEntries(declined('трильйон', NOUN).map((w) => [w, 1e12])),
  тис: 1e3,
  'тис.': 1e3,
  млн: 1e6,
  'млн.': 1e6,
  млрд: 1e9,
  'млрд.': 1e9,
  трлн: 1e12,
  'трлн.': 1e12,
}

export const UK_PERCENT_WORDS: Readonly<Record<string, string>> = {
  '%': '%',
  ...forms('%', ...declined('відсот', 'ок ки ків ка кам ками ках')),
  ...forms('%', 'процент', 'процентів', 'проценти', 'процента'),
  ...forms(
    'percentage points',
    'відсоткового пункта',
    'відсоткового пункту',
    'відсоткові пункти',
    'відсоткових пунктів',
    'відсотковий пункт',
    'в. п.',
    'п. п.',
    'в.п.',
    'п.п.',
  ),
  ...forms('basis points', 'базисних пунктів', 'базисні пункти', 'базисного пункту', 'б. п.'),
  ...forms('points', ...declined('пункт', ' и ів у а'), ...declined('бал', ' и ів а')),
}

/** Measurement units. */
export const UK_MEASURES: Readonly<Record<string, string>> = {
  ...forms(
    'km²',
    'кв. км',
    'кв.км',
    'км²',
    'км2',
    ...declined('квадратн', 'их кілометрів і кілометри ий кілометр'),
  ),
  ...forms('m²', 'кв. м', 'кв.м', 'м²', 'м2', 'квадратних метрів', 'квадратні метри', 'квадратний метр'),
  ...forms('cubic metres', 'куб. м', 'м³', 'кубометрів', 'кубометри', 'кубометр', 'кубічних метрів'),
  ...forms('km/h', 'км/год', 'кілометрів на годину', 'кілометри на годину'),
  ...forms('km', 'км', ...declined('кілометр', NOUN)),
  ...forms('m', 'м', ...declined('метр', NOUN)),
  ...forms('cm', 'см', ...declined('сантиметр', NOUN)),
  ...forms('mm', 'мм', ...declined('міліметр', NOUN)),
  ...forms('hectares', 'га', ...declined('гектар', NOUN)),
  ...forms('tonnes', 'т', 'тонн', ...declined('тонн', FEMININE)),
  ...forms('kg', 'кг', ...declined('кілограм', NOUN)),
  ...forms('g', ...declined('грам', NOUN)),
  ...forms('litres', 'л', ...declined('літр', NOUN)),
  // centners (100 kg), the unit of harvest yields: "41,3 ц/га"
  ...forms('ц', 'ц'),
  ...forms('barrels', ...declined('барел', 'ь і ів ях')),
  // news gives temperatures as "36 градусів" (as German "Grad" and Spanish "grados")
  ...forms('°C', '°c', '°с', 'ºc', 'градусів цельсія', 'градуси цельсія', 'градус цельсія'),
  ...forms('°C', 'градусів', 'градуси', 'градус', 'градуса'),
  ...forms('degrees', '°'),
  ...forms('GW', 'гвт'),
  ...forms('MW', 'мвт'),
  ...forms('kW', 'квт'),
  ...forms('W', 'вт'),
  ...forms('GWh', 'гвт·год', 'гвт-год', 'гвт*год'),
  ...forms('MWh', 'мвт·год', 'мвт-год', 'мвт*год'),
  ...forms('kWh', 'квт·год', 'квт-год', 'квт*год'),
  ...forms('Wh', 'вт·год', 'вт-год', 'вт*год'),
  ...forms('GB', 'гб'),
  ...forms('TB', 'тб'),
  ...forms('MB', 'мб'),
  ...forms('Hz', 'гц'),
  ...forms('GHz', 'ггц'),
  ...forms('dB', 'дб'),
  ...forms('inches', 'дюйм', 'дюйми', 'дюймів', 'дюйма'),
  ...forms('nits', 'ніт', 'нітів'),
  ...forms('FPS', 'кадр на секунду', 'кадри на секунду', 'кадрів на секунду', 'fps'),
  ...forms('seconds', 'секунд', 'секунди', 'секунду', 'секунда'),
  ...forms('minutes', 'хвилин', 'хвилини', 'хвилину', 'хвилина', 'хв'),
  ...forms('hours', 'годин', 'години', 'годину', 'година', 'год'),
  ...forms('days', 'днів', 'дні', 'день', 'дня', 'доби', 'діб', 'добу', 'доба'),
  ...forms('weeks', 'тижнів', 'тижні', 'тиждень', 'тижня'),
  ...forms('months', 'місяців', 'місяці', 'місяць', 'місяця'),
  ...forms('years', 'років', 'роки', 'рік', 'року', 'літ', 'рокам', 'роками', 'роках'),
  ...forms('decades', 'десятиліть', 'десятиліття', 'десятиліттями'),
}
