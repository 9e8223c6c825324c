// @vitest-environment happy-dom
// The tag field's kept draft, rendered by React in happy-dom with the real localStorage drafts: a field open
// before this tab has taken over a closed tab's drafts (no key yet) reads the draft kept under its key once the
// key comes, as the reader gives it after the takeover; something typed before then is not written over.
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import type { Root } from 'react-dom/client'
import { afterEach, expect, it } from 'vitest'
import { tagDraft, tagDraftKey, writeDraft } from '../reader/drafts'
import TagInput from './TagInput'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const roots: Root[] = []
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount())
  localStorage.clear()
})

/** A tag field rendered with `draftKey`; `update` renders it again with another key. */
function field(draftKey: string | undefined) {
  const host = document.createElement('div')
  document.body.append(host)
  const root = createRoot(host)
  roots.push(root)
  const render = (key: string | undefined) =>
    act(() =>
      root.render(createElement(TagInput, { value: [], known: [], onChange: () => {}, draftKey: key })),
    )
  render(draftKey)
  return { input: () => host.querySelector('input') as HTMLInputElement, update: render }
}

it('reads the draft taken over when its key comes after the field opened', () => {
  const key = tagDraftKey('article-1', 'annotation-1', 'tab-c')
  const f = field(undefined)
  expect(f.input().value).toBe('')
  // The takeover moves a closed tab's typing under this tab's key, then the reader gives the key.
  writeDraft(key, tagDraft('water/outages'))
  f.update(key)
  expect(f.input().value).toBe('water/outages')
})

it('keeps what was typed before the key came', () => {
  const key = tagDraftKey('article-1', 'annotation-1', 'tab-c')
  const f = field(undefined)
  act(() => {
    const input = f.input()
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
    set?.call(input, 'roads')
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
  writeDraft(key, tagDraft('water/outages'))
  f.update(key)
  expect(f.input().value).toBe('roads')
})
