// Main process: importing files, pasted text and web pages, and the app's own facts.
import type { HandlerMap, ServiceContext } from './context'

type Methods = 'app.info' | 'import.files' | 'import.text' | 'import.url'

export function importHandlers({ archive, importer, version }: ServiceContext): HandlerMap<Methods> {
  return {
    'app.info': async () => ({
      version,
      archive: archive.dir,
      articles: archive.catalog.size(),
      problems: [...archive.problems],
    }),
    'import.files': async ({ files, ...meta }) => {
      const results = []
      for (const file of files) {
        results.push(
          await importer.importBytes({
            name: file.name,
            bytes: Buffer.from(file.dataBase64, 'base64'),
            ...meta,
          }),
        )
      }
      return results
    },
    'import.text': async (args) => importer.importText(args),
    'import.url': async (args) => importer.importUrl(args),
  }
}
