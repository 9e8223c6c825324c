import { it } from 'vitest'
import { tempDir } from '../temp-archive'
import { Archive } from '../../src/main/archive/archive'
import { createService } from '../../src/main/service'
import { dispatch } from '../../src/shared/dispatch'
it('probe', async () => {
  for (let i = 0; i < 5; i++) {
    const archive = await Archive.open(await tempDir())
    const h = createService({ archive, version: 't' })
    const a = (await dispatch(h, 'articles.create', { title: 'x', text: 'some text 1' })) as {
      ok: true
      value: { id: string }
    }
    const rs = await Promise.all([
      dispatch(h, 'articles.delete', { ids: [a.value.id] }),
      dispatch(h, 'articles.delete', { ids: [a.value.id] }),
    ])
    console.log('delete', JSON.stringify(rs))
    const rr = await Promise.all([
      dispatch(h, 'articles.restore', { ids: [a.value.id] }),
      dispatch(h, 'articles.restore', { ids: [a.value.id] }),
    ])
    console.log('restore', JSON.stringify(rr).slice(0, 300), archive.list().length)
  }
})
