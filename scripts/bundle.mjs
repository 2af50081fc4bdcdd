// Bundles the CLI into dist/bundle/ so a command starts fast: node 20 has no compile cache, and
// resolving and reading hundreds of small ESM files (zod, drizzle) costs more than the code itself.
// Measured (farm-bench, `coach --version` vs `node -e 0`): see README "Performance".
// Code only some commands need (the UI, the SDK, conf) loads on demand: the UI as a lazy chunk,
// the SDK and conf from node_modules; better-sqlite3 is native and stays external.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Old chunks have hashed names: start clean so no stale file is left beside the new ones.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { run: 'src/cli/run.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  // BUNDLE_DEBUG=1 keeps the output readable for profiling (node --cpu-prof).
  minifySyntax: !process.env.BUNDLE_DEBUG,
  minifyWhitespace: !process.env.BUNDLE_DEBUG,
  minifyIdentifiers: !process.env.BUNDLE_DEBUG,
  // Class and function names survive minifying: `--debug` prints `UsageError: …`, not `h: …`
  // (and `err.name`, set from `new.target.name`, stays right). Measured: +97 KB of bundle, `--version`
  // CPU 116 vs 111 ms median (20 runs each, alternating), `tasks list --json` 128 vs 126 ms.
  keepNames: true,
  legalComments: 'none',
  // Chunks sit beside run.js: modules resolve files from import.meta.url two levels up.
  chunkNames: '[name]-[hash]',
  // The UI (ink, react, marked) is bundled into its own lazy chunk: loading it as hundreds of
  // files took ~0.6 s before the first paint.
  external: ['better-sqlite3', 'conf', '@anthropic-ai/sdk', 'ink-testing-library'],
  alias: {
    'cli-highlight': './scripts/shims/cli-highlight.mjs',
    'node-emoji': './scripts/shims/node-emoji.mjs',
    'react-devtools-core': './scripts/shims/empty.mjs',
  },
  // React's production build: no dev-only checks in the terminal UI.
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: "import { createRequire as __coachRequire } from 'node:module'; const require = __coachRequire(import.meta.url);" },
  // Source maps beside the bundle, used only under --debug (bin/coach.js turns them on before
  // loading it), so a stack trace names src/ files; without --debug they are never read.
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
});
