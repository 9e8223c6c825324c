// Runs everywhere: Russian currencies, scale words, percent words and measurement units, normalised to the
// names the labels use (`RUB`, `%`, `km`, `tonnes`, `hours`…), in every case form a number governs.
import { CURRENCY_PREFIXES } from '../lexicon'

const forms = (code: string, ...names: string[]): Record<string, string> =>
  Object.fromEntries(names.map((n) => [n, code]))

/** A noun's forms after numbers: stem + endings ("километр" + "", "а", "ов", "ах"…). */
const declined = (stem: string, endings: string): string[] => endings.split(' ').map((e) => stem + e)
const HARD = ' а у ом е ы ов ам ами ах' // километр, доллар, миллион
const FEMININE = 'а ы у ой е ам ами ах' // тонна, минута
const SOFT_FEMININE = 'я и ю ей е ь ям ями ях' // неделя

export const RU_CURRENCY_PREFIXES: Readonly<Record<string, string>> = CURRENCY_PREFIXES

/** Written after the number: `64,7 млрд руб.`, `8 740 рублей`, `3 тыс. долларов`, `5 млн евро`. */
export const RU_CURRENCY_SUFFIXES: Readonly<Record<string, string>> = {
  ...forms('RUB', ...declined('рубл', 'ь я ей ю ем е и ям ями ях'), 'руб.', 'руб', 'р.', '₽', 'rub'),
  ...forms('USD', ...declined('доллар', HARD), 'долларов сша', 'доллара сша', 'долл.', 'долл', '$', 'usd'),
  ...forms('EUR', 'евро', '€', 'eur'),
  ...forms('GBP', 'фунтов стерлингов', 'фунта стерлингов', 'фунт стерлингов', '£', 'gbp'),
  ...forms('UAH', ...declined('гривн', 'а ы у ой е ам ами ах'), 'гривен', 'грн.', 'грн', '₴', 'uah'),
  ...forms('BYN', 'белорусских рублей', 'белорусского рубля', 'белорусских рубля', 'byn'),
  ...forms('KZT', 'тенге', '₸', 'kzt'),
  ...forms('CNY', 'юаней', 'юаня', 'юань', 'юанях', 'cny'),
  ...forms('JPY', 'иен', 'иены', 'йен', 'йены', '¥', 'jpy'),
  ...forms('CHF', 'швейцарских франков', 'швейцарского франка', 'chf'),
}

export const RU_SCALE_WORDS: Readonly<Record<string, number>> = {
  ...forms1e(1e3, 'тысяча тысячи тысяч тысячу тысячей тысяче тысячам тысячами тысячах тыс тыс.'),
  ...forms1e(1e6, [...declined('миллион', HARD), 'млн', 'млн.'].join(' ')),
  ...forms1e(1e9, [...declined('миллиард', HARD), 'млрд', 'млрд.'].join(' ')),
  ...forms1e(1e12, [...declined('триллион', HARD), 'трлн', 'трлн.'].join(' ')),
}
function forms1e(value: number, list: string): Record<string, number> {
  return Object.fromEntries(list.split(' ').map((w) => [w, value]))
}

export const RU_PERCENT_WORDS: Readonly<Record<string, string>> = {
  '%': '%',
  ...forms('%', ...declined('процент', HARD)),
  ...forms(
    'percentage points',
    'процентного пункта',
    'процентных пункта',
    'процентных пунктов',
    'процентный пункт',
    'процентным пунктом',
    'п.п.',
    'п. п.',
    'пп',
    'п.п',
  ),
  ...forms('basis points', 'базисных пунктов', 'базисных пункта', 'базисный пункт', 'б.п.', 'б. п.'),
  ...forms('points', ...declined('пункт', HARD), ...declined('балл', HARD)),
}

export const RU_MEASURES: Readonly<Record<string, string>> = {
  ...forms(
    'km²',
    'квадратных километров',
    'квадратных километра',
    'квадратный километр',
    'кв. км',
    'кв.км',
    'км²',
    'км2',
  ),
  ...forms('m²', 'квадратных метров', 'квадратных метра', 'квадратный метр', 'кв. м', 'кв.м', 'м²', 'м2'),
  ...forms(
    'cubic metres',
    'кубических метров',
    'кубических метра',
    ...declined('кубометр', HARD),
    'куб. м',
    'м³',
  ),
  ...forms('km/h', 'км/ч', 'километров в час'),
  ...forms('km', ...declined('километр', HARD), 'км'),
  ...forms('m', ...declined('метр', HARD), 'м'),
  ...forms('cm', ...declined('сантиметр', HARD), 'см'),
  ...forms('mm', ...declined('миллиметр', HARD), 'мм'),
  ...forms('hectares', ...declined('гектар', HARD), 'га'),
  ...forms('tonnes', ...declined('тонн', FEMININE), 'тонн', 'т'),
  ...forms('kg', ...declined('килограмм', HARD), 'кг'),
  ...forms('g', ...declined('грамм', HARD), 'г'),
  ...forms('litres', ...declined('литр', HARD), 'л'),
  // centners (100 kg), the unit of harvest yields: "41,3 ц/га"
  ...forms('ц', 'ц'),
  ...forms('barrels', ...declined('баррел', 'ь я ей ю ям ями ях')),
  ...forms('°C', '°c', '°с', 'градусов цельсия', 'градуса цельсия', 'градус цельсия'),
  // news gives temperatures as "15 градусов" (as German "Grad" and Spanish "grados")
  ...forms('°C', ...declined('градус', HARD)),
  ...forms('degrees', '°'),
  ...forms('GW', ...declined('гигаватт', HARD), 'гвт'),
  ...forms('MW', ...declined('мегаватт', HARD), 'мвт'),
  ...forms('kW', ...declined('киловатт', HARD), 'квт'),
  ...forms('W', ...declined('ватт', HARD), 'вт'),
  ...forms('kWh', 'квт·ч', 'квт⋅ч', 'квт*ч', 'квтч'),
  ...forms('MWh', 'мвт·ч', 'мвт⋅ч', 'мвтч'),
  ...forms('GWh', 'гвт·ч', 'гвт⋅ч', 'гвтч'),
  ...forms('mAh', 'ма·ч', 'ма⋅ч', 'мач'),
  ...forms('GB', 'гб', ...declined('гигабайт', HARD)),
  ...forms('TB', 'тб', ...declined('терабайт', HARD)),
  ...forms('MB', 'мб', ...declined('мегабайт', HARD)),
  ...forms('Hz', 'гц', ...declined('герц', HARD)),
  ...forms('GHz', 'ггц', ...declined('гигагерц', HARD)),
  ...forms('MHz', 'мгц', ...declined('мегагерц', HARD)),
  ...forms('MP', 'мп', 'мегапикселей', 'мегапикселя', 'мегапиксель'),
  ...forms('nits', 'нит', 'нитов', 'кд/м²'),
  ...forms('FPS', 'fps', 'кадров в секунду', 'кадра в секунду'),
  ...forms('inches', ...declined('дюйм', HARD)),
  ...forms('passenger-km', 'пассажиро-километров', 'пассажиро-километра', 'пассажиро-километр'),
  ...forms('tonne-km', 'тонно-километров', 'тонно-километра', 'тонно-километр'),
  ...forms('seconds', ...declined('секунд', FEMININE), 'секунд', 'сек.'),
  ...forms('minutes', ...declined('минут', FEMININE), 'минут', 'мин.', 'мин'),
  ...forms('hours', 'час', 'часа', 'часов', 'часам', 'часами', 'часах', 'ч'),
  ...forms('days', 'день', 'дня', 'дней', 'дням', 'днями', 'днях', 'сутки', 'суток'),
  ...forms('weeks', ...declined('недел', SOFT_FEMININE)),
  ...forms('months', ...declined('месяц', ' а у ем е ы ев ам ами ах')),
  ...forms('years', 'год', 'года', 'году', 'годы', 'лет', 'годам', 'годами', 'годах'),
  ...forms('decades', ...declined('десятилети', 'е я ю ем и й ям ями ях')),
}
