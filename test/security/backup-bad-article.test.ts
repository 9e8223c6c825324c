// Tests (Node): a backup with one article the archive's gate refuses (two annotations under one id — a crafted
// or damaged backup; Glossa never writes one) among good ones. The restore stopped at it: the articles before it
// restored, the message "failed", and every article after it never restorable from that backup. A real archive
// on disk and the real service.
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../service-harness'
import { sampleTarget } from '../temp-archive'

const stamp = '2024-01-01T00:00:00.000Z'
const article = (id: string, text: string) => ({
  id,
  title: `Article ${id}`,
  addedAt: stamp,
  tags: [],
  textHash: '',
  length: text.length,
  counts: { highlights: 0, figures: 0, notes: 0 },
  annotationTags: {},
  text,
})
const note = (id: string, articleId: string, text: string) => ({
  id,
  articleId,
  kind: 'highlight',
  color: 'yellow',
  note: 'a note',
  tags: [],
  target: sampleTarget(text, 'council'),
  createdAt: stamp,
  updatedAt: stamp,
})

describe('a backup with one article the gate refuses', () => {
  it('restores the others, and names the refused one and why', async () => {
    const texts = ['First: the council met.', 'Second: the council voted.', 'Third: the council rose.']
    const backup = {
      format: 'glossa-backup',
      version: 1,
      generatedAt: stamp,
      articles: [
        article('aaaa0001', texts[0]!),
        article('aaaa0002', texts[1]!),
        article('aaaa0003', texts[2]!),
      ],
      annotations: [note('note0001', 'aaaa0002', texts[1]!), note('note0001', 'aaaa0002', texts[1]!)],
      tagColors: {},
      collections: [],
    }
    const h = await serviceHarness()
    const [result] = await h.call('import.files', {
      files: [{ name: 'b.json', dataBase64: Buffer.from(JSON.stringify(backup)).toString('base64') }],
    })
    expect(result?.status).toBe('imported')
    expect(result?.message).toContain('Restored 2 articles')
    expect(result?.message).toContain('aaaa0002')
    expect(
      h.archive
        .list()
        .map((m) => m.id)
        .sort(),
    ).toEqual(['aaaa0001', 'aaaa0003'])
  })
})
