// Runs in tests: the prefill's speaker and period on forms the held-out articles of issue #13 showed it
// missed (test/fixtures/figures-holdout-2/*/5N-p-*): interviews, pronouns after a role and a name, bodies
// named again in lower case, German indirect speech, Russian inverted speakers, forecasts, live blogs.
import { describe, expect, it } from 'vitest'
import { prefillFigure } from './index'

function prefill(text: string, figure: string, lang: string, occurrence = 1) {
  let start = -1
  for (let k = 0; k < occurrence; k++) start = text.indexOf(figure, start + 1)
  if (start < 0) throw new Error(`"${figure}" is not in the text`)
  const articleDate = /^date (\S+)/.exec(text)?.[1]
  return prefillFigure({ text, start, end: start + figure.length, lang, articleDate })
}

describe('speaker', () => {
  it('gives an answer of a Q&A interview to the interviewee, a question to nobody', () => {
    const text = [
      'date 2025-07-21 Entrevista',
      'Marta Ruiz Gil dirige desde 2022 el consorcio de aguas de Valdelobos.',
      'P. ¿Cuántas averías hubo el año pasado?',
      'R. Tuvimos 312 averías, un 9 % menos que antes.',
      'P. Los vecinos hablan de 40 cortes.',
      'R. No es así. Fueron 17.',
    ].join('\n\n')
    expect(prefill(text, '312', 'es').attributedTo).toBe('Marta Ruiz Gil')
    expect(prefill(text, '17', 'es').attributedTo).toBe('Marta Ruiz Gil')
    expect(prefill(text, '40', 'es').attributedTo).toBeUndefined()
  })

  it('reads a dash dialogue whose question has no question mark', () => {
    const text = [
      'date 2025-04-10 Интервью',
      'Директор депо города Ключевска Игорь Сомов рассказал о планах.',
      '— Сколько трамваев на линии?',
      '— 84 вагона.',
      '— Пассажиры жалуются на интервалы.',
      '— Понимаю. Летом интервал будет 6 минут.',
    ].join('\n\n')
    expect(prefill(text, '84', 'ru').attributedTo).toBe('Игорь Сомов')
    expect(prefill(text, '6 минут', 'ru').attributedTo).toBe('Игорь Сомов')
  })

  it('resolves "a-t-elle déclaré" and "selon lui" to the name given with the role', () => {
    const text =
      "date 2025-11-20 Débat\n\nOuvrant la séance, la ministre de la Santé, Claire Vautrin, a défendu le texte. « Cela fait 3,4 milliards d'euros », a-t-elle déclaré.\n\nLe rapporteur, Julien Marchetti (LR), a jugé ces chiffres trompeurs. Selon lui, le déficit atteindra 2,9 milliards d'euros. La ministre a contesté, évoquant 7 000 postes."
    expect(prefill(text, '3,4 milliards', 'fr').attributedTo).toBe('Claire Vautrin')
    expect(prefill(text, '2,9 milliards', 'fr').attributedTo).toBe('Julien Marchetti')
    expect(prefill(text, '7 000', 'fr').attributedTo).toBe('Claire Vautrin')
  })

  it('keeps a verb after a quote from speaking for the figure before the quote', () => {
    const text =
      'date 2025-01-01 Reportage\n\nLe docteur Anne Roux voit chaque jour 40 patients, « parfois 50 le lundi », soupire-t-elle.'
    expect(prefill(text, '40', 'fr').attributedTo).toBeUndefined()
    expect(prefill(text, '50', 'fr').attributedTo).toBe('Anne Roux')
  })

  it('names a body mentioned again in lower case as the text named it', () => {
    const en =
      "date 2025-03-14 Flood\n\nTom Hill, the Environment Agency's manager, spoke on Friday. The agency said it had issued 17 warnings."
    expect(prefill(en, '17', 'en').attributedTo).toBe('Environment Agency')
    const fr =
      "date 2025-11-14 Chômage\n\nLe taux atteint 7,7 %, a annoncé l'Institut national de la statistique et des études économiques (Insee). Il gagne 0,2 point, précise l'institut. Selon les chiffres de la Drees, 21 millions de patients sont venus."
    expect(prefill(fr, '0,2 point', 'fr').attributedTo).toBe(
      'Institut national de la statistique et des études économiques',
    )
    expect(prefill(fr, '21 millions', 'fr').attributedTo).toBe('Drees')
  })

  it('carries the speaker into German indirect speech and "nach seinen Angaben"', () => {
    const text =
      'date 2025-01-17 Sturm\n\nFeuerwehrchef Thomas Reinke berichtete von vielen Einsätzen. Seine Leute hätten 48 Menschen befreit. Die Böen erreichten nach seinen Angaben 128 Kilometer pro Stunde.\n\nDie Stadt zählte 19 gesperrte Straßen.'
    expect(prefill(text, '48', 'de').attributedTo).toBe('Thomas Reinke')
    expect(prefill(text, '128', 'de').attributedTo).toBe('Thomas Reinke')
    expect(prefill(text, '19', 'de').attributedTo).toBeUndefined()
  })

  it('reads Spanish sources behind a description and a verb without its subject', () => {
    const text =
      'date 2025-02-09 Semana\n\nEl alquiler subió un 11,4 %, según el portal inmobiliario Hábitat24. Hubo 6.212 parados, según los datos publicados el martes por el Ministerio de Trabajo. La consejera de Sanidad, Marta Olmedo, dijo el jueves que habrá 30 camas. Añadió que la vacunación alcanza al 68 %. La DGT registró 2 fallecidos.'
    expect(prefill(text, '11,4 %', 'es').attributedTo).toBe('Hábitat24')
    expect(prefill(text, '6.212', 'es').attributedTo).toBe('Ministerio de Trabajo')
    expect(prefill(text, '68 %', 'es').attributedTo).toBe('Marta Olmedo')
    expect(prefill(text, '2 fallecidos', 'es').attributedTo).toBe('DGT')
  })

  it('names a Ukrainian body given in the locative in the nominative', () => {
    const text =
      'date 2025-05-26 Атака\n\nУночі росіяни атакували Україну 74 дронами, повідомили в Повітряних силах ЗСУ.\n\nУ Міністерстві енергетики нагадали, що з початку року було понад 30 атак.'
    expect(prefill(text, '74', 'uk').attributedTo).toBe('Повітряні сили ЗСУ')
    expect(prefill(text, 'понад 30', 'uk').attributedTo).toBe('Міністерство енергетики')
  })

  it('gives a surname the first name written after a closing quote mark', () => {
    const text =
      'date 2025-03-12 Авиакомпания\n\n«Мы растём», — сказал генеральный директор «Северной звезды» Олег Мартынюк.\n\nСейчас, уточнил Мартынюк, в парке 39 самолётов.'
    expect(prefill(text, '39', 'ru').attributedTo).toBe('Олег Мартынюк')
  })

  it('finds a Russian speaker after a weekday and after a lower-case role', () => {
    const text =
      'date 2025-08-03 Итоги\n\nЦены выросли на 0,12%, сообщил в среду министр экономики области Олег Рябов. Собрано 1,1 млн гектаров, сообщил министр сельского хозяйства области Павел Дорохин.'
    expect(prefill(text, '0,12%', 'ru').attributedTo).toBe('Олег Рябов')
    expect(prefill(text, '1,1 млн', 'ru').attributedTo).toBe('Павел Дорохин')
  })
})

describe('period', () => {
  it('runs a target "by the end of March" from the article date, not last March', () => {
    const text = 'date 2025-03-14 Grants\n\nThe council will pay £500 to every household by the end of March.'
    expect(prefill(text, '£500', 'en').period).toEqual({ start: '2025-03-14', end: '2025-03-31' })
    const es = 'date 2025-07-21 Riego\n\nEl Ministerio ha comprometido 85 millones de euros hasta 2027.'
    expect(prefill(es, '85 millones', 'es').period).toEqual({ start: '2025-07-21', end: '2027-12-31' })
  })

  it('does not lend a period from the paragraph before (live blog entries)', () => {
    const text =
      'date 2025-10-08 Strike live\n\n07:05 — On Tuesday, 41% of trains ran.\n\n07:40 — The union said 24,000 members had voted.'
    expect(prefill(text, '41%', 'en').period).toEqual({ start: '2025-10-07', end: '2025-10-07' })
    expect(prefill(text, '24,000', 'en').period).toBeUndefined()
  })

  it('reads "the first nine months" and "the 12 months to June"', () => {
    const fr =
      "date 2025-11-14 Emploi\n\nSur les neuf premiers mois de l'année, 52 000 emplois ont été créés."
    expect(prefill(fr, '52 000', 'fr').period).toEqual({ start: '2025-01-01', end: '2025-09-30' })
    const en = 'date 2025-10-08 Strikes\n\n2.1 million working days were lost in the 12 months to June.'
    expect(prefill(en, '2.1 million', 'en').period).toEqual({ start: '2024-07-01', end: '2025-06-30' })
  })

  it('reads a figure right before "a year earlier" as the year before the sentence\'s period', () => {
    const text =
      "date 2025-11-20 Débat\n\nSelon lui, le déficit atteindra 2,8 % l'an prochain et a atteint 2,9 milliards d'euros en 2024, contre 1,3 milliard un an plus tôt."
    expect(prefill(text, '1,3 milliard', 'fr').period).toEqual({ start: '2023-01-01', end: '2023-12-31' })
    expect(prefill(text, '2,9 milliards', 'fr').period).toEqual({ start: '2024-01-01', end: '2024-12-31' })
  })

  it('reads a Russian weekly review: "за неделю", "с начала года"', () => {
    const text =
      'date 2025-08-03 Итоги недели\n\nНа дорогах за неделю погибли 9 человек. С начала года инфляция составила 5,4%.'
    expect(prefill(text, '9 человек', 'ru').period).toEqual({ start: '2025-07-27', end: '2025-08-03' })
    expect(prefill(text, '5,4%', 'ru').period).toEqual({ start: '2025-01-01', end: '2025-08-03' })
  })
})
