import { describe, expect, it } from 'vitest'
import { loadHtml } from './skeleton'

describe('loadHtml gives every page a head and a body', () => {
  it.each([
    [
      'a saved page with a comment before the doctype',
      '<!-- saved from url=(0030)https://news.example/story -->\n<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><p>x</p></body></html>',
      { title: 'T', body: '<p>x</p>', lang: 'en' },
    ],
    [
      'no <html>, <head> or <body>',
      '<!doctype html><title>T</title><meta name="author" content="X"><p>text',
      { title: 'T', body: '<p>text</p>' },
    ],
    [
      '<html> without head or body',
      '<html lang="fr" dir="ltr"><p>x</p></html>',
      { title: '', body: '<p>x</p>', lang: 'fr' },
    ],
    ['a bare fragment', '<p>frag</p>', { title: '', body: '<p>frag</p>' }],
    ['loose text first', 'Hello <b>world</b>', { title: '', body: 'Hello <b>world</b>' }],
    [
      'content after </body>',
      '<html><head></head><body><p>a</p></body><p>b</p></html>',
      { title: '', body: '<p>a</p><p>b</p>' },
    ],
    [
      'a body-only page keeps body attributes',
      '<body dir="rtl"><p>x</p></body>',
      { title: '', body: '<p>x</p>', bodyDir: 'rtl' },
    ],
  ])('%s', (_name, html, expected) => {
    const doc = loadHtml(html)
    expect(doc.title).toBe(expected.title)
    expect(doc.body?.innerHTML).toBe(expected.body)
    if ('lang' in expected) expect(doc.documentElement?.getAttribute('lang')).toBe(expected.lang)
    if ('bodyDir' in expected) expect(doc.body?.getAttribute('dir')).toBe(expected.bodyDir)
    expect(doc.querySelector('head meta[name="author"]')?.getAttribute('content') ?? 'X').toBe('X')
  })
})
