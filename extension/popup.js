// Extension: the toolbar popup (also opened by the shortcut, Alt+Shift+G). Pairs once with a code from the
// Glossa app; then captures the page the user is on — the live DOM and the selection — and sends it to Glossa
// with the chosen tags and collection.
/* global chrome */
import { capturePage } from './capture.js'
import {
  DEFAULT_PORT,
  GlossaError,
  forgetKey,
  info,
  loadSettings,
  openArticle,
  pair,
  savePage,
  saveSettings,
} from './glossa-client.js'

const $ = (id) => document.getElementById(id)
const show = (id, visible = true) => ($(id).hidden = !visible)

function say(text) {
  $('message').textContent = text
  show('message', !!text)
}

/** The tab to save: the active one, or (for tests and the options of other browsers) `?tab=<id>`. */
async function targetTab() {
  const asked = Number(new URLSearchParams(location.search).get('tab'))
  if (asked) return chrome.tabs.get(asked)
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true })
  return tab
}

async function capture(tab, withHtml) {
  const [first] = await chrome.scripting.executeScript({
    target: { tabId: tab.id },
    func: capturePage,
    args: [withHtml],
  })
  return first?.result
}

const splitTags = (text) =>
  [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].slice(0, 50)

function showPairing(settings, why) {
  show('save-form', false)
  show('saved', false)
  show('unpair', false)
  $('port').value = String(settings.port || DEFAULT_PORT)
  show('pair-form')
  say(why ?? '')
  $('code').focus()
}

async function showSaveForm(settings, info) {
  show('pair-form', false)
  show('unpair')
  const tags = $('tag-list')
  tags.replaceChildren(
    ...info.tags.slice(0, 500).map((t) => Object.assign(document.createElement('option'), { value: t })),
  )
  $('collection').append(
    ...info.collections.map((c) =>
      Object.assign(document.createElement('option'), { value: c.id, textContent: c.name }),
    ),
  )
  const last = await chrome.storage.local.get(['collection'])
  if (info.collections.some((c) => c.id === last.collection)) $('collection').value = last.collection
  show('save-form')
  $('save').focus()
  try {
    const tab = await targetTab()
    const page = await capture(tab, false)
    $('page-title').textContent = page?.title || tab.url || ''
    if (page?.selection) {
      $('selection-text').textContent = page.selection.exact
      show('selection')
    }
  } catch (err) {
    $('save').disabled = true
    say(
      `This page cannot be saved (${err instanceof Error ? err.message : String(err)}). Browser pages and the extension store are closed to extensions.`,
    )
  }
}

async function start() {
  const settings = await loadSettings()
  if (!settings.key) return showPairing(settings)
  try {
    await showSaveForm(settings, await info(settings))
  } catch (err) {
    // The key is kept: a refusal carries no proof, and anything on the port can answer one. Pairing again
    // replaces it; Unpair forgets it.
    if (err instanceof GlossaError && err.kind === 'refused') return showPairing(settings, err.message)
    say(err instanceof Error ? err.message : String(err))
  }
}

$('pair-form').addEventListener('submit', async (event) => {
  event.preventDefault()
  const port = Number($('port').value) || DEFAULT_PORT
  // Firefox grants host permissions only when asked, in answer to a click (this one); without it the request
  // to 127.0.0.1 would be a cross-origin one that Glossa refuses. Chromium granted it at install.
  const allowed = chrome.permissions.request({ origins: ['http://127.0.0.1/*'] })
  try {
    if (!(await allowed)) throw new Error('The extension needs your permission to reach Glossa on 127.0.0.1.')
    const { key } = await pair({ port }, $('code').value.trim())
    await saveSettings({ key, port })
    say('')
    await start()
  } catch (err) {
    say(err instanceof Error ? err.message : String(err))
  }
})

$('save-form').addEventListener('submit', async (event) => {
  event.preventDefault()
  $('save').disabled = true
  $('save').textContent = 'Saving…'
  say('')
  const settings = await loadSettings()
  try {
    const tab = await targetTab()
    const page = await capture(tab, true)
    if (!page?.html) throw new Error('The page could not be read.')
    const collection = $('collection').value
    await chrome.storage.local.set({ collection })
    const tags = splitTags($('tags').value)
    const note = $('note').value.trim()
    const reply = await savePage(settings, {
      html: page.html,
      url: page.url,
      ...(tags.length ? { tags } : {}),
      ...(collection ? { collection } : {}),
      ...(page.selection ? { selection: { ...page.selection, ...(note ? { note } : {}) } } : {}),
    })
    showSaved(settings, reply)
    await markButton(tab, reply).catch(() => {})
  } catch (err) {
    $('save').disabled = false
    $('save').textContent = 'Save to Glossa'
    if (err instanceof GlossaError && err.kind === 'refused') return showPairing(settings, err.message)
    say(err instanceof Error ? err.message : String(err))
  }
})

/** The toolbar button on this tab says so too: a tick, and its tooltip. */
async function markButton(tab, reply) {
  const saved = reply.status === 'duplicate' ? 'Already in Glossa' : 'Saved to Glossa'
  await chrome.action.setBadgeText({ tabId: tab.id, text: '✓' })
  await chrome.action.setTitle({ tabId: tab.id, title: `${saved}: ${reply.title}` })
}

function showSaved(settings, reply) {
  show('save-form', false)
  $('saved-text').textContent =
    reply.status === 'duplicate' ? `Already in Glossa: “${reply.title}”` : `Saved to Glossa: “${reply.title}”`
  const h = reply.highlight
  $('highlight-text').textContent = !h
    ? ''
    : h.status === 'saved'
      ? 'The selection is a highlight in it.'
      : h.message
  show('saved')
  show('open')
  $('open').onclick = async () => {
    try {
      const { opened } = await openArticle(settings, reply.id)
      if (opened) window.close()
      else say('Glossa has no window to show it in (browser mode); find it at the top of the library.')
    } catch (err) {
      say(err instanceof Error ? err.message : String(err))
    }
  }
}

$('unpair').addEventListener('click', async () => {
  await forgetKey()
  showPairing(await loadSettings(), 'This browser is unpaired here; revoke it in Glossa too.')
})

void start()
