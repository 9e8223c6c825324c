import { it } from 'vitest'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { tempDir, sampleTarget } from '../temp-archive'
import { Archive } from '../../src/main/archive/archive'
import { createService } from '../../src/main/service'
import { startServer } from '../../src/main/serve'
import { dispatch } from '../../src/shared/dispatch'
import { contract } from '../../src/shared/contract'
import type { MethodName } from '../../src/shared/contract'

const TEXT = 'In total there were 500 missile and drone strikes.'
it('probe', async () => {
  const dir = await tempDir()
  const archive = await Archive.open(join(dir, 'a'))
  const h = createService({ archive, version: 't' })
  const call = async (m: string, a: unknown) => {
    const r = await dispatch(h, m, a)
    const chk = r.ok && m in contract ? contract[m as MethodName].result.safeParse(r.value) : null
    console.log(
      m,
      JSON.stringify(a).slice(0, 100),
      '=>',
      JSON.stringify(r).slice(0, 300),
      chk && !chk.success ? 'SCHEMA VIOLATION ' + chk.error.message.slice(0, 300) : '',
    )
    return r
  }
  const a = (await call('articles.create', { title: 'A', text: TEXT })) as { ok: true; value: { id: string } }
  const b = (await call('articles.create', { title: 'B', text: TEXT + ' b' })) as {
    ok: true
    value: { id: string }
  }
  await call('annotations.create', {
    articleId: a.value.id,
    tags: ['constructor'],
    target: sampleTarget(TEXT, '500'),
  })
  await call('annotations.create', {
    articleId: a.value.id,
    tags: ['__proto__'],
    target: sampleTarget(TEXT, '500'),
  })
  await call('articles.list', {})
  await call('tags.list', {})
  await call('collections.rename', { id: 'constructor', name: 'x' })
  await call('collections.list', {})
  await call('collections.delete', { id: 'constructor' })
  await call('tags.setColor', { name: '__proto__', color: 'green' })
  await call('tags.setColor', { name: 'constructor', color: 'green' })
  await call('tags.list', {})
  await call('articles.delete', { ids: [b.value.id, b.value.id] })
  await call('articles.list', {})
  await call('articles.restore', { ids: [b.value.id, b.value.id] })
  await call('articles.create', { title: 'C', text: 'x', tags: ['constructor'] })
  await call('tags.rename', { from: 'constructor', to: 'hasOwnProperty' })
  await call('tags.list', {})
  await call('figures.list', { metric: 'constructor' })
  await call('articles.update', { id: a.value.id, publishedAt: '2024-99-99' })
  await call('toString', {})
  await call(
    'annotations.create',
    JSON.parse(
      `{"articleId":"${a.value.id}","target":${JSON.stringify(sampleTarget(TEXT, '500'))},"__proto__":{"x":1}}`,
    ),
  )
  await call('annotations.create', {
    articleId: a.value.id,
    target: { ...sampleTarget(TEXT, '500'), __proto__: { polluted: 1 } },
  })
  const rd = join(dir, 'r')
  await mkdir(rd)
  const s = await startServer({ handlers: h, rendererDir: rd })
  for (const p of ['/api/%E0%A4%A', '/%E0%A4%A', '/api/articles.list']) {
    const r = await fetch(`http://127.0.0.1:${s.port}${p}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.token}` },
      body: '{}',
    })
    console.log(p, r.status, (await r.text()).slice(0, 200))
  }
  for (const p of ['/%E0%A4%A']) {
    const r = await fetch(`http://127.0.0.1:${s.port}${p}`)
    console.log('GET', p, r.status, (await r.text()).slice(0, 200))
  }
  await s.close()
})
