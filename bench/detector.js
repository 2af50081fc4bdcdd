// Detector benchmark: throughput on realistic text (the labelled corpus repeated to ~5 MB, run
// message by message as the coach does) against a baseline measured in the same run (a plain
// lower-case + split pass over the same text), and the worst-case time on 100 KB adversarial
// inputs (median of several runs each). Targets: >= 5 MB/s, <= 50 ms.
//
//   npm run build && node bench/detector.js
//
// `run()` returns the figures (and prints nothing) so a bench runner can call it.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export const TARGET_MB_PER_S = 5;
export const TARGET_WORST_MS = 50;
const ADVERSARIAL_BYTES = 100_000;
const REALISTIC_BYTES = 5_000_000;

function loadPlan() {
  const t = JSON.parse(readFileSync(here('../templates/premium-community.json'), 'utf8'));
  return {
    tasks: t.phases.flatMap((p) => p.tasks.map((k) => ({ id: k.id, title: k.title, phaseId: p.id, keywords: k.keywords ?? [] }))),
    decisionPoints: t.decisionPoints ?? [],
  };
}

function loadMessages() {
  return JSON.parse(readFileSync(here('../test/fixtures/detector-corpus.json'), 'utf8')).map((m) => m.text);
}

const repeatTo = (unit, bytes) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

/** 100 KB inputs built to hurt regex-based or quadratic detectors. */
export function adversarialInputs() {
  const N = ADVERSARIAL_BYTES;
  return {
    'digit run': repeatTo('9', N),
    'repeated $': repeatTo('$', N),
    '$1$1…': repeatTo('$1', N),
    'SkoSkoSko… prefix': repeatTo('Sko', N),
    'Sko Sko … words': repeatTo('Sko ', N),
    'Skool Skool …': repeatTo('Skool ', N),
    'because because …': repeatTo('because ', N),
    'one giant sentence': repeatTo("i'll charge twenty nine dollars a month on skool and launch in six weeks with weekly live calls ", N),
    "I'll charge $29/month …": repeatTo("I'll charge $29/month ", N),
    'dots': repeatTo('.', N),
    'commas': repeatTo(',', N),
    'question marks': repeatTo('?', N),
    'e.g. e.g. …': repeatTo('e.g. ', N),
    'emoji': repeatTo('🙄', N),
    'dates': repeatTo('launch on March 3 in 6 weeks next Monday 2027-03-03 ', N),
    'completions': repeatTo("I've finished the sales page and the waitlist and the welcome video and ", N),
    'negations': repeatTo('not Discord, not Slack — Skool. Done with task 7 and t8 and #9. ', N),
    'numbers and tiers': repeatTo('1 2 3 4 5 6 7 8 9 10 tiers weeks ', N),
    'hyphens/apostrophes': repeatTo("a-b'c ", N),
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall-clock ms. */
function time(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Wall-clock and CPU ms (user + system of this process: robust when the machine is busy). */
function timeBoth(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** Run the benchmark; `options.runs` per adversarial input (median reported). */
export async function run(options = {}) {
  const runs = options.runs ?? 7;
  const { detect } = await import(pathToFileURL(here('../dist/detector/index.js')).href);
  const plan = loadPlan();
  const corpus = loadMessages();

  // realistic: the corpus repeated to ~5 MB, one detect() per message
  const messages = [];
  let bytes = 0;
  while (bytes < REALISTIC_BYTES) {
    for (const m of corpus) {
      messages.push(m);
      bytes += Buffer.byteLength(m, 'utf8');
    }
  }
  const whole = messages.join('\n');
  for (let i = 0; i < 300; i++) detect(messages[i % corpus.length], plan); // warm up
  let sink = 0;
  const baselineRuns = [0, 1, 2].map(() =>
    timeBoth(() => {
      for (const m of messages) sink += m.toLowerCase().split(/[.!?]/).length;
    }),
  );
  const detectorRuns = [0, 1, 2].map(() =>
    timeBoth(() => {
      for (const m of messages) sink += detect(m, plan).decisions.length;
    }),
  );
  const wholeRuns = [0, 1, 2].map(() => timeBoth(() => (sink += detect(whole, plan).decisions.length)));
  const mb = bytes / 1e6;
  const rate = (runs, key) => mb / (median(runs.map((r) => r[key])) / 1000);
  const throughput = rate(detectorRuns, 'wall');
  const baseline = rate(baselineRuns, 'wall');

  // adversarial: 100 KB each, median of `runs`
  const adversarial = [];
  for (const [name, text] of Object.entries(adversarialInputs())) {
    detect(text, plan);
    const times = [];
    for (let i = 0; i < runs; i++) times.push(timeBoth(() => (sink += detect(text, plan).decisions.length)));
    const walls = times.map((t) => t.wall);
    adversarial.push({
      name,
      bytes: Buffer.byteLength(text, 'utf8'),
      medianMs: median(walls),
      maxMs: Math.max(...walls),
      medianCpuMs: median(times.map((t) => t.cpu)),
    });
  }
  const worst = adversarial.reduce((w, a) => (a.medianMs > w.medianMs ? a : w), adversarial[0]);
  const worstCpu = adversarial.reduce((w, a) => (a.medianCpuMs > w.medianCpuMs ? a : w), adversarial[0]);
  return {
    realistic: {
      bytes,
      messages: messages.length,
      detectorMBps: throughput,
      baselineMBps: baseline,
      slowdownVsBaseline: baseline / throughput,
      detectorCpuMBps: rate(detectorRuns, 'cpu'),
      baselineCpuMBps: rate(baselineRuns, 'cpu'),
      /** The same text as one detect() call (no per-message overhead). */
      wholeTextMBps: rate(wholeRuns, 'wall'),
      wholeTextCpuMBps: rate(wholeRuns, 'cpu'),
    },
    adversarial,
    worstMs: worst.medianMs,
    worstInput: worst.name,
    worstCpuMs: worstCpu.medianCpuMs,
    worstCpuInput: worstCpu.name,
    loadAverage: (await import('node:os')).loadavg()[0],
    targets: { mbps: TARGET_MB_PER_S, worstMs: TARGET_WORST_MS },
    pass: throughput >= TARGET_MB_PER_S && worst.medianMs <= TARGET_WORST_MS,
    sink,
  };
}

function print(r) {
  const f = (x, d = 1) => x.toFixed(d);
  const lines = [
    'action detector benchmark',
    `realistic text: ${f(r.realistic.bytes / 1e6, 2)} MB in ${r.realistic.messages} messages`,
    `                      wall MB/s   cpu MB/s`,
    `  detector, per message ${f(r.realistic.detectorMBps).padStart(8)} ${f(r.realistic.detectorCpuMBps).padStart(10)}   (target >= ${r.targets.mbps})`,
    `  detector, one text    ${f(r.realistic.wholeTextMBps).padStart(8)} ${f(r.realistic.wholeTextCpuMBps).padStart(10)}`,
    `  baseline              ${f(r.realistic.baselineMBps).padStart(8)} ${f(r.realistic.baselineCpuMBps).padStart(10)}   (toLowerCase + split, same text; detector is ${f(r.realistic.slowdownVsBaseline)}x slower)`,
    `adversarial inputs, 100 KB each, median of runs (target <= ${r.targets.worstMs} ms):`,
    `  ${'input'.padEnd(26)} ${'wall ms'.padStart(8)} ${'cpu ms'.padStart(8)} ${'max wall'.padStart(9)}`,
    ...r.adversarial.map((a) => `  ${a.name.padEnd(26)} ${f(a.medianMs).padStart(8)} ${f(a.medianCpuMs).padStart(8)} ${f(a.maxMs).padStart(9)}`),
    `worst: ${f(r.worstMs)} ms wall on "${r.worstInput}", ${f(r.worstCpuMs)} ms cpu on "${r.worstCpuInput}"`,
    `load average during the run: ${f(r.loadAverage, 2)} (wall-clock figures are only meaningful on an idle machine)`,
    r.pass ? 'PASS' : 'FAIL',
  ];
  console.log(lines.join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (r) => {
      print(r);
      process.exitCode = r.pass ? 0 : 1;
    },
    (err) => {
      console.error(`bench/detector.js: ${err instanceof Error ? err.message : String(err)}`);
      if (String(err).includes('dist/detector')) console.error('build first: npm run build');
      process.exitCode = 1;
    },
  );
}
