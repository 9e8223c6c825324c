// Main process: importing files, pasted text and web pages (import.*).
import type { HandlerMap, ServiceContext } from './context'

export function importHandlers({ importer }: ServiceContext): HandlerMap<'import'> {
  return {
    'import.files': async ({ files, ...meta }) => {
      const results = []
      for (const file of files) {
        results.push(
          await importer.importBytes({
            name: file.name,
            bytes: Buffer.from(file.dataBase64, 'base64'),
            ...(file.password ? { password: file.password } : {}),
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
