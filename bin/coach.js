#!/usr/bin/env node
// Tiny on purpose: everything lives in the compiled CLI (built by `npm install` via `prepare`).
// --debug: stack traces through the bundle's source maps point at src/ (must be on before it loads).
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
import('../dist/bundle/run.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/bundle/run.js')) {
    process.stderr.write('coach: the program is not built yet (run `npm install` or `npm run build` in the creator-coach folder)\n');
    process.exit(1);
  }
  throw err;
});
