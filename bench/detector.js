// Detector benchmark: latency per message in the app's real path — `detectFor()` from
// src/app/detection.ts, which builds a fresh detector plan from the project's plan for every
// message (so nothing cached on a plan object can help) — on 2 KB messages made of the labelled
// corpus, and on 100 KB adversarial inputs (each must stay linear). Targets: median <= 1 ms for
// a 2 KB message, <= 50 ms for any 100 KB input. CPU time (user + system of this process) is
// reported beside wall-clock time: on a busy machine the wall clock includes waiting for a core.
//
//   npm run build && node bench/detector.js
//
// `run()` returns the figures (and prints nothing) so bench/run.js can call it.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export const TARGET_MEDIAN_MS = 1;
export const TARGET_WORST_MS = 50;
const MESSAGE_BYTES = 2_000;
const ADVERSARIAL_BYTES = 100_000;

const repeatTo = (unit, n) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

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
    'stated numbers': repeatTo('we hit 180 on the waitlist and 12 paying members joined, MRR is $1,450 ', N),
    '12 members 12 members …': repeatTo('12 members ', N),
    'hyphens/apostrophes': repeatTo("a-b'c ", N),
    'lorem ipsum': repeatTo('lorem ipsum dolor sit amet ', N),
    'distinct sentences': Array.from({ length: 4000 }, (_, i) => `I finished task ${i} and charge $${i}/month on Skool. `).join('').slice(0, N),
  };
}

/** 2 KB messages: consecutive corpus messages joined until the message is 2 KB. */
function messages() {
  const texts = JSON.parse(readFileSync(here('../test/fixtures/detector-corpus.json'), 'utf8')).map((m) => m.text);
  const out = [];
  for (let i = 0; i < texts.length; i += 1) {
    let m = '';
    for (let k = i; m.length < MESSAGE_BYTES; k = (k + 1) % texts.length) m += `${texts[k]} `;
    out.push(m.slice(0, MESSAGE_BYTES));
  }
  return out;
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

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
  const runs = options.runs ?? 5;
  const { detectFor } = await import(pathToFileURL(here('../dist/app/detection.js')).href);
  const template = JSON.parse(readFileSync(here('../templates/premium-community.json'), 'utf8'));
  // what the exchange hands detectFor(): the project's plan (as stored) and the done set
  const plan = { phases: template.phases.map((p) => ({ ...p, tasks: p.tasks.map((t) => ({ ...t, phaseId: p.id, keywords: t.keywords ?? [] })) })), decisionPoints: template.decisionPoints };
  const done = new Set();
  const msgs = messages();
  for (const m of msgs.slice(0, 50)) detectFor(m, plan, done); // warm up
  const wall = [];
  const cpu = [];
  for (const m of msgs) {
    const t = timeBoth(() => detectFor(m, plan, done));
    wall.push(t.wall);
    cpu.push(t.cpu);
  }
  const adversarial = [];
  for (const [name, text] of Object.entries(adversarialInputs())) {
    const w = [];
    const c = [];
    for (let i = 0; i < runs; i++) {
      const t = timeBoth(() => detectFor(text, plan, done));
      w.push(t.wall);
      c.push(t.cpu);
    }
    adversarial.push({ name, bytes: text.length, medianMs: quantile(w, 0.5), medianCpuMs: quantile(c, 0.5) });
  }
  const worst = adversarial.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  return {
    messages: { count: msgs.length, bytes: MESSAGE_BYTES, medianMs: quantile(wall, 0.5), p95Ms: quantile(wall, 0.95), medianCpuMs: quantile(cpu, 0.5) },
    adversarial,
    worstMs: worst.medianMs,
    worstInput: worst.name,
    targets: { medianMs: TARGET_MEDIAN_MS, worstMs: TARGET_WORST_MS },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await run();
  const f = (x) => x.toFixed(3);
  console.log(`${r.messages.count} messages of ${r.messages.bytes} bytes, one detectFor() each: median ${f(r.messages.medianMs)} ms (cpu ${f(r.messages.medianCpuMs)}), p95 ${f(r.messages.p95Ms)} ms — target median <= ${r.targets.medianMs} ms`);
  for (const a of [...r.adversarial].sort((x, y) => y.medianMs - x.medianMs)) console.log(`${a.name.padEnd(26)} ${f(a.medianMs).padStart(9)} ms (cpu ${f(a.medianCpuMs)})`);
  console.log(`worst 100 KB input: ${f(r.worstMs)} ms (${r.worstInput}) — target <= ${r.targets.worstMs} ms`);
}
