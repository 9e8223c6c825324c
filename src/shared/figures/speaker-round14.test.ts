// Speaker prefill, round 14: speech events that are not verbs of saying (speech-events.ts), each kind in every
// language where it exists (each case written for this test, not an article's words).
import { describe, expect, it } from 'vitest'
import { lexiconFor } from './lang/index'
import { attributeSpeaker } from './speaker-model'

const speaker = (body: string, figure: string, lang: string): string | undefined => {
  const text = `date 2026-12-01 A title\n\n${body}`
  const start = text.indexOf(figure)
  return attributeSpeaker({ text, start, end: start + figure.length, lex: lexiconFor(lang) })
}

describe('speaker prefill, round 14: a document speaks for its owner', () => {
  it('reads the owner named after the document', () => {
    expect(
      speaker(
        'Ferry traffic fell 9% in May, according to figures from the Harbour Board of Lisketh.',
        '9%',
        'en',
      ),
    ).toBe('Harbour Board of Lisketh')
    expect(
      speaker(
        'Le trafic a baissé de 9 % en mai, selon les chiffres publiés par l’Office portuaire de Brenac.',
        '9 %',
        'fr',
      ),
    ).toBe('Office portuaire de Brenac')
    expect(
      speaker(
        'El tráfico cayó un 9 % en mayo, según los datos difundidos el lunes por la Autoridad Portuaria de Olmeda.',
        '9 %',
        'es',
      ),
    ).toBe('Autoridad Portuaria de Olmeda')
    expect(
      speaker(
        'Im Mai gingen 9 Prozent weniger Fähren, wie aus der Statistik des Hafenamts Kellwitz hervorgeht.',
        '9 Prozent',
        'de',
      ),
    ).toBe('Hafenamt Kellwitz')
    expect(
      speaker(
        'У травні пором перевіз на 9% менше пасажирів, свідчать дані Портової адміністрації.',
        '9%',
        'uk',
      ),
    ).toBe('Портова адміністрація')
    expect(
      speaker(
        'Как следует из отчёта Портовой администрации, в мае паромы перевезли на 9% меньше.',
        '9%',
        'ru',
      ),
    ).toBe('Портовая администрация')
  })

  it('reads the owner written before the document, and a document of the subject’s own', () => {
    expect(
      speaker('Average waits rose to 41 days last year, Lisketh Water data show.', '41 days', 'en'),
    ).toBe('Lisketh Water')
    expect(
      speaker(
        'The Orrin Rail Company carried 3.1 million people in June, according to its own count.',
        '3.1 million',
        'en',
      ),
    ).toBe('Orrin Rail Company')
    expect(
      speaker(
        'La Cooperativa Olivarera de Benaxa recogió 12.000 toneladas, según sus propios cálculos.',
        '12.000',
        'es',
      ),
    ).toBe('Cooperativa Olivarera de Benaxa')
  })

  it('leaves a document with no owner, and a sentence with no document, in the article’s voice', () => {
    expect(
      speaker('The report runs to 240 pages and took two years to write.', '240 pages', 'en'),
    ).toBeUndefined()
    expect(speaker('Le bilan de la saison compte 14 pages.', '14 pages', 'fr')).toBeUndefined()
    expect(speaker('За тиждень ціни зросли на 3%.', '3%', 'uk')).toBeUndefined()
  })
})

describe('speaker prefill, round 14: a count or an estimate is its agent’s', () => {
  it('reads the agent of a verb of counting or estimating', () => {
    expect(
      speaker('Harbour master Ewan Tully tallied 412 yachts in the marina on Sunday.', '412', 'en'),
    ).toBe('Ewan Tully')
    expect(speaker('Orvane Logistics calculated the cost of the delay at £2.3m.', '£2.3m', 'en')).toBe(
      'Orvane Logistics',
    )
    expect(
      speaker(
        'La Fédération Départementale des Chasseurs a recensé 1 240 couples de cigognes.',
        '1 240',
        'fr',
      ),
    ).toBe('Fédération Départementale des Chasseurs')
    expect(
      speaker('La Asociación de Hosteleros de Benaxa contabilizó 3.100 reservas en agosto.', '3.100', 'es'),
    ).toBe('Asociación de Hosteleros de Benaxa')
    expect(
      speaker('Die Handwerkskammer Oberlahn veranschlagt die Schäden auf 4,2 Millionen Euro.', '4,2', 'de'),
    ).toBe('Handwerkskammer Oberlahn')
    expect(speaker('Спілка «Медовий край» нарахувала 1 300 пасік у громаді.', '1 300', 'uk')).toBe(
      'Спілка «Медовий край»',
    )
    expect(speaker('Общество «Лесной край» насчитало 640 лосей в заказнике.', '640', 'ru')).toBe(
      'Общество «Лесной край»',
    )
  })

  it('leaves a size, a number held and a passive count in the article’s voice', () => {
    expect(speaker('The new tablet measures 11 inches across.', '11 inches', 'en')).toBeUndefined()
    expect(speaker('Das Display misst 14 Zoll.', '14 Zoll', 'de')).toBeUndefined()
    expect(speaker('В Україні торік зафіксували 310 випадків.', '310', 'uk')).toBeUndefined()
  })
})

describe('speaker prefill, round 14: a request, a demand or a proposal is its agent’s', () => {
  it('reads the agent of a verb of requesting, demanding, proposing or rejecting', () => {
    expect(
      speaker(
        'La Federación de Pescadores de Arroyal pidió el lunes ayudas de 40 millones de euros.',
        '40 millones',
        'es',
      ),
    ).toBe('Federación de Pescadores de Arroyal')
    expect(speaker('El alcalde, Tomás Irigoyen, propuso bajar la tasa al 3 %.', '3 %', 'es')).toBe(
      'Tomás Irigoyen',
    )
    expect(
      speaker(
        'Der Mieterverein Kellwitz fordert eine Obergrenze von 9 Euro pro Quadratmeter.',
        '9 Euro',
        'de',
      ),
    ).toBe('Mieterverein Kellwitz')
    expect(speaker('Профсоюз «Северный порт» потребовал повысить зарплаты на 15%.', '15%', 'ru')).toBe(
      'Профсоюз «Северный порт»',
    )
  })

  it('leaves an asking price and a maker’s promise in the article’s voice', () => {
    expect(speaker('За версию на 512 ГБ просят 61 990 рублей.', '61 990', 'ru')).toBeUndefined()
    expect(speaker('Производитель обещает шесть лет обновлений.', 'шесть лет', 'ru')).toBeUndefined()
  })
})

describe('speaker prefill, round 14: a view with no verb is its holder’s', () => {
  it('reads the holder of "For X, …", "Pour X, …", "Para X, …", "Für X ist …"', () => {
    expect(
      speaker('For the Brennock Growers Union, the new levy would cost farms £1,200 a year.', '£1,200', 'en'),
    ).toBe('Brennock Growers Union')
    expect(
      speaker('Pour la Fédération des Boulangers de Lorvie, la hausse coûterait 600 emplois.', '600', 'fr'),
    ).toBe('Fédération des Boulangers de Lorvie')
    expect(
      speaker(
        'Para la Asociación de Vecinos de Olmeda, la obra superará los 12 millones.',
        '12 millones',
        'es',
      ),
    ).toBe('Asociación de Vecinos de Olmeda')
    expect(
      speaker('Für den Mieterbund Kellwitz sind 14 Euro pro Quadratmeter zu viel.', '14 Euro', 'de'),
    ).toBe('Mieterbund Kellwitz')
  })

  it('leaves "For 2027, …" and a purpose in the article’s voice', () => {
    expect(speaker('For 2027, the budget sets aside €3m for roads.', '€3m', 'en')).toBeUndefined()
    expect(speaker('Pour la sole, le quota baisse de 9 %.', '9 %', 'fr')).toBeUndefined()
    expect(
      speaker('Für Konzerte ist das Stadion für 24.000 Zuschauer zugelassen.', '24.000', 'de'),
    ).toBeUndefined()
  })
})

describe('speaker prefill, round 14: a broadcast transcript', () => {
  const transcript = (host: string, guest: string, q: string, a1: string, a2: string): string =>
    `${host}: ${q}\n\n${guest}: ${a1}\n\n${host}: And next year?\n\n${guest}: ${a2}`

  it('gives a guest’s lines to the guest and the host’s to the article’s voice', () => {
    const en = transcript(
      'HOST',
      'MARTA OLSEN',
      'The council says 40% of buses ran late. Is that fair?',
      'It was 31% in our own count.',
      'We expect 20 new drivers.',
    )
    expect(speaker(en, '31%', 'en')).toBe('Marta Olsen')
    expect(speaker(en, '20 new', 'en')).toBe('Marta Olsen')
    expect(speaker(en, '40%', 'en')).toBeUndefined()
    const ru = transcript(
      'Ведущий',
      'Соколова',
      'Сколько людей пришло?',
      'Пришли 4 200 человек.',
      'Ждём около 5 тысяч.',
    )
    expect(speaker(ru, '4 200', 'ru')).toBe('Соколова')
    expect(speaker(ru, 'около 5 тысяч', 'ru')).toBe('Соколова')
    const de = transcript(
      'Moderatorin',
      'Keller',
      'Wie viele Gäste kamen?',
      'Es waren 3.100.',
      'Wir rechnen mit 4.000.',
    )
    expect(speaker(de, '3.100', 'de')).toBe('Keller')
  })

  it('reads no turn where the article is no transcript', () => {
    expect(speaker('Note: prices rose 4% in May.', '4%', 'en')).toBeUndefined()
  })
})

describe('speaker prefill, round 14: a dispute before a colon owns the data after it', () => {
  it('gives "X denies it: by its records, …" to X', () => {
    expect(
      speaker(
        'La Cooperativa Salinera lo niega: según sus registros, solo 41 camiones pasaron en marzo.',
        '41',
        'es',
      ),
    ).toBe('Cooperativa Salinera')
    expect(
      speaker(
        'Компания Ладога-Транс с этим не согласна: по её данным, простои составили 12 часов.',
        '12 часов',
        'ru',
      ),
    ).toBe('Компания Ладога-Транс')
  })
})
