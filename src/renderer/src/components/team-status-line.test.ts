// Tests (Node): the team status line when live sync did not resume at open (hostile-sync-settings.test.ts).
import { describe, expect, it } from 'vitest'
import { statusLine } from './team-status-line'

const waiting = { state: 'needs-password' as const, pending: 0, received: 0 }
const base = { remote: 'https://couch.example.org/team', password: 'none' as const, conflicts: 0, waiting: 0 }

describe('statusLine, live sync waiting at open', () => {
  it('asks for the password when there is a user name', () => {
    expect(statusLine({ ...base, user: 'ann', live: waiting })).toBe('Live sync waits for your password')
  })
  it('says how to start it when the database takes no user name', () => {
    expect(statusLine({ ...base, live: waiting })).toMatch(/tick Keep in sync in Team/)
  })
})

describe('statusLine, an article kept here against a deletion from the team', () => {
  it('counts what the last sync kept', () => {
    const kept = [{ id: 'a1', title: 'Harbour plan', message: 'Kept here: “Harbour plan” — …' }]
    expect(statusLine({ ...base, lastSync: '2026-12-06T20:00:00Z', kept })).toMatch(/ · 1 article kept here$/)
  })
})
