// Tests (Node): turns a TypeScript child-process entry into one ES module that plain `node` can run.
//
// Why this way: Node 20 cannot run .ts files (no type stripping, and src uses extensionless imports), tsx and
// vite-node are not installed, and vitest's module runner only exists inside its own workers. Vite's build API
// is what already builds the CLI (vite.cli.config.ts), so the child runs the same compiled src code the app
// ships. npm packages stay external, as in the CLI build, and resolve through a `node_modules` symlink placed
// beside the bundle, so the child loads exactly the installed packages (zod and the rest) the app ships.
import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'

const repo = resolve(import.meta.dirname, '../..')

export type BundledChild = { file: string; dispose: () => Promise<void> }

export async function bundleChild(entry: string): Promise<BundledChild> {
  const dir = await mkdtemp(join(tmpdir(), 'glossa-child-'))
  await symlink(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir')
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])
  await build({
    configFile: false,
    root: repo,
    logLevel: 'warn',
    build: {
      ssr: entry,
      outDir: join(dir, 'out'),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: {
        // Relative and absolute paths are src modules and `\0` ids are bundler helpers: both are bundled.
        // Any other id is a Node built-in or an npm package.
        external: (id) => builtins.has(id) || !/^(\.|\/|\0|[A-Za-z]:[\\/])/.test(id),
        output: { format: 'es', entryFileNames: 'child.mjs' },
      },
    },
  })
  return {
    file: join(dir, 'out', 'child.mjs'),
    dispose: () => rm(dir, { recursive: true, force: true }),
  }
}
