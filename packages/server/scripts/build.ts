/**
 * Builds the server into one JavaScript file, packages/server/dist/guatu.js, so that `guatu serve`
 * starts without compiling TypeScript. The workspace packages (@guatu/*) are bundled; every npm
 * package stays external and is loaded from node_modules as usual.
 *
 * A module that finds its files next to itself (`new URL('../../migrations', import.meta.url)`)
 * still finds them: in the bundle, each such `import.meta.url` is its source file's URL, derived
 * from the built file's own location, so migrations, seed data and the web app's dist resolve as
 * they do from the sources.
 *
 * A few CommonJS packages that serve loads but only some requests use (workbooks, OC4IDS
 * validation) are required on first use instead of at start: importing exceljs alone takes
 * about as long as the rest of the dependencies together.
 *
 *   npm run build:server
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const SERVER = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ENTRY = join(SERVER, 'src/cli/main.ts');
export const OUTFILE = join(SERVER, 'dist/guatu.js');

/** npm packages stay in node_modules; only the workspace's own packages go into the bundle. */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@guatu/') ? undefined : { path: args.path, external: true }));
  },
};

/** Required when first used rather than at start; each is imported only as its default export. */
export const DEFERRED_PACKAGES = ['exceljs', 'ajv-draft-04', 'ajv-formats'];

/**
 * Stands in for a deferred package's default export (its module.exports): reading a property,
 * calling or constructing it requires the package then. A named import of one fails the build.
 */
const deferredPackages: Plugin = {
  name: 'deferred-packages',
  setup(b) {
    const names = new RegExp(`^(${DEFERRED_PACKAGES.join('|')})$`);
    b.onResolve({ filter: names }, (args) => ({ path: args.path, namespace: 'deferred' }));
    b.onLoad({ filter: /.*/, namespace: 'deferred' }, (args) => ({
      contents: [
        `import { createRequire } from 'node:module';`,
        `let loaded;`,
        `const load = () => (loaded ??= createRequire(import.meta.url)(${JSON.stringify(args.path)}));`,
        `export default new Proxy(function deferred() {}, {`,
        `  get: (_, key) => Reflect.get(load(), key),`,
        `  has: (_, key) => Reflect.has(load(), key),`,
        `  apply: (_, self, args) => Reflect.apply(load(), self, args),`,
        `  construct: (_, args) => Reflect.construct(load(), args),`,
        `});`,
      ].join('\n'),
      loader: 'js',
      resolveDir: SERVER,
    }));
  },
};

/** Each module's `import.meta.url` stays its source file's URL (see above). */
const sourceUrls = (outfile: string): Plugin => ({
  name: 'source-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromBundle = relative(dirname(outfile), args.path).split('\\').join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'ts' };
    });
  },
});

export async function buildServer(entry = ENTRY, outfile = OUTFILE): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [deferredPackages, externalPackages, sourceUrls(outfile)],
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const file = await buildServer();
  console.log(`built ${relative(process.cwd(), file)} in ${Math.round(performance.now() - started)} ms`);
}
