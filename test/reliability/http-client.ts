// Tests (Node): raw HTTP calls to the browser-mode server. node:http rather than fetch, because fetch will not
// let a test forge Host and Origin headers or send a path the URL parser would normalise.
import { Agent, request } from 'node:http'

export type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string }
export type RawRequest = {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
}

/** Keeps connections open between calls, as a browser does; `destroy()` it when done. */
export const keepAlive = () => new Agent({ keepAlive: true, maxSockets: 8 })

export function call(port: number, req: RawRequest, agent?: Agent, host = '127.0.0.1'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host,
        port,
        path: req.path,
        method: req.method ?? 'POST',
        // An explicit length: for GET, HEAD and OPTIONS node would otherwise send the body unframed.
        headers: {
          ...(req.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(req.body)) }),
          ...req.headers,
        },
        agent,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    outgoing.on('error', reject)
    outgoing.end(req.body)
  })
}
