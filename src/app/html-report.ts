// `coach export --format html`: one self-contained page (inline CSS and SVG, no script, nothing
// fetched) with the plan and its dates, progress per phase, decisions, the numbers over time as
// charts, and what the AI cost. Rendering is pure (the export document in, HTML out; every text is
// escaped); htmlReportOf reads the check-ins and the cost from the store.
import type { StoreContext } from './context.js';
import { latestNumbers, numbersLines, thresholdChecks, usdText, type CheckIn } from '../plan/metrics.js';
import { groupDigits } from '../plan/parse.js';
import type { ProjectRow } from '../store/schema.js';
import { projectCost, type ProjectCost } from '../store/usage.js';
import { formatCostSum } from '../usage/money.js';
import type { ExportDocument, ExportProject } from './export.js';
import { checkInsOf } from './metrics.js';
import { dayOf } from './schedule.js';

export const esc = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2330;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #dde2ea;padding-bottom:.2rem}
.muted{color:#667085}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eef0f4;vertical-align:top}
td.num,th.num{text-align:right}.done{color:#1a7f37}.overdue{color:#c0392b;font-weight:600}.superseded{color:#98a2b3;text-decoration:line-through}
.phase{display:grid;grid-template-columns:16rem 1fr 6rem;gap:.75rem;align-items:center;margin:.3rem 0}
svg.bar .track{fill:#eef0f4}svg.bar .fill{fill:#2f7de1}svg.chart .line{fill:none;stroke:#2f7de1;stroke-width:2}svg.chart circle{fill:#2f7de1}
svg.chart .axis{stroke:#c9ced8}svg.chart text{font-size:11px;fill:#667085}.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #dde2ea;border-radius:8px;padding:.6rem 1rem}
@media print{body{margin:0}}`;

function barSvg(ratio: number, label: string): string {
  const w = Math.round(Math.max(0, Math.min(1, ratio)) * 300);
  return `<svg class="bar" role="img" aria-label="${esc(label)}" width="300" height="14" viewBox="0 0 300 14"><rect class="track" x="0" y="0" width="300" height="14" rx="7"/><rect class="fill" x="0" y="0" width="${w}" height="14" rx="7"/></svg>`;
}

/** A line chart of one series over its check-in dates; each point has a <title> with its date and value. */
export function lineChart(series: string, points: { date: string; value: number }[], fmt: (n: number) => string): string {
  const W = 600;
  const H = 170;
  const pad = { l: 64, r: 16, t: 12, b: 28 };
  const max = Math.max(...points.map((p) => p.value));
  const min = Math.min(0, ...points.map((p) => p.value));
  const t0 = Date.parse(points[0]!.date);
  const span = Math.max(1, Date.parse(points[points.length - 1]!.date) - t0);
  const x = (d: string) => pad.l + (points.length === 1 ? (W - pad.l - pad.r) / 2 : ((Date.parse(d) - t0) / span) * (W - pad.l - pad.r));
  const y = (v: number) => pad.t + (max === min ? (H - pad.t - pad.b) / 2 : (1 - (v - min) / (max - min)) * (H - pad.t - pad.b));
  const xy = points.map((p) => `${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return [
    `<svg class="chart" data-series="${esc(series)}" role="img" aria-label="${esc(series)} over time" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<line class="axis" x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}"/>`,
    `<line class="axis" x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}"/>`,
    `<text x="${pad.l - 6}" y="${y(max) + 4}" text-anchor="end">${esc(fmt(max))}</text>`,
    `<text x="${pad.l - 6}" y="${y(min) + 4}" text-anchor="end">${esc(fmt(min))}</text>`,
    `<text x="${pad.l}" y="${H - 8}">${esc(points[0]!.date)}</text>`,
    points.length > 1 ? `<text x="${W - pad.r}" y="${H - 8}" text-anchor="end">${esc(points[points.length - 1]!.date)}</text>` : '',
    `<polyline class="line" points="${xy}"/>`,
    ...points.map((p) => `<circle cx="${x(p.date).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3.5" data-value="${p.value}"><title>${esc(p.date)}: ${esc(fmt(p.value))}</title></circle>`),
    '</svg>',
  ].join('');
}

function planSection(p: ExportProject, today: string): string {
  const states = new Map(p.tasks.map((t) => [t.id, t]));
  const phases = p.plan.phases.map((phase) => {
    const prog = p.phases.find((x) => x.phaseId === phase.id);
    const rows = phase.tasks.map((t) => {
      const s = states.get(t.id);
      const done = !!s?.done;
      const late = !done && !!t.dueDate && t.dueDate < today;
      const cls = done ? 'done' : late ? 'overdue' : '';
      return `<tr data-task="${esc(t.id)}" class="${cls}"><td>${done ? '✔' : late ? '!' : '☐'}</td><td>${esc(t.id)}</td><td>${esc(t.title)}${s?.note ? `<div class="muted">${esc(s.note)}</div>` : ''}</td><td class="num">${esc(t.hours)} h</td><td>${esc(t.dueDate ?? '')}${late ? ' (overdue)' : ''}</td></tr>`;
    }).join('');
    return `<h3>${esc(phase.id.toUpperCase())} ${esc(phase.title)} <span class="muted">${prog ? `${prog.done}/${prog.total}` : ''}</span></h3><table><thead><tr><th></th><th>ID</th><th>Task</th><th class="num">Hours</th><th>Due</th></tr></thead><tbody>${rows}</tbody></table>`;
  });
  return `<section id="plan"><h2>Plan and dates</h2>${phases.join('')}</section>`;
}

function progressSection(p: ExportProject): string {
  const rows = p.phases.map((ph) => `<div class="phase" data-phase="${esc(ph.phaseId)}"><span>${esc(ph.title)}</span>${barSvg(ph.total ? ph.done / ph.total : 0, `${ph.title}: ${ph.percent}%`)}<span class="num">${ph.done}/${ph.total} (${ph.percent}%)</span></div>`);
  return `<section id="progress"><h2>Progress</h2><div class="phase" data-phase="all"><strong>All tasks</strong>${barSvg(p.progress.total ? p.progress.done / p.progress.total : 0, `overall: ${p.progress.percent}%`)}<strong class="num">${p.progress.done}/${p.progress.total} (${p.progress.percent}%)</strong></div>${rows.join('')}</section>`;
}

function decisionsSection(p: ExportProject): string {
  if (!p.decisions.length) return '<section id="decisions"><h2>Decisions</h2><p class="muted">None recorded yet.</p></section>';
  const rows = p.decisions.map((d) => `<tr class="${d.status === 'superseded' ? 'superseded' : ''}"><td>${esc(d.category)}</td><td>${esc(d.value && d.value !== d.decision ? `${d.decision} (${d.value})` : d.decision)}</td><td>${esc(d.rationale ?? '')}</td><td>${esc(d.status)}</td><td>${esc(d.createdAt?.slice(0, 10) ?? '')}</td></tr>`).join('');
  return `<section id="decisions"><h2>Decisions</h2><table><thead><tr><th>Category</th><th>Decision</th><th>Why</th><th>Status</th><th>Date</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function numbersSection(checkIns: CheckIn[], p: ExportProject, goalUSD: number | null): string {
  if (!checkIns.length) return '<section id="numbers"><h2>Numbers over time</h2><p class="muted">No check-ins yet (<code>coach metrics add</code>).</p></section>';
  const latest = latestNumbers(checkIns, goalUSD);
  const series: [string, string, 'waitlist' | 'members' | 'mrrUSD', (n: number) => string][] = [
    ['waitlist', 'Waitlist', 'waitlist', groupDigits], ['members', 'Paying members', 'members', groupDigits], ['mrr', 'MRR', 'mrrUSD', usdText],
  ];
  const charts = series.flatMap(([id, title, key, fmt]) => {
    const points = checkIns.flatMap((c) => (c[key] === undefined ? [] : [{ date: c.date, value: c[key]! }]));
    return points.length ? [`<h3>${esc(title)}</h3>${lineChart(id, points, fmt)}`] : [];
  });
  const lines = numbersLines(latest, thresholdChecks(p.plan, latest)).map((l) => `<li>${esc(l)}</li>`).join('');
  const cell = (v: number | undefined, fmt: (n: number) => string) => (v === undefined ? '' : esc(fmt(v)));
  const rows = checkIns.map((c) => `<tr><td>${esc(c.date)}</td><td class="num">${cell(c.waitlist, groupDigits)}</td><td class="num">${cell(c.members, groupDigits)}</td><td class="num">${cell(c.mrrUSD, usdText)}</td><td class="num">${cell(c.churned, groupDigits)}</td></tr>`).join('');
  return `<section id="numbers"><h2>Numbers over time</h2><ul>${lines}</ul>${charts.join('')}<table><thead><tr><th>Date</th><th class="num">Waitlist</th><th class="num">Members</th><th class="num">MRR</th><th class="num">Churned</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function costSection(cost: ProjectCost): string {
  return `<section id="cost"><h2>AI cost</h2><div class="cards"><div class="card" data-figure="cost"><strong>${esc(formatCostSum(cost.costMicros, cost.unpricedRequests))}</strong><div class="muted">total</div></div><div class="card" data-figure="requests"><strong>${cost.requests}</strong><div class="muted">requests</div></div><div class="card" data-figure="tokens"><strong>${esc(groupDigits(cost.inputTokens))} / ${esc(groupDigits(cost.outputTokens))}</strong><div class="muted">tokens in / out</div></div></div></section>`;
}

export interface HtmlReportInput {
  doc: ExportDocument;
  project: ExportProject;
  checkIns: CheckIn[];
  cost: ProjectCost;
  today: string;
}

export function renderHtmlReport({ doc, project: p, checkIns, cost, today }: HtmlReportInput): string {
  const s = p.plan.schedule;
  const launchWhy = s?.launchSource === 'decision' ? 'set by your timeline decision' : s?.launchSource === 'manual' ? 'set by hand' : 'from your plan';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(p.title)} — creator-coach report</title><style>${CSS}</style></head><body>`,
    `<header><h1>${esc(p.title)}</h1><p class="muted">${esc(doc.profile.displayName)} · ${esc(p.plan.opportunity.title)} · report of ${esc(today)} · status ${esc(p.status)}</p>`,
    `<p data-figure="launch">Target launch: <strong>${esc(p.targetLaunchDate ?? '—')}</strong> <span class="muted">(${esc(launchWhy)})</span></p></header>`,
    progressSection(p), planSection(p, today), decisionsSection(p), numbersSection(checkIns, p, doc.profile.incomeGoalUSD), costSection(cost),
    '<footer class="muted"><p>Made by creator-coach. Everything on this page is in this file: it works offline and loads nothing.</p></footer>',
    '</body></html>',
    '',
  ].join('\n');
}

/** The report of one exported project: its check-ins and AI cost read from the store. */
export function htmlReportOf(ctx: StoreContext, doc: ExportDocument, row: ProjectRow): string {
  const project = doc.projects.find((p) => p.id === row.id);
  if (!project) throw new Error(`project #${row.id} is not in the export`);
  return renderHtmlReport({ doc, project, checkIns: checkInsOf(row), cost: projectCost(ctx.store().db, row.id), today: dayOf(ctx.now()) });
}
