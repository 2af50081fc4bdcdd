// First run: six questions make the profile (name, niche, audience, hours, income now, income
// goal), each answer in the creator's own words and shown back as understood — live under the
// input while typing, then in the list of answers above the next question; a template pick starts
// the project and the coach's welcome streams in. Keys come from the app's one key stream
// (useKeypress); data comes from the use cases in src/app/.
import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { AppContext } from '../app/context.js';
import { currentProfile, resumePausedProject, saveOnboardingProfile, type OnboardingStart } from '../app/onboarding.js';
import { startProject } from '../app/projects.js';
import { groupDigits } from '../plan/parse.js';
import { sanitizeForTerminal } from '../util/text.js';
import { InputBox } from './components/InputBox.js';
import { EMPTY_EDITOR, type EditorState } from './editor.js';
import { editorKey } from './editor-keys.js';
import { errorLine } from './error-line.js';
import { KeyPriority, useKeypress } from './hooks/useKeypress.js';
import { useRefState } from './hooks/useRefState.js';
import { useTerminalSize, type Size } from './hooks/useTerminalSize.js';
import type { KeyEvent } from './keys.js';
import { EMPTY_ANSWERS, FIELDS, ORDER, understand, type Answers, type FieldStep } from './onboarding-steps.js';
import { nextKey, type TranscriptItem } from './session.js';
import { TokenBatcher } from './stream-batcher.js';
import { markdownRows } from '../util/markdown.js';
import { sym, theme } from './theme.js';

type Step = FieldStep | 'paused' | 'template' | 'starting';
const STEPS = ORDER.length + 1;

export interface OnboardingProps {
  ctx: AppContext;
  offline: boolean;
  /** Where to begin and the templates to offer, loaded before the screen mounts. */
  start: OnboardingStart;
  size?: Partial<Size>;
  onDone: (items: TranscriptItem[]) => void;
  onQuit: () => void;
}

const usd = (cents: number | null) => (cents === null ? null : `$${groupDigits(Math.round(cents / 100))}/month`);

export function Onboarding({ ctx, offline, start: begin, size: fixedSize, onDone, onQuit }: OnboardingProps) {
  const size = useTerminalSize(fixedSize);
  const [step, getStep, setStep] = useRefState<Step>(begin.step === 'questions' ? 'name' : begin.step);
  const [, getAnswers, setAnswers] = useRefState<Answers>(EMPTY_ANSWERS);
  const [editor, getEditor, setEditor] = useRefState<EditorState>(EMPTY_EDITOR);
  const [error, setError] = useState<string | null>(null);
  const [cursor, getCursor, setCursor] = useRefState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [welcome, setWelcome] = useState('');
  /** What each answered question was understood as, shown above the next one. */
  const [understood, setUnderstood] = useState<Partial<Record<FieldStep, string>>>({});
  const batcher = useRef(new TokenBatcher(setWelcome));
  const notes = useRef<TranscriptItem[]>([]);
  const raw = useRef<Partial<Record<FieldStep, string>>>({});
  useEffect(() => () => batcher.current.reset(), []);
  const templates = begin.templates;

  const note = (text: string) => notes.current.push({ kind: 'notice', key: nextKey('n'), tone: 'ok', text });

  const start = async (templateId: string) => {
    setStep('starting');
    setError(null);
    try {
      const profile = currentProfile(ctx);
      const row = startProject(ctx, profile, { templateId });
      note(`Started "${row.title}" — target launch ${row.targetLaunchDate ?? 'open'}`);
      const { welcomeProject } = await import('../app/welcome.js');
      await welcomeProject(ctx, profile, row, { offline, onStatus: setStatus, onText: (d) => batcher.current.push(d) });
      batcher.current.reset();
      onDone(notes.current);
    } catch (err) {
      batcher.current.reset();
      setError(errorLine(err).text);
      setStep('template');
    }
  };

  const saveProfile = () => {
    const a = getAnswers();
    const profile = saveOnboardingProfile(ctx, {
      displayName: a.name, niche: a.niche, platforms: a.platforms, hoursPerWeek: a.hours, currentMonthlyIncomeCents: a.incomeCents, incomeGoalCents: a.goalCents,
    });
    const audience = profile.totalAudience ? ` · audience ${groupDigits(profile.totalAudience)}` : '';
    const money = [usd(profile.currentMonthlyIncomeCents) && `earning ${usd(profile.currentMonthlyIncomeCents)}`, usd(profile.incomeGoalCents) && `goal ${usd(profile.incomeGoalCents)}`].filter(Boolean).join(' · ');
    note(`Saved profile "${profile.handle}": ${profile.displayName}${profile.niche ? ` · ${profile.niche}` : ''}${audience} · ${profile.hoursPerWeek} h/week${money ? ` · ${money}` : ''}`);
  };

  const answer = (s: FieldStep) => {
    const u = understand(s, getEditor().text);
    if (!u.ok) return setError(u.error);
    setAnswers({ ...getAnswers(), ...u.patch });
    raw.current[s] = getEditor().text;
    setUnderstood((prev) => ({ ...prev, [s]: u.understood }));
    setError(null);
    const next = ORDER[ORDER.indexOf(s) + 1];
    const typed = next ? (raw.current[next] ?? '') : '';
    setEditor({ text: typed, cursor: typed.length });
    if (next) return setStep(next);
    try {
      saveProfile();
      setStep('template');
    } catch (err) {
      setError(errorLine(err).text);
    }
  };

  const handle = (ev: KeyEvent) => {
    const s = getStep();
    if (ev.kind === 'ctrl' && ev.letter === 'c') return onQuit();
    if (s === 'starting') return;
    if (ev.kind === 'escape') {
      setError(null);
      const i = ORDER.indexOf(s as FieldStep);
      if (i > 0) {
        const prev = ORDER[i - 1]!;
        setStep(prev);
        const typed = raw.current[prev] ?? '';
        setEditor({ text: typed, cursor: typed.length });
      }
      return;
    }
    if (s === 'paused') {
      if (ev.kind === 'enter' || (ev.kind === 'text' && ev.text === 'r')) {
        try {
          const row = resumePausedProject(ctx);
          onDone([{ kind: 'notice', key: nextKey('n'), tone: 'ok', text: `Resumed "${row.title}"` }]);
        } catch (err) {
          setError(errorLine(err).text);
        }
      } else if (ev.kind === 'text' && ev.text === 'n') setStep('template');
      return;
    }
    if (s === 'template') {
      if (ev.kind === 'up') return setCursor(Math.max(0, getCursor() - 1));
      if (ev.kind === 'down') return setCursor(Math.min(templates.length - 1, getCursor() + 1));
      if (ev.kind === 'enter' && templates[getCursor()]) void start(templates[getCursor()]!.id);
      return;
    }
    if (ev.kind === 'enter') return answer(s);
    const next = editorKey(getEditor(), ev, { multiline: false });
    if (next) setEditor(next);
  };
  useKeypress(handle, { priority: KeyPriority.focus });

  const width = size.columns;
  const budget = Math.max(3, size.rows - 1);
  const stepNo = step === 'template' || step === 'paused' || step === 'starting' ? STEPS : ORDER.indexOf(step) + 1;
  const header = <Text bold color={theme.accent} wrap="truncate-end">{`creator-coach · set-up ${stepNo}/${STEPS}`}</Text>;
  const errorRow = error ? <Text color={theme.error} wrap="truncate-end">{error}</Text> : null;
  if (step === 'starting') {
    const rows = welcome ? markdownRows(welcome, width - 2) : [];
    const room = Math.max(0, budget - 3);
    return (
      <Box flexDirection="column">
        {header}
        <Text wrap="truncate-end">{sanitizeForTerminal(status ?? 'Starting your project…')}</Text>
        {rows.slice(Math.max(0, rows.length - room)).map((r, i) => <Text key={i} wrap="truncate-end">{`  ${r}`}</Text>)}
        <Text color={theme.dim} wrap="truncate-end">Writing your personalised plan and welcome…</Text>
      </Box>
    );
  }
  if (step === 'paused') {
    return (
      <Box flexDirection="column">
        {header}
        <Text wrap="truncate-end">{`Your project "${sanitizeForTerminal(begin.pausedTitle ?? '')}" is paused.`}</Text>
        <Text color={theme.dim} wrap="truncate-end">Enter (or r): resume it · n: start a new project · Ctrl+C: quit</Text>
        {errorRow}
      </Box>
    );
  }
  if (step === 'template') {
    const room = Math.max(1, Math.floor((budget - 4) / 2));
    const first = Math.max(0, Math.min(cursor - room + 1, templates.length - room));
    return (
      <Box flexDirection="column">
        {header}
        <Text bold wrap="truncate-end">Pick a plan to start from (↑/↓, Enter):</Text>
        {templates.slice(first, first + room).map((t, i) => {
          const here = first + i === cursor;
          const o = t.template.opportunity;
          return (
            <Box key={t.id} flexDirection="column">
              <Text wrap="truncate-end" color={here ? theme.focus : undefined} bold={here}>
                {`${here ? sym.pointer : ' '} ${sanitizeForTerminal(o.title)} (${t.id}) · ${o.timelineWeeks.min}–${o.timelineWeeks.max} weeks · $${groupDigits(o.revenueRangeUSD.min)}–$${groupDigits(o.revenueRangeUSD.max)}/${o.revenueRangeUSD.period}`}
              </Text>
              <Text wrap="truncate-end" color={theme.dim}>{`   ${sanitizeForTerminal(o.summary)}`}</Text>
            </Box>
          );
        })}
        {errorRow}
        <Text color={theme.dim} wrap="truncate-end">{offline ? 'Your welcome comes from the offline coach (no API key or --offline).' : 'Your coach writes a welcome once the project starts.'}</Text>
      </Box>
    );
  }
  const field = FIELDS[step];
  const border = budget >= 12;
  // Answers so far, as understood; the oldest give way on short terminals.
  const answered = ORDER.slice(0, ORDER.indexOf(step)).filter((s) => understood[s] !== undefined);
  const room = Math.max(0, budget - (border ? 10 : 8));
  const preview = editor.text.trim() ? understand(step, editor.text) : null;
  return (
    <Box flexDirection="column">
      {header}
      {answered.slice(Math.max(0, answered.length - room)).map((s) => (
        <Text key={s} wrap="truncate-end">
          <Text color={theme.ok}>{`✓ ${FIELDS[s].label.padEnd(12)}`}</Text>
          <Text>{sanitizeForTerminal(understood[s]!)}</Text>
        </Text>
      ))}
      <Text bold wrap="truncate-end">{field.title}</Text>
      <Text color={theme.dim} wrap="truncate-end">{field.help}</Text>
      <InputBox editor={editor} focused rows={1} border={border} width={width} prompt="› " placeholder={field.placeholder} />
      {errorRow ?? (preview ? (
        <Text wrap="truncate-end" color={preview.ok ? theme.ok : theme.dim}>{preview.ok ? `  understood: ${sanitizeForTerminal(preview.understood)}` : `  ${preview.error}`}</Text>
      ) : <Text> </Text>)}
      <Text color={theme.dim} wrap="truncate-end">{`Enter next${step !== 'name' ? ' · Esc back' : ''} · Ctrl+C quit (saved after the last question)`}</Text>
    </Box>
  );
}
