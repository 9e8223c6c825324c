import { describe, expect, it } from 'vitest'
import { articleEntities, datelineOutlet, resolveMention } from './entity-resolve'
import { kindOf } from './entity-kinds'
import { lexiconFor } from './lang/index'
import { prefillFigure } from './index'

/** Where `needle` stands in the article's body (after its date line). */
const at = (text: string, needle: string): number => text.indexOf(needle, text.indexOf('\n'))

describe('entity kinds', () => {
  it('reads a kind noun, its class, and a German compound ending in one', () => {
    expect(kindOf('company')?.cls).toBe('company')
    expect(kindOf('компанія')?.cls).toBe('company')
    expect(kindOf('відомство')?.cls).toBe('authority')
    expect(kindOf('Amte')?.stem).toBe('amt')
    expect(kindOf('Bundeskartellamt')).toBeUndefined()
    expect(kindOf('Bundeskartellamt', true)?.stem).toBe('amt')
    expect(kindOf('Stahlkonzern', true)?.cls).toBe('company')
    expect(kindOf('minister')).toBeUndefined()
  })
})

describe('the article entity table', () => {
  it('reads bodies with their kind, acronyms in brackets and legal forms, and people', () => {
    const en = lexiconFor('en')
    const text =
      'date 2026-12-01 Title\n\nTern Cells, a Porto-based maker of batteries, raised $5m. The round was led by the Danish fund Fjord Capital. Fjord Capital partner Anke de Wit said more would follow.'
    const names = articleEntities(text, en).map((e) => `${e.kind}:${e.name}`)
    expect(names).toContain('body:Tern Cells')
    expect(names).toContain('body:Fjord Capital')
    expect(names).toContain('person:Anke de Wit')
    const de = lexiconFor('de')
    const deText = 'date 2026-12-01 T\n\nNach Daten des Bundesamts für Schiffsregister (BSR) stieg die Zahl.'
    expect(articleEntities(deText, de).find((e) => e.acronym === 'BSR')).toBeDefined()
    const ru = lexiconFor('ru')
    const ruText = 'date 2026-12-01 T\n\nОб этом сообщили в МУП «Северный водоканал».'
    expect(articleEntities(ruText, ru).map((e) => e.name)).toContain('МУП «Северный водоканал»')
  })

  it('does not run a name across a line break, nor take a product and its model for a person', () => {
    const fr = lexiconFor('fr')
    const text = 'date 2026-12-01 Canicule dans le Sud-Est\n\nMétéo-France a annoncé mercredi 16 alertes.'
    expect(articleEntities(text, fr).some((e) => e.name.includes('\n'))).toBe(false)
    const en = lexiconFor('en')
    const review = 'date 2026-12-01 Review\n\nThe Brava Nova 3 costs $499. Brava said 80% of buyers kept it.'
    expect(articleEntities(review, en).some((e) => e.kind === 'person' && e.name === 'Brava Nova')).toBe(
      false,
    )
  })
})

describe('mentions resolved against the entity table', () => {
  it('a kind noun is the body of that kind introduced before it, the most mentioned', () => {
    const en = lexiconFor('en')
    const text =
      'date 2026-12-01 T\n\nLisbon startup Tern Cells raised $5m, Tern Cells said. The Danish fund Fjord Capital led it. The cells last 6,000 cycles, the company said.'
    expect(resolveMention('company', text, at(text, '6,000'), en)).toBe('Tern Cells')
    const de = lexiconFor('de')
    const deText =
      'date 2026-12-01 T\n\nDer Stahlkonzern Harlinger Stahl schließt ein Werk. Dafür stellt Harlinger 40 Millionen Euro zurück, teilte das Unternehmen mit.'
    expect(resolveMention('Unternehmen', deText, at(deText, '40'), de)).toBe('Harlinger Stahl')
    const deAmt =
      'date 2026-12-01 T\n\nDas Bundeskartellamt verhängte Bußgelder. Die Firmen hätten 12 Prozent aufgeschlagen, hieß es beim Amte.'
    expect(resolveMention('Amte', deAmt, at(deAmt, '12'), de)).toBe('Bundeskartellamt')
  })

  it('a kind noun with words outside its noun phrase before it (uk, es)', () => {
    const uk = lexiconFor('uk')
    const text =
      'date 2026-12-01 T\n\nОператором став київський «Зоряний Зв’язок». Директор сказав, що з липня компанія підключила 1 370 громад.'
    expect(resolveMention('липня компанія', text, at(text, '1 370'), uk)).toBe('Зоряний Зв’язок')
    const es = lexiconFor('es')
    const esText =
      'date 2026-12-01 T\n\nLa cadena de supermercados Preciomax rebaja precios. La propia empresa lo cifra en 90 millones.'
    expect(resolveMention('propia empresa', esText, at(esText, '90'), es)).toBe('Preciomax')
  })

  it('an acronym is the body it was given to or whose name holds it', () => {
    const ru = lexiconFor('ru')
    const text =
      'date 2026-12-01 T\n\nОб этом сообщили в МУП «Северный водоканал». Потери снизились на 23 %, сообщили в МУП.'
    expect(resolveMention('МУП', text, at(text, '23'), ru)).toBe('МУП «Северный водоканал»')
  })

  it('a first name or a surname alone is the person introduced with it', () => {
    const en = lexiconFor('en')
    const text =
      'date 2026-12-01 T\n\nFjord Capital partner Anke de Wit says prices will fall 30%. Jane Holloway, a broker, disagrees. Anke says 40%, Holloway says 10%.'
    expect(resolveMention('Anke', text, at(text, '40%'), en)).toBe('Anke de Wit')
    expect(resolveMention('Holloway', text, at(text, '10%'), en)).toBe('Jane Holloway')
    expect(resolveMention('Nobody', text, at(text, '10%'), en)).toBe('Nobody')
  })

  it('a wire dateline names the outlet, never a speaker', () => {
    const text = 'date 2026-12-01 T\n\nKYIV, Dec 3 (Glossa) — Exports rose 5%, the ministry said.'
    expect(datelineOutlet(text)).toBe('Glossa')
    expect(resolveMention('Glossa', text, at(text, '5%'), lexiconFor('en'))).toBeUndefined()
    expect(datelineOutlet('date 2026-12-01 T\n\nExports rose (Glossa) — 5%.')).toBeUndefined()
  })

  it('runs behind the prefill: "the company" takes the startup the article is about', () => {
    const text =
      'date 2026-12-01 Tern Cells raises $5m\n\nTern Cells, a Porto-based maker of batteries, raised $5m, it said.\n\nIts cells keep 80% of their capacity, the company says.'
    const start = at(text, '80%')
    const got = prefillFigure({ text, start, end: start + 3, lang: 'en', articleDate: '2026-12-01' })
    expect(got.attributedTo).toBe('Tern Cells')
  })

  it('trims a mention to its noun phrase: a quoted name after a preposition, a quote that is no name', () => {
    const ru = lexiconFor('ru')
    const text =
      'date 2026-12-01 T\n\nФутбольный клуб «Заречье» продал игрока. Выручка составила 18 млн евро.'
    expect(resolveMention('В пресс-службе «Заречье»', text, at(text, '18'), ru)).toBe('Заречье')
    // (the quote dropped, the kind noun "клуб" is the club the article introduced)
    expect(resolveMention('клуб «продал его»', text, at(text, '18'), ru)).toBe('Заречье')
  })

  it('puts a Ukrainian body in the nominative and drops who works there', () => {
    const uk = lexiconFor('uk')
    const text = 'date 2026-12-01 T\n\nНауковці Поліського інституту геології виміряли зсув на 4 см.'
    expect(resolveMention('науковці Поліського інституту геології', text, at(text, '4 см'), uk)).toBe(
      'Поліський інститут геології',
    )
    const ova =
      'date 2026-12-01 T\n\nУ Волинській обласній військовій адміністрації (ОВА) з цим не погоджуються: потрібно 30 млн грн.'
    expect(resolveMention('ОВА', ova, at(ova, '30'), uk)).toBe('Волинська обласна військова адміністрація')
    expect(resolveMention('міськраді Заріччя', ova, at(ova, '30'), uk)).toBe('міськрада Заріччя')
  })

  it('undoes a German genitive head and completes a body cut at its start or end', () => {
    const de = lexiconFor('de')
    const text =
      'date 2026-12-01 T\n\nDer Branchenverband Stahl Nord warnt. Die Kruse & Söhne KG zahlt 9 Millionen Euro, sagte ein Sprecher.'
    expect(resolveMention('Verbands der Stahlhändler', text, at(text, '9'), de)).toBe(
      'Verband der Stahlhändler',
    )
    expect(resolveMention('Stahl Nord', text, at(text, '9'), de)).toBe('Branchenverband Stahl Nord')
    expect(resolveMention('Söhne KG', text, at(text, '9'), de)).toBe('Kruse & Söhne KG')
  })
})
