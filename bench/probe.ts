import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Archive } from '../src/main/archive/archive'
import { SearchIndex } from '../src/main/search'
import { exportOnce } from './measure-export'
import { peakRss } from './stats'
const gc = (globalThis as unknown as { gc: () => void }).gc
const mb = (n: number) => (n / 1e6).toFixed(1)
const show = (label: string) => {
  const m = process.memoryUsage()
  console.log(label, 'heap', mb(m.heapUsed), 'rss', mb(m.rss), 'peak', mb(peakRss()))
  gc()
}
const archive = await Archive.open(process.argv[2])
archive.list()
show('open')
const index = await SearchIndex.open(archive)
show('index loaded')
if (process.argv[3] === 'save') {
  const a = await archive.createArticle({ title: 'Probe zeppelin', text: 'A zeppelin.', tags: [] })
  await index.search('zeppelin')
  show('changed')
  await index.flush()
  show('saved')
  await archive.deleteArticle(a.id)
  await index.flush()
} else {
  const out = await mkdtemp(join(tmpdir(), 'probe-'))
  await exportOnce(archive, out)
  show('exported')
}
await index.close()
