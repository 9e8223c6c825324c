// Main process: importing files, pasted text and web pages (import.*).
import type { HandlerMap, ServiceContext } from './context'

export function importHandlers({ importer }: ServiceContext): HandlerMap<'import'> {
  return {
    // Parsed ahead (two parse processes where there are two cores), stored and answered in the order sent.
    'import.files': async ({ files, ...meta }) =>
      importer.importInOrder(files, (file) =>
        importer.importBytes({
          name: file.name,
          bytes: Buffer.from(file.dataBase64, 'base64'),
          ...(file.password ? { password: file.password } : {}),
          ...meta,
        }),
      ),
    'import.text': async (args) => importer.importText(args),
    'import.url': async (args) => importer.importUrl(args),
  }
}
