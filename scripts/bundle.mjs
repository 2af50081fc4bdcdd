// Bundles the CLI into dist/bundle/ so a command starts fast: node 20 has no compile cache, and
// resolving and reading hundreds of small ESM files (zod, drizzle) costs more than the code itself.
// Measured (farm-bench, `coach --version` vs `node -e 0`): see README "Performance".
// Heavy modules that only some commands need (ink/react, the SDK, markdown, conf) stay external
// and load on demand; better-sqlite3 is native and stays external.
import { build } from 'esbuild';

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
  legalComments: 'none',
  // Chunks sit beside run.js: modules resolve files from import.meta.url two levels up.
  chunkNames: '[name]-[hash]',
  external: [
    'better-sqlite3', 'conf', '@anthropic-ai/sdk', 'ink', 'react', 'react/jsx-runtime', 'ink-testing-library',
    'marked', 'marked-terminal', 'cli-highlight',
  ],
  banner: { js: "import { createRequire as __coachRequire } from 'node:module'; const require = __coachRequire(import.meta.url);" },
  logLevel: 'warning',
});
