import { it } from 'vitest'
import { join } from 'node:path'
import { mkdir } from 'node:fs/promises'
import { request } from 'node:http'
import { tempDir } from '../temp-archive'
import { Archive } from '../../src/main/archive/archive'
import { createService } from '../../src/main/service'
import { startServer } from '../../src/main/serve'
it('probe', async () => {
  const dir = await tempDir()
  await mkdir(join(dir, 'r'))
  const s = await startServer({
    handlers: createService({ archive: await Archive.open(join(dir, 'a')), version: 't' }),
    rendererDir: join(dir, 'r'),
  })
  for (const [method, path, body] of [
    ['HEAD', '/api/app.info', ''],
    ['HEAD', '/api/app.info', '{}'],
    ['PATCH', '/api/tags.rename', ''],
    ['PATCH', '/api/tags.rename', '{}'],
    ['POST', '/api/', '{}'],
    ['POST', '/api/', ''],
  ]) {
    await new Promise<void>((resolve) => {
      const r = request({ host: '127.0.0.1', port: s.port, path, method }, (res) => {
        let b = ''
        res.on('data', (c) => (b += c))
        res.on('end', () => {
          console.log(method, path, JSON.stringify(body), res.statusCode, b)
          resolve()
        })
      })
      r.on('error', (e) => {
        console.log(method, path, JSON.stringify(body), 'ERR', e.message)
        resolve()
      })
      r.end(body || undefined)
    })
  }
  await s.close()
})
