// Main process (sync job): the part of PouchDB 9's API the sync job uses. The package ships no types and
// @types/pouchdb is written for an older PouchDB; these few signatures are checked by the sync tests.
declare module 'pouchdb' {
  type Doc = { _id: string; _rev?: string; _deleted?: boolean; [field: string]: unknown }
  type ReplicationResult = { docs_written: number; docs_read: number; errors: unknown[] }
  type Options = {
    auth?: { username: string; password: string }
    skip_setup?: boolean
    fetch?: (url: string, init: Record<string, unknown>) => Promise<unknown>
  }
  class PouchDB {
    constructor(name: string, options?: Options)
    /** PouchDB's own fetch (node-fetch behind a cookie jar), which its HTTP adapter calls by default. */
    static fetch(url: string, init?: Record<string, unknown>): Promise<unknown>
    info(): Promise<{ db_name: string; doc_count: number; update_seq: string | number }>
    get(
      id: string,
      options?: { conflicts?: boolean; rev?: string; attachments?: boolean },
    ): Promise<Doc & { _rev: string; _conflicts?: string[] }>
    get(id: string, options: { open_revs: string[] }): Promise<{ ok?: Doc; missing?: string }[]>
    bulkDocs(docs: Doc[], options?: { new_edits?: boolean }): Promise<unknown[]>
    changes(options: {
      since: string | number
      include_docs?: boolean
      conflicts?: boolean
      style?: 'main_only' | 'all_docs'
      limit?: number
    }): Promise<{
      results: {
        id: string
        seq: string | number
        deleted?: boolean
        changes: { rev: string }[]
        doc?: Doc & { _rev: string; _conflicts?: string[] }
      }[]
      last_seq: string | number
    }>
    revsDiff(revs: Record<string, string[]>): Promise<Record<string, { missing: string[] }>>
    replicate: {
      from(
        remote: PouchDB,
        options?: { doc_ids?: string[]; batch_size?: number; checkpoint?: false },
      ): Promise<ReplicationResult>
      to(remote: PouchDB, options?: { doc_ids?: string[]; batch_size?: number }): Promise<ReplicationResult>
    }
    close(): Promise<void>
  }
  export default PouchDB
}
