// CLI (Node): what each `glossa` subcommand does; its flags are parsed with the usage table (usage.ts), and
// the code a command needs is loaded when it runs, so `glossa list` does not load import, export or serve.
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { resolveArchiveDir } from '../main/archive-dir'
import {
  defaultArchiveDir,
  defaultTrustKeyFile,
  exportWorkerFile,
  parseWorkerFile,
  rendererDir,
  samplesDir,
  searchWorkerFile,
  syncWorkerFile,
} from './paths'
import type { ExportFlags } from './export-command'
import type { CommandName } from './usage'
import { parseOptions } from './usage'

type Run = (args: string[]) => Promise<number>

function parse(name: CommandName, args: string[]) {
  return parseArgs({ args, options: parseOptions(name), allowPositionals: true, strict: true })
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

async function open(flag: unknown, lockAs?: string) {
  const { openArchive } = await import('../main/open-archive')
  return openArchive(
    resolveArchiveDir(text(flag), defaultArchiveDir()),
    samplesDir,
    lockAs,
    defaultTrustKeyFile(),
  )
}

const RECOUNT_ELSEWHERE =
  'Waiting: the Glossa that has this archive open is checking annotation counts after an unexpected shutdown; the export starts when it is done.'

export const commands: Record<CommandName, Run> = {
  sync: async (args) => {
    const { values } = parse('sync', args)
    const [{ runSyncCommand }, { nodeProcess }] = await Promise.all([
      import('./sync-command'),
      import('../main/jobs/job-process'),
    ])
    const { openArchive } = await import('../main/open-archive')
    // No sample articles: a fresh archive joining a team starts empty and takes the team's articles.
    const dir = resolveArchiveDir(text(values.archive), defaultArchiveDir())
    return runSyncCommand(
      await openArchive(dir, undefined, 'glossa sync', defaultTrustKeyFile()),
      { remote: text(values.remote), user: text(values.user), json: values.json === true },
      () => nodeProcess(syncWorkerFile),
    )
  },
  serve: async (args) => {
    const { values } = parse('serve', args)
    const [{ startServe }, { stablePort }] = await Promise.all([
      import('./serve-command'),
      import('./serve-port'),
    ])
    const dir = resolveArchiveDir(text(values.archive), defaultArchiveDir())
    const running = await startServe({
      dir,
      // The same port for the same archive at every start: the page's drafts live under its origin.
      port: values.port ? Number(values.port) : await stablePort(dir),
      ...(values['connector-port'] !== undefined ? { connectorPort: Number(values['connector-port']) } : {}),
      samplesDir,
      rendererDir,
      trustKeyFile: defaultTrustKeyFile(),
      workers: {
        search: searchWorkerFile,
        export: exportWorkerFile,
        parse: parseWorkerFile,
        sync: syncWorkerFile,
      },
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
  import: async (args) => {
    const { values, positionals } = parse('import', args)
    if (!positionals.length) throw new Error('import needs at least one file or folder.')
    const [{ runImport, readPassword }, { processParser }, { nodeProcess }] = await Promise.all([
      import('./import-command'),
      import('../main/jobs/parse-service'),
      import('../main/jobs/job-process'),
    ])
    // Read before the archive is opened, so a missing password fails without touching it.
    const password = values['password-stdin'] === true ? await readPassword(process.stdin) : undefined
    const archive = await open(values.archive, 'glossa import')
    const parser = processParser((execArgv) => nodeProcess(parseWorkerFile, execArgv))
    try {
      const results = await runImport(archive, positionals, {
        json: values.json === true,
        source: text(values.source),
        tags: values.tag as string[] | undefined,
        log: (line) => console.log(line),
        parser,
        ...(password ? { password } : {}),
      })
      return results.some((r) => r.status === 'failed') ? 1 : 0
    } finally {
      parser.close()
      await archive.flush()
    }
  },
  export: async (args) => {
    const { values } = parse('export', args)
    const [{ runExportCommand, untilCountsChecked }, { recountFallsHere, untilRecountedElsewhere }] =
      await Promise.all([import('./export-command'), import('../main/archive/recount-elsewhere')])
    // Said on stderr: without --out the export itself is what goes to stdout.
    const tell = (line: string) => console.error(line)
    // Before the catalog is read: the counts on disk are behind until the app holding the archive has recounted.
    const dir = resolveArchiveDir(text(values.archive), defaultArchiveDir())
    await untilRecountedElsewhere(dir, () => tell(RECOUNT_ELSEWHERE))
    // the flags are the export spec's own options (usage.ts), parsed strictly
    const archive = await open(values.archive, (await recountFallsHere(dir)) ? 'glossa export' : undefined)
    try {
      await untilCountsChecked(archive, tell)
      return await runExportCommand(archive, values as ExportFlags, (line) => console.log(line))
    } finally {
      // Opening may have started writing the catalog's trust snapshot: done before the command says it is.
      await archive.flush()
    }
  },
  figures: async (args) => {
    const { values, positionals } = parse('figures', args)
    if (!positionals[0]) throw new Error('figures needs a file to read.')
    const { detectLanguage, figuresWithPrefill, isLanguageCode, LANGUAGES } =
      await import('../shared/figures')
    const lang = text(values.lang)
    if (lang !== undefined && !isLanguageCode(lang))
      throw new Error(`--lang must be one of ${LANGUAGES.join(', ')} (got "${lang}").`)
    // Offsets are into the file's text exactly as read: UTF-8, nothing trimmed or normalised.
    const body = await readFile(positionals[0], 'utf8')
    // The period is read against the article's date: a first line `date YYYY-MM-DD …` gives it.
    const articleDate = /^date (\d{4}-\d{2}-\d{2})\b/.exec(body)?.[1]
    const found = figuresWithPrefill({ text: body, lang: lang ?? detectLanguage(body) ?? 'en', articleDate })
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
  list: async (args) => {
    const { values } = parse('list', args)
    const archive = await open(values.archive)
    const list = archive.list()
    if (values.json) console.log(JSON.stringify(list, null, 2))
    else for (const a of list) console.log(`${a.id}  ${a.publishedAt ?? '          '}  ${a.title}`)
    return 0
  },
  show: async (args) => {
    const { values, positionals } = parse('show', args)
    if (!positionals[0]) throw new Error('show needs an article id (see `glossa list`).')
    const archive = await open(values.archive)
    const article = await archive.getArticle(positionals[0])
    if (values.json) console.log(JSON.stringify(article, null, 2))
    else if (values.text) console.log(article.text)
    else
      console.log(`${article.title}\n${article.source ?? ''} ${article.publishedAt ?? ''}\n\n${article.text}`)
    return 0
  },
}
