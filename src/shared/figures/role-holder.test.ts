import { describe, expect, it } from 'vitest'
import { articleEntities } from './entity-resolve'
import { lexiconFor } from './lang'
import { roleHolder } from './role-holder'

const holder = (lang: string, mention: string, text: string): string | undefined => {
  const lex = lexiconFor(lang as 'en')
  return roleHolder(mention, text, text.length, articleEntities(text, lex), lex)
}

describe('a role mention speaks as the person the article gave the role', () => {
  it('in German, across an abbreviation’s point', () => {
    const text = '„Wir wachsen“, sagte Vorstandschefin Dr. Miriam Aumüller. Später … '
    expect(holder('de', 'Vorstandschefin', text)).toBe('Miriam Aumüller')
  })
  it('in Russian and Ukrainian, a name before or after the role', () => {
    const ru = 'Светлана Прохорова, руководитель аналитического отдела агентства, считает иначе. … '
    expect(holder('ru', 'руководитель аналитического отдела', ru)).toBe('Светлана Прохорова')
    const uk = 'Речниця поліції Олена Гайова розповіла про рейд. … '
    expect(holder('uk', 'речниця', uk)).toBe('Олена Гайова')
  })
  it('the role’s gender ending picks the woman, not the man', () => {
    const fr =
      'Le directeur adjoint Paul Aubry était présent. La directrice du parc, Claire Vasseur-Lemaire, a parlé. … '
    expect(holder('fr', 'la directrice', fr)).toBe('Claire Vasseur-Lemaire')
  })
  it('a body’s noun is no role, and a role nobody holds stays unresolved', () => {
    const en = 'The government of Kestria, led by Anna Berg, said … '
    expect(holder('en', 'government', en)).toBeUndefined()
    expect(holder('en', 'the spokeswoman', 'The spokeswoman said the line reopened. … ')).toBeUndefined()
  })
})
