// Runs in tests: the period prefill of round 17 (README "Figures"): what makes a piece one that states its
// reference period once (a club's accounts, a bilan, a year's results, итоги), that the period is over (a span
// running past the article's date is a forecast's), and the figures the frame does not reach — a conditional
// and a present-tense state (conventions, session 12).
import { describe, expect, it } from 'vitest'
import { article, period as firstPeriod } from '../../../test/figures/period-cases'

/** The period of the figure's last occurrence: the paragraph under test comes after the lead. */
const period = (text: string, figure: string, lang: string) => firstPeriod(text, figure, lang, { last: true })

describe('accounts, a bilan, results and итоги are pieces that state their period once', () => {
  it.each([
    [
      'en',
      article(
        '2026-03-12',
        'Harbury Town lost £8.4m in the year to 30 June 2025, according to accounts the club filed on Wednesday.',
        'Matchday income climbed to £7.5m.',
      ),
      '£7.5m',
      ['2024-07-01', '2025-06-30'],
    ],
    [
      'fr',
      article(
        '2026-07-09',
        'Du 2 mars au 12 juin, les inspecteurs ont contrôlé 614 chantiers. Le bilan a été présenté mercredi.',
        'Les agents ont constaté 64 manquements graves.',
      ),
      '64',
      ['2026-03-02', '2026-06-12'],
    ],
    [
      'es',
      article(
        '2026-03-18',
        'La oficina tramitó 5.412 quejas entre enero y diciembre de 2025, según la memoria anual entregada este miércoles.',
        'Las reclamaciones por ruido sumaron 655.',
      ),
      '655',
      ['2025-01-01', '2025-12-31'],
    ],
    [
      'de',
      article(
        '2026-04-20',
        'Der Verein hat im Jahr 2025 einen Gewinn von 3,1 Millionen Euro erzielt, wie aus dem Jahresabschluss hervorgeht.',
        'Die Personalkosten stiegen auf 41 Millionen Euro.',
      ),
      '41 Millionen Euro',
      ['2025-01-01', '2025-12-31'],
    ],
    [
      'uk',
      article(
        '2026-07-10',
        'Центр оприлюднив результати тесту, основна сесія якого тривала з 20 травня по 28 червня. Тест склали 287 тис. вступників.',
        'Понад 190 балів отримали 64 учасники.',
      ),
      '64',
      ['2026-05-20', '2026-06-28'],
    ],
    [
      'ru',
      article(
        '2026-03-05',
        'Инспекция подвела итоги рейда, который проходил с 12 января по 27 февраля. Проверено 183 объекта.',
        'Нарушения нашли на 141 площадке.',
      ),
      '141',
      ['2026-01-12', '2026-02-27'],
    ],
  ])('%s', (lang, text, figure, want) => {
    expect(period(text, figure, lang)).toEqual(want)
  })
})

describe('a span that runs past the article date is no frame: a report period is over', () => {
  it.each([
    [
      'en',
      article(
        '2026-10-21',
        'One teacher in five may leave over the next 12 months, the results of a survey show.',
        'The institute polled 4,812 teachers.',
      ),
      '4,812',
    ],
    [
      'uk',
      article(
        '2026-10-21',
        'Кожен п’ятий учитель може залишити школу протягом найближчих 12 місяців. Про це свідчать результати опитування.',
        'Опитано 4 812 педагогів.',
      ),
      '4 812',
    ],
  ])('%s', (lang, text, figure) => {
    expect(period(text, figure, lang)).toBeUndefined()
  })
})

describe('a conditional is not in the frame: what would happen has no period', () => {
  it.each([
    [
      'en',
      article(
        '2026-02-11',
        'The council collected £2.8m in tourist tax in 2025, its annual report shows.',
        'Each extra point on the rate would bring in about £90,000.',
      ),
      'about £90,000',
    ],
    [
      'fr',
      article(
        '2026-02-11',
        'La communauté de communes a encaissé 2,84 millions d’euros de taxe de séjour en 2025, selon son rapport.',
        'Chaque point de taux supplémentaire rapporterait environ 90 000 euros.',
      ),
      'environ 90 000 euros',
    ],
    [
      'es',
      article(
        '2026-02-11',
        'El ayuntamiento recaudó 2,8 millones de euros de tasa turística en 2025, según el informe municipal.',
        'Cada punto más de la tasa aportaría unos 90.000 euros.',
      ),
      'unos 90.000 euros',
    ],
    [
      'de',
      article(
        '2026-12-03',
        'Das Landesamt hat vom 9. bis 20. November 214 Betriebe kontrolliert, in 138 fanden sich Mängel.',
        'Eine Haftung der Auftraggeber würde die Zustellung um 20 bis 30 Cent verteuern.',
      ),
      '20 bis 30 Cent',
    ],
    [
      'uk',
      article(
        '2026-10-14',
        'За звітом департаменту, за січень–вересень 2026 року місто отримало 41,3 млн грн туристичного збору.',
        'Вища ставка дала б курортним містам додатково 60–70 млн грн.',
      ),
      '60–70 млн грн',
    ],
    [
      'ru',
      article(
        '2026-10-14',
        'По итогам января–сентября 2026 года город получил 41,3 млн рублей курортного сбора.',
        'Более высокая ставка принесла бы бюджету ещё 60 млн рублей.',
      ),
      '60 млн рублей',
    ],
  ])('%s', (lang, text, figure) => {
    expect(period(text, figure, lang)).toBeUndefined()
  })
})

describe('a present-tense state is not in the frame (session 12): what a place or body has now', () => {
  it.each([
    [
      'en',
      article(
        '2026-01-29',
        'Burglaries fell 8.2% in 2025, with 3,412 offences recorded, the annual report of the observatory shows.',
        'The county town has 210 CCTV cameras.',
      ),
      '210',
    ],
    [
      'fr',
      article(
        '2026-01-29',
        'Les cambriolages ont reculé de 8,2 % en 2025, selon le rapport annuel de l’observatoire.',
        'Saint-Aurèle, ville-préfecture de 86 000 habitants, compte 210 caméras de vidéoprotection.',
      ),
      '210',
    ],
    [
      'es',
      article(
        '2026-01-29',
        'Los robos en viviendas bajaron un 8,2 % en 2025, según el informe anual del observatorio.',
        'La capital cuenta con 210 cámaras de vigilancia.',
      ),
      '210',
    ],
    [
      'de',
      article(
        '2026-01-29',
        'Die Zahl der Einbrüche ist 2025 um 8,2 Prozent gesunken, wie aus dem Bericht der Polizei hervorgeht.',
        'Der Landkreis zählt 23 Gemeinden.',
      ),
      '23',
    ],
    [
      'uk',
      article(
        '2026-01-29',
        'Кількість крадіжок у 2025 році зменшилася на 8,2%, свідчить звіт поліції.',
        'Місто має 210 камер відеоспостереження.',
      ),
      '210',
    ],
    [
      'ru',
      article(
        '2026-01-29',
        'Число краж в 2025 году сократилось на 8,2%, говорится в отчете полиции.',
        'Город насчитывает 210 камер видеонаблюдения.',
      ),
      '210',
    ],
  ])('%s', (lang, text, figure) => {
    expect(period(text, figure, lang)).toBeUndefined()
  })

  it('the same place size after the figure ("ville de 86 000 habitants")', () => {
    const text = article(
      '2026-01-29',
      'Les cambriolages ont reculé de 8,2 % en 2025, selon le rapport annuel de l’observatoire.',
      'Saint-Aurèle, ville-préfecture de 86 000 habitants, a installé des caméras.',
    )
    expect(period(text, '86 000', 'fr')).toBeUndefined()
  })
})

describe('complaints and a market demand are nouns, not requests: the frame reaches them', () => {
  it.each([
    [
      'en',
      article(
        '2026-02-03',
        'The grid operator sold 41 TWh in 2025, its annual report shows.',
        'Demand from industry fell to 12 TWh.',
      ),
      '12 TWh',
    ],
    [
      'fr',
      article(
        '2026-03-18',
        'Le médiateur a reçu 5 412 saisines en 2025, selon son rapport annuel.',
        'Les réclamations liées au logement ont atteint 1 486.',
      ),
      '1 486',
    ],
    [
      'es',
      article(
        '2026-03-18',
        'La oficina tramitó en 2025 un total de 5.412 quejas, según la memoria anual.',
        'La mayoría de las reclamaciones tuvo que ver con la vivienda (1.486).',
      ),
      '1.486',
    ],
  ])('%s', (lang, text, figure) => {
    expect(period(text, figure, lang)).toEqual(['2025-01-01', '2025-12-31'])
  })
})

describe('"between the 2nd of May and the 13th of September" with its articles is one span', () => {
  it.each([
    ['en', 'The 38 concerts between 2 May and 13 September took £71.4m.', '£71.4m'],
    [
      'fr',
      'Les 38 concerts, entre le 2 mai et le 13 septembre, ont rapporté 71,4 millions d’euros.',
      '71,4 millions d’euros',
    ],
    [
      'es',
      'Los 38 conciertos, entre el 2 de mayo y el 13 de septiembre, recaudaron 71,4 millones de euros.',
      '71,4 millones de euros',
    ],
    [
      'de',
      'Die 38 Konzerte zwischen dem 2. Mai und dem 13. September brachten 71,4 Millionen Euro.',
      '71,4 Millionen Euro',
    ],
    ['uk', '38 концертів між 2 травня та 13 вересня принесли 71,4 млн грн.', '71,4 млн грн'],
    ['ru', '38 концертов в период между 2 мая и 13 сентября принесли 71,4 млн рублей.', '71,4 млн рублей'],
  ])('%s', (lang, sentence, figure) => {
    expect(period(article('2026-09-22', sentence), figure, lang)).toEqual(['2026-05-02', '2026-09-13'])
  })
})

describe('a split year and the day it closed are one phrase: the year, not the day', () => {
  it.each([
    ['en', 'The club’s 2025-26 financial year, which ended on 30 June, brought a profit of £4.2m.', '£4.2m'],
    [
      'fr',
      'Le club a clôturé l’exercice 2025/26, clos le 30 juin, avec un bénéfice de 4,2 millions d’euros.',
      '4,2 millions d’euros',
    ],
    [
      'es',
      'El club cerró el ejercicio 2025/26, terminado el 30 de junio, con un beneficio de 4,2 millones de euros.',
      '4,2 millones de euros',
    ],
    [
      'de',
      'Der Verein schloss das Geschäftsjahr 2025/26, abgeschlossen am 30. Juni, mit einem Gewinn von 4,2 Millionen Euro.',
      '4,2 Millionen Euro',
    ],
    [
      'uk',
      'Клуб завершив фінансовий рік 2025/26, що завершився 30 червня, з прибутком 4,2 млн грн.',
      '4,2 млн грн',
    ],
    [
      'ru',
      'Клуб завершил финансовый год 2025/26, закончившийся 30 июня, с прибылью 4,2 млн рублей.',
      '4,2 млн рублей',
    ],
  ])('%s', (lang, sentence, figure) => {
    expect(period(article('2026-10-16', sentence), figure, lang)).toEqual(['2025-07-01', '2026-06-30'])
  })
})

describe('the current season named in a results lead is the frame though it runs to the article date', () => {
  it.each([
    [
      'en',
      article(
        '2026-08-13',
        'Fewer students gained top grades this summer, with 26.4 per cent of entries awarded A, according to results published on Thursday.',
        'The pass rate was almost unchanged at 97.2 per cent.',
      ),
      '97.2 per cent',
    ],
    [
      'fr',
      article(
        '2026-08-13',
        'Cet été, 26,4 % des candidats ont obtenu une mention, selon les résultats publiés jeudi.',
        'Le taux de réussite est resté stable à 97,2 %.',
      ),
      '97,2 %',
    ],
    [
      'es',
      article(
        '2026-08-13',
        'Este verano, el 26,4 % de los alumnos obtuvo sobresaliente, según los resultados publicados el jueves.',
        'La tasa de aprobados se mantuvo en el 97,2 %.',
      ),
      '97,2 %',
    ],
    [
      'de',
      article(
        '2026-08-13',
        'Diesen Sommer erhielten 26,4 Prozent der Prüflinge die Bestnote, wie aus den am Donnerstag veröffentlichten Ergebnissen hervorgeht.',
        'Die Bestehensquote blieb mit 97,2 Prozent fast unverändert.',
      ),
      '97,2 Prozent',
    ],
    [
      'uk',
      article(
        '2026-08-13',
        'Цього літа найвищий бал отримали 26,4% учасників, свідчать результати, оприлюднені в четвер.',
        'Поріг склали 97,2% учасників.',
      ),
      '97,2%',
    ],
    [
      'ru',
      article(
        '2026-08-13',
        'Этим летом высший балл получили 26,4% участников, говорится в опубликованных в четверг результатах.',
        'Порог преодолели 97,2% участников.',
      ),
      '97,2%',
    ],
  ])('%s', (lang, text, figure) => {
    expect(period(text, figure, lang)).toEqual(['2026-06-01', '2026-08-13'])
  })
})

describe('a lead sentence with no figure that names only its comparison does not set the frame', () => {
  it.each([
    [
      'en',
      'The chain sold more than last year. In the three months to December, revenue rose 2.4% to £1.18bn.',
      'Online sales grew 11%.',
      '11%',
    ],
    [
      'fr',
      'L’enseigne a vendu davantage qu’en 2024. D’octobre à décembre, le chiffre d’affaires a progressé de 2,4 %.',
      'Les ventes en ligne ont bondi de 11 %.',
      '11 %',
    ],
    [
      'es',
      'La cadena vendió más que en 2024, según su informe. Entre octubre y diciembre, la facturación creció un 2,4 %.',
      'Las ventas en línea crecieron un 11 %.',
      '11 %',
    ],
    [
      'de',
      'Die Kette hat mehr umgesetzt als im Vorjahr. Von Oktober bis Dezember stieg der Umsatz um 2,4 Prozent.',
      'Online wuchs das Geschäft um 11 Prozent.',
      '11 Prozent',
    ],
    [
      'uk',
      'Мережа продала більше, ніж у 2024 році. У жовтні–грудні виручка зросла на 2,4%.',
      'Онлайн-продажі зросли на 11%.',
      '11%',
    ],
    [
      'ru',
      'Сеть продала больше, чем в 2024 году. В октябре–декабре выручка выросла на 2,4%.',
      'Онлайн-продажи выросли на 11%.',
      '11%',
    ],
  ])('%s', (lang, lead, later, figure) => {
    expect(period(article('2026-01-13', lead, later), figure, lang)).toEqual(['2025-10-01', '2025-12-31'])
  })
})

describe('a lead that gives its figures as published data states the period once', () => {
  it.each([
    [
      'en',
      '6.8 million tonnes passed the canal between 28 April and 10 November, according to figures from the authority.',
      'Grain made up 2.1 million tonnes.',
      '2.1 million tonnes',
    ],
    [
      'fr',
      'Du 28 avril au 10 novembre, 6,8 millions de tonnes ont franchi le canal, selon les chiffres de l’autorité.',
      'Les céréales ont représenté 2,1 millions de tonnes.',
      '2,1 millions de tonnes',
    ],
    [
      'es',
      'Del 28 de abril al 10 de noviembre pasaron por el canal 6,8 millones de toneladas, según los datos de la autoridad.',
      'El grano sumó 2,1 millones de toneladas.',
      '2,1 millones de toneladas',
    ],
    [
      'de',
      'Vom 28. April bis zum 10. November passierten 6,8 Millionen Tonnen den Kanal, nach Zahlen der Behörde.',
      'Auf Getreide entfielen 2,1 Millionen Tonnen.',
      '2,1 Millionen Tonnen',
    ],
    [
      'uk',
      'З 28 квітня по 10 листопада каналом пройшло 6,8 млн тонн вантажів, за даними адміністрації.',
      'Зерно становило 2,1 млн тонн.',
      '2,1 млн тонн',
    ],
    [
      'ru',
      'С 28 апреля по 10 ноября через канал прошло 6,8 млн тонн грузов, по данным администрации.',
      'Зерно составило 2,1 млн тонн.',
      '2,1 млн тонн',
    ],
  ])('%s', (lang, lead, later, figure) => {
    expect(period(article('2025-11-20', lead, later), figure, lang)).toEqual(['2025-04-28', '2025-11-10'])
  })
})
