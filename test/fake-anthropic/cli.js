#!/usr/bin/env node
// Standalone fake Anthropic API for benchmarks and pty tests in other processes.
//
//   node test/fake-anthropic/cli.js [--port N] [--scenario JSON] [--enqueue JSON] [--log]
//
// --scenario JSON   default scenario (used when the queue is empty), e.g.
//                   '{"kind":"reply","text":"hi","tokenDelayMs":5}'
// --enqueue JSON    a scenario or an array of scenarios to queue at start
// --log             one line per request on stderr
// --prompt-cache    simulate prompt caching: usage reports cache reads/writes from cache_control
//
// The first stdout line is `FAKE_ANTHROPIC_URL=http://127.0.0.1:PORT`; then it
// serves until SIGINT/SIGTERM (or stdin closes with --exit-on-stdin-close).
// Script it over HTTP: POST /__control/enqueue, POST /__control/default,
// POST /__control/reset, GET /__control/requests (see server.d.ts).

import { startFakeAnthropic } from './server.js';

function usage(msg) {
  if (msg) process.stderr.write(`fake-anthropic: ${msg}\n`);
  process.stderr.write(
    'usage: node test/fake-anthropic/cli.js [--port N] [--scenario JSON] [--enqueue JSON] [--log] [--prompt-cache] [--no-validate] [--exit-on-stdin-close]\n',
  );
  process.exit(2);
}

function parseJson(flag, value) {
  if (value === undefined) usage(`${flag} needs a value`);
  try {
    return JSON.parse(value);
  } catch (e) {
    usage(`${flag}: invalid JSON (${e.message})`);
  }
}

const args = process.argv.slice(2);
const opts = { port: 0, logRequests: false, validate: true };
let enqueue = [];
let exitOnStdinClose = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
  const value = () => (inline !== undefined ? inline : args[++i]);
  switch (flag) {
    case '--port': {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0 || v > 65535) usage('--port needs an integer 0..65535');
      opts.port = v;
      break;
    }
    case '--scenario':
      opts.defaultScenario = parseJson('--scenario', value());
      break;
    case '--enqueue': {
      const v = parseJson('--enqueue', value());
      enqueue = enqueue.concat(Array.isArray(v) ? v : [v]);
      break;
    }
    case '--log':
      opts.logRequests = true;
      break;
    case '--prompt-cache':
      opts.promptCache = true;
      break;
    case '--no-validate':
      opts.validate = false;
      break;
    case '--exit-on-stdin-close':
      exitOnStdinClose = true;
      break;
    case '-h':
    case '--help':
      usage();
      break;
    default:
      usage(`unknown argument ${a}`);
  }
}

let fake;
try {
  fake = await startFakeAnthropic(opts);
  if (enqueue.length) fake.enqueue(...enqueue);
} catch (e) {
  process.stderr.write(`fake-anthropic: ${e && e.message ? e.message : e}\n`);
  process.exit(1);
}

process.stdout.write(`FAKE_ANTHROPIC_URL=${fake.url}\n`);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await fake.close();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
if (exitOnStdinClose) {
  process.stdin.on('end', () => stop(0));
  process.stdin.on('close', () => stop(0));
  process.stdin.resume();
}
