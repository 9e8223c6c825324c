// Tests (Node): a child run under a file-size limit (`ulimit -f`; Node ignores SIGXFSZ, so a write past it fails
// with EFBIG, as a full disk fails with ENOSPC). Opens the archive at argv[2], tries to save a note, tags, a tag colour
// and a collection that cannot be written, then asks what the archive holds, and prints each answer as a line of JSON.
import { Archive } from '../../src/main/archive/archive'
import { createService } from '../../src/main/service'
import { dispatch } from '../../src/shared/dispatch'

const [dir, articleId, noteId, bigLength] = process.argv.slice(2) as [string, string, string, string]
const archive = await Archive.open(dir)
const handlers = createService({ archive, version: 'test' })
const call = async (method: string, args: unknown) => {
  const result = await dispatch(handlers, method, args)
  return result.ok
    ? { ok: true, value: result.value }
    : { ok: false, code: result.error.code, message: result.error.message }
}
const big = 'y'.repeat(Number(bigLength))
const target = (await archive.readAnnotations(articleId))[0]!.target
const tried = {
  update: await call('annotations.update', { articleId, id: noteId, note: big }),
  create: await call('annotations.create', { articleId, note: big, target }),
  // 1,000 tags of 40 characters: the catalog entry alone is past the limit.
  retag: await call('articles.update', {
    id: articleId,
    tags: Array.from({ length: 1000 }, (_, i) => `tag ${String(i).padStart(4, '0')} `.padEnd(40, 'x')),
  }),
  // tags.json and collections.json, made past the limit by the test: any change of them fails.
  color: await call('tags.setColor', { name: 'buses', color: 'pink' }),
  collect: await call('collections.create', { name: 'Made on a full disk' }),
  // A pasted text whose body file is past the limit.
  paste: await call('import.text', { title: 'Pasted', text: 'pasted words '.repeat(5000) }),
}
const notes = await call('annotations.list', { articleId })
const meta = archive.meta(articleId)
const colors = archive.tagStore.colors()
const collections = archive.collections.all().length
console.log(
  JSON.stringify({
    ...tried,
    notes,
    counts: meta.counts,
    tags: meta.tags,
    colors: colors.buses,
    collections,
    articles: archive.list().length,
  }),
)
await archive.flush()
