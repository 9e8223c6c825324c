// CLI (Node): each `glossa` subcommand, with its flags parsed by node:util.
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { detectLanguage, figuresWithPrefill, isLanguageCode, LANGUAGES } from '../shared/figures'
import type { ParseArgsConfig } from 'node:util'
import { openArchive, resolveArchiveDir } from '../main/open-archive'
import { runExportCommand } from './export-command'
import { runImport } from './import-command'
import { startServe } from './serve-command'
import {
  defaultArchiveDir,
  exportWorkerFile,
  parseWorkerFile,
  rendererDir,
  samplesDir,
  searchWorkerFile,
} from './paths'

export type Command = { summary: string; run: (args: string[]) => Promise<number> }

const archiveOption = { archive: { type: 'string' }, json: { type: 'boolean', default: false } } as const

function parse<O extends ParseArgsConfig['options']>(args: string[], options: O) {
  return parseArgs({ args, options, allowPositionals: true, strict: true })
}

async function open(flag: string | undefined, lockAs?: string) {
  return openArchive(resolveArchiveDir(flag, defaultArchiveDir()), samplesDir, lockAs)
}

export const commands: Record<string, Command> = {
  serve: {
    summary: 'serve the app to a browser on 127.0.0.1   [--archive DIR] [--port N]',
    run: async (args) => {
      const { values } = parse(args, { ...archiveOption, port: { type: 'string' } })
      const running = await startServe({
        dir: resolveArchiveDir(values.archive, defaultArchiveDir()),
        port: values.port ? Number(values.port) : 0,
        samplesDir,
        rendererDir,
        workers: { search: searchWorkerFile, export: exportWorkerFile, parse: parseWorkerFile },
        log: (line) => console.log(line),
        warn: (line) => console.error(line),
      })
      await new Promise<void>((resolve) => {
        const stop = () =>
          void running
            .stop()
            .catch((err: unknown) => console.error(`glossa: ${String(err)}`))
            .finally(resolve)
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      return 0
    },
  },
  import: {
    summary:
      'import files and folders (html, md, txt)  PATH... [--archive DIR] [--json] [--source S] [--tag T]',
    run: async (args) => {
      const { values, positionals } = parse(args, {
        ...archiveOption,
        source: { type: 'string' },
        tag: { type: 'string', multiple: true },
      })
      if (!positionals.length) throw new Error('import needs at least one file or folder.')
      const archive = await open(values.archive, 'glossa import')
      const results = await runImport(archive, positionals, {
        json: values.json,
        source: values.source,
        tags: values.tag,
        log: (line) => console.log(line),
      })
      return results.some((r) => r.status === 'failed') ? 1 : 0
    },
  },
  export: {
    summary:
      'export notes or data   --format md|csv|highlights-csv|json|jsonld|csl [--tag T] [--article ID] [--metric M] [--out PATH]',
    run: async (args) => {
      const { values } = parse(args, {
        archive: { type: 'string' },
        format: { type: 'string' },
        tag: { type: 'string' },
        article: { type: 'string', multiple: true },
        collection: { type: 'string' },
        metric: { type: 'string' },
        layout: { type: 'string' },
        'group-by': { type: 'string' },
        bom: { type: 'boolean' },
        out: { type: 'string' },
      })
      return runExportCommand(await open(values.archive), values, (line) => console.log(line))
    },
  },
  figures: {
    summary: 'print the figures detected in a text file    FILE [--json] [--lang en|fr|es|de|uk|ru]',
    run: async (args) => {
      const { values, positionals } = parse(args, {
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
      })
      if (!positionals[0]) throw new Error('figures needs a file to read.')
      if (values.lang !== undefined && !isLanguageCode(values.lang))
        throw new Error(`--lang must be one of ${LANGUAGES.join(', ')} (got "${values.lang}").`)
      // Offsets are into the file's text exactly as read: UTF-8, nothing trimmed or normalised.
      const text = await readFile(positionals[0], 'utf8')
      // The period is read against the article's date: a first line `date YYYY-MM-DD …` gives it.
      const articleDate = /^date (\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1]
      const lang = values.lang ?? detectLanguage(text) ?? 'en'
      const found = figuresWithPrefill({ text, lang, articleDate })
      if (values.json) console.log(JSON.stringify(found, null, 2))
      else {
        for (const f of found) {
          const value = f.max !== undefined ? `${f.value}–${f.max}` : `${f.value}`
          const extra = [
            f.unit && `unit: ${f.unit}`,
            f.qualifier && `qualifier: ${f.qualifier}`,
            f.vague && 'vague',
            f.period && `period: ${f.period.start}..${f.period.end}`,
            f.attributedTo && `said by: ${f.attributedTo}`,
          ].filter(Boolean)
          console.log(
            `${String(f.start).padStart(6)}–${String(f.end).padEnd(6)} ${f.text.padEnd(28)} = ${value}  ${extra.join(' · ')}`,
          )
        }
        console.log(`${found.length} figures`)
      }
      return 0
    },
  },
  list: {
    summary: 'list the articles in the archive         [--archive DIR] [--json]',
    run: async (args) => {
      const { values } = parse(args, archiveOption)
      const archive = await open(values.archive)
      const list = archive.list()
      if (values.json) console.log(JSON.stringify(list, null, 2))
      else for (const a of list) console.log(`${a.id}  ${a.publishedAt ?? '          '}  ${a.title}`)
      return 0
    },
  },
  show: {
    summary: 'print one article                        ID [--archive DIR] [--text] [--json]',
    run: async (args) => {
      const { values, positionals } = parse(args, {
        ...archiveOption,
        text: { type: 'boolean', default: false },
      })
      if (!positionals[0]) throw new Error('show needs an article id (see `glossa list`).')
      const archive = await open(values.archive)
      const article = await archive.getArticle(positionals[0])
      if (values.json) console.log(JSON.stringify(article, null, 2))
      else if (values.text) console.log(article.text)
      else
        console.log(
          `${article.title}\n${article.source ?? ''} ${article.publishedAt ?? ''}\n\n${article.text}`,
        )
      return 0
    },
  },
}
