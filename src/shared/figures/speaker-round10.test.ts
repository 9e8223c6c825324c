// Speaker prefill, round 10: forms of news read alike in the languages where they exist (each case a form,
// written for this test, not an article's words).
import { describe, expect, it } from 'vitest'
import { prefillFigure } from './prefill'

const speaker = (text: string, figure: string, lang: string): string | undefined => {
  const start = text.indexOf(figure)
  return prefillFigure({ text, start, end: start + figure.length, lang, articleDate: '2026-12-01' })
    .attributedTo
}

describe('speaker prefill, round 10', () => {
  it('reads an inverted "as X said" clause, German separable verbs at the clause end included', () => {
    expect(
      speaker(
        'Beim Entscheid stimmten 54,8 Prozent mit Ja, wie Wahlleiterin Doris Amberger am Abend bekanntgab.',
        '54,8',
        'de',
      ),
    ).toBe('Doris Amberger')
    expect(
      speaker(
        'Der Umsatz stieg um 12 Prozent, wie der Verband Kommunaler Betriebe am Montag mitteilte.',
        '12',
        'de',
      ),
    ).toBe('Verband Kommunaler Betriebe')
    expect(speaker('Turnout was 58%, as the returning officer Jane Miles said on Monday.', '58%', 'en')).toBe(
      'Jane Miles',
    )
    expect(speaker('Le taux a atteint 58 %, comme l’a indiqué la préfète Anne Morel.', '58 %', 'fr')).toBe(
      'Anne Morel',
    )
    expect(speaker('La tasa llegó al 58 %, según informó la alcaldesa Rosa Benavent.', '58 %', 'es')).toBe(
      'Rosa Benavent',
    )
    expect(speaker('Явка становила 58%, як повідомила голова комісії Ольга Іваненко.', '58%', 'uk')).toBe(
      'Ольга Іваненко',
    )
    expect(speaker('Явка составила 58%, как сообщил глава комиссии Иван Петров.', '58%', 'ru')).toBe(
      'Иван Петров',
    )
  })

  it('leaves out a possessive before a role before a name', () => {
    expect(
      speaker(
        'Der Bauernverband hat 900 Mitglieder. Sein Vorsitzender Lorenz Aigner sagte, mehr als 400 Betriebe hätten aufgegeben.',
        '400',
        'de',
      ),
    ).toBe('Lorenz Aigner')
    expect(
      speaker('The union has 300 members. Its chief executive Ana Ruiz said 400 had left.', '400', 'en'),
    ).toBe('Ana Ruiz')
  })

  it('names a German surname in the genitive after a source noun by the full name the article gives', () => {
    const text =
      'Wahlleiterin Doris Amberger ist zufrieden.\n\nPer Brief hatten nach Angaben Ambergers 6.940 Wahlberechtigte abgestimmt.'
    expect(speaker(text, '6.940', 'de')).toBe('Doris Amberger')
  })

  it('extends a surname to the full name written after an honorific ("Prof. Dr. Sabine Etzold")', () => {
    const text =
      'Institutsleiterin Prof. Dr. Sabine Etzold stellte den Bericht vor.\n\nRund 85 Prozent der Toten seien alt gewesen, sagte Etzold.'
    expect(speaker(text, '85', 'de')).toBe('Sabine Etzold')
  })

  it('puts a Russian body after "в", "из данных" or "источник в" in the nominative; a woman’s nominative name stays', () => {
    expect(
      speaker('Продажи составили 214 млрд рублей, следует из данных Министерства финансов.', '214', 'ru'),
    ).toBe('Министерство финансов')
    expect(speaker('Источник в Министерстве энергетики сказал, что вложат 48 млрд рублей.', '48', 'ru')).toBe(
      'Министерство энергетики',
    )
    expect(
      speaker(
        'В Ассоциации лотерейных распространителей считают, что рынок потеряет до 15% продаж.',
        '15%',
        'ru',
      ),
    ).toBe('Ассоциация лотерейных распространителей')
    expect(
      speaker(
        'Заместитель министра финансов Инна Голубева заявила, что это принесёт 9 млрд рублей.',
        '9 млрд',
        'ru',
      ),
    ).toBe('Инна Голубева')
  })

  it('names a Cyrillic body by its whole name when the source phrase opens with its adjective', () => {
    expect(
      speaker(
        'По оценке Федеральной антимонопольной службы, семья заплатит около 31 тыс. рублей.',
        '31 тыс',
        'ru',
      ),
    ).toBe('Федеральная антимонопольная служба')
    expect(
      speaker(
        'Букмекеры, по оценке Единого регулятора азартных игр, приняли ставок на 1,1 трлн рублей.',
        '1,1 трлн',
        'ru',
      ),
    ).toBe('Единый регулятор азартных игр')
    expect(speaker('За даними Державної служби статистики, безробіття становить 9%.', '9%', 'uk')).toBe(
      'Державна служба статистики',
    )
  })

  it('names a company by its quoted name, not by the legal form before it', () => {
    expect(
      speaker(
        'Запас газа составил 71,8 млрд кубометров, сообщило в четверг АО «Росгазрезерв».',
        '71,8',
        'ru',
      ),
    ).toBe('Росгазрезерв')
  })

  it('reads "the same" before a body’s role noun as the body the article named, in its nominative', () => {
    expect(
      speaker(
        'Про це повідомили в Міністерстві у справах ветеранів України.\n\nМинулого місяця, за даними того ж міністерства, держава виплатила 118,4 млн гривень.',
        '118,4',
        'uk',
      ),
    ).toBe('Міністерство у справах ветеранів України')
    expect(
      speaker(
        'The figures came from the Ministry of Finance.\n\nLast month, according to the same ministry, it paid out £118m.',
        '£118m',
        'en',
      ),
    ).toBe('Ministry of Finance')
  })
})
