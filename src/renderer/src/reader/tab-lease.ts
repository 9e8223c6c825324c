// Renderer: which tab keeps which changes not yet on disk. Each tab keeps them under its own key (its tab id, in
// sessionStorage, so a reload of the tab finds them again) and holds a Web Lock named after its id for as long
// as it is open: the browser lets go of it when the tab is closed or crashes. A tab that opens an article takes
// over the kept changes of tabs that are gone, while it holds one lock shared by all tabs, so only one tab takes
// over each kept list, once. Without Web Locks (an old browser) a tab keeps and finds only its own changes.
import { readKept } from './pending-store'
import type { Entry, PendingStore } from './pending-store'

const TAB_ID = 'glossa-tab-id'
const CLAIM = 'glossa-pending-claim'
/** What every kept list's key begins with: `glossa-pending:<archive>:<article>[#<tab>]`. */
export const PENDING = 'glossa-pending:'
/** How long a tab waits for the lease of its own id, held until now by the page it reloaded. */
const RELOAD_WAIT_MS = 3000

const leaseName = (tab: string) => `glossa-tab:${tab}`

type Locks = Pick<LockManager, 'request' | 'query'>

let lease: Promise<string> | undefined
let held: string | undefined

/** This tab's id, once this tab holds its lease. */
export function tabId(locks: Locks | undefined = navigator.locks): Promise<string> {
  lease ??= takeLease(locks, sessionStorage).then((id) => (held = id))
  return lease
}

/** This tab's id if it holds its lease already (it does once an article's annotations have loaded). */
export function heldTabId(): string | undefined {
  return held
}

/**
 * Runs `work` while no other tab can take over what a gone tab kept, told which tab ids are gone (their lease
 * released: the tab closed or crashed). Without Web Locks no tab is known to be gone.
 */
export async function withGoneTabs<T>(
  locks: Locks | undefined,
  work: (gone: (tab: string) => boolean) => T,
): Promise<T> {
  if (!locks) return work(() => false)
  return locks.request(CLAIM, async () => {
    const { held: leases = [] } = await locks.query()
    const alive = new Set(leases.map((l) => l.name))
    return work((tab) => !alive.has(leaseName(tab)))
  })
}

/** Takes the lease of the id this tab had, or of a new one when another open tab holds it (a duplicated tab). */
export async function takeLease(locks: Locks | undefined, session: Storage): Promise<string> {
  let id = session.getItem(TAB_ID)
  for (let attempt = 0; ; attempt++) {
    if (!id) id = newTabId()
    if (!locks || (await hold(locks, leaseName(id), attempt === 0))) break
    id = null
  }
  session.setItem(TAB_ID, id)
  return id
}

/** Holds the lock `name` until this page goes; false when another page keeps it (waiting a while if `wait`). */
function hold(locks: Locks, name: string, wait: boolean): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const options = wait ? { signal: AbortSignal.timeout(RELOAD_WAIT_MS) } : { ifAvailable: true }
    locks
      .request(name, options, (lock) => {
        resolve(lock !== null)
        return lock === null ? undefined : new Promise<void>(() => {})
      })
      .catch(() => resolve(false))
  })
}

/**
 * Runs `open` with the kept changes of the tabs that are gone taken from `base` (the article's store in this
 * archive), while no other tab can take them; they are removed from the store once `open` has kept them under
 * `own` (this tab's key). A kept list under `base` itself is from a Glossa that kept one list for all tabs.
 */
export async function takeOverGone<T>(
  locks: Locks | undefined,
  storage: PendingStore['storage'] & Pick<Storage, 'key' | 'length'>,
  base: string,
  own: string,
  open: (recovered: Entry[]) => T,
): Promise<T> {
  if (!locks) return open([])
  return locks.request(CLAIM, async () => {
    const { held = [] } = await locks.query()
    const alive = new Set(held.map((l) => l.name))
    const gone: string[] = []
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)
      if (key === null || key === own) continue
      if (key === base) gone.push(key)
      else if (key.startsWith(`${base}#`) && !alive.has(leaseName(key.slice(base.length + 1)))) gone.push(key)
    }
    const result = open(gone.flatMap((key) => readKept({ key, storage })))
    for (const key of gone) storage.removeItem(key)
    return result
  })
}

/**
 * How many kept changes this tab holds for an article before its annotations have loaded (read synchronously,
 * so the reader's first frame says so): its own list and the one an older Glossa kept for all tabs. With the
 * archive not yet known, the lists of this article under any archive are counted: a false "not saved" for a
 * moment is harmless, a false "saved" is not.
 */
export function keptBeforeLoad(
  storage: Pick<Storage, 'key' | 'length'> & PendingStore['storage'],
  session: Pick<Storage, 'getItem'>,
  archive: string | null,
  articleId: string,
): number {
  const tab = session.getItem(TAB_ID)
  const own = (key: string) => key === `${archive}:${articleId}` || key === `${archive}:${articleId}#${tab}`
  const anyArchive = (key: string) => key.endsWith(`:${articleId}`) || key.endsWith(`:${articleId}#${tab}`)
  let count = 0
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)
      if (!key?.startsWith(PENDING)) continue
      const rest = key.slice(PENDING.length)
      if (archive === null ? anyArchive(rest) : own(rest)) count += readKept({ key, storage }).length
    }
  } catch {
    // storage unavailable: nothing kept to count
  }
  return count
}

function newTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
