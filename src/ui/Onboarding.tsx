// First run: a few questions make the profile (name, niche, platforms, hours), then a template
// pick starts the project, and the coach's welcome (Claude with a key, else the offline coach)
// streams in. Uses the same services as `coach profile set` and `coach project start`.
import { Box, Text } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppContext } from '../app/context.js';
import { moveProject, startProject } from '../app/projects.js';
import { UsageError } from '../errors.js';
import { parsePlatforms } from '../plan/parse.js';
import { listTemplates } from '../plan/templates.js';
import { findProfile, upsertProfile } from '../store/profiles.js';
import { findCurrentProject } from '../store/projects.js';
import type { PlatformPresence } from '../store/schema.js';
import { sanitizeForTerminal } from '../util/text.js';
import { InputBox } from './components/InputBox.js';
import { EMPTY_EDITOR, type EditorState } from './editor.js';
import { editorKey } from './editor-keys.js';
import { uiError } from './hooks/useChat.js';
import { useRefState } from './hooks/useRefState.js';
import { useTerminalSize, type Size } from './hooks/useTerminalSize.js';
import type { KeyEvent } from './keys.js';
import { KeyPriority, useKeypress } from './hooks/useKeypress.js';
import { nextKey, type TranscriptItem } from './session.js';
import { TokenBatcher } from './stream-batcher.js';
import { markdownRows } from './text/markdown.js';
import { sym, theme } from './theme.js';

type FieldStep = 'name' | 'niche' | 'platform' | 'hours';
type Step = FieldStep | 'paused' | 'template' | 'starting';

interface Answers {
  name: string;
  niche: string | null;
  platforms: PlatformPresence[];
  hours: number;
}

const FIELDS: Record<FieldStep, { title: string; help: string; placeholder: string }> = {
  name: { title: 'What should your coach call you?', help: 'Your name or creator name.', placeholder: 'e.g. Jane Cooks' },
  niche: { title: 'What do you make content about?', help: 'Your niche in a few words (Enter to skip).', placeholder: 'e.g. vegan baking' },
  platform: {
    title: 'Where is your audience?',
    help: 'PLATFORM:FOLLOWERS[:ENGAGEMENT%], several separated by commas (Enter to skip).',
    placeholder: 'e.g. instagram:45000:3.2, youtube:12k',
  },
  hours: { title: 'How many hours a week can you give this project?', help: 'A whole number from 1 to 100 (Enter for 5).', placeholder: '5' },
};
const ORDER: FieldStep[] = ['name', 'niche', 'platform', 'hours'];

/** Validates one answer; throws a UsageError with a message fit for the screen. */
export function parseAnswer(step: FieldStep, raw: string): Partial<Answers> {
  const v = raw.trim();
  switch (step) {
    case 'name':
      if (!v) throw new UsageError('a name is needed (it is only stored on this computer)');
      return { name: v.slice(0, 80) };
    case 'niche':
      return { niche: v ? v.slice(0, 120) : null };
    case 'platform': {
      const parsed = parsePlatforms(v);
      if (!parsed.ok) throw new UsageError(parsed.error);
      return { platforms: parsed.value };
    }
    case 'hours': {
      if (!v) return { hours: 5 };
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 100) throw new UsageError(`hours per week must be a whole number from 1 to 100, got "${v}"`);
      return { hours: Number(v) };
    }
  }
}

export interface OnboardingProps {
  ctx: AppContext;
  offline: boolean;
  size?: Partial<Size>;
  onDone: (items: TranscriptItem[]) => void;
  onQuit: () => void;
}

export function Onboarding({ ctx, offline, size: fixedSize, onDone, onQuit }: OnboardingProps) {
  const size = useTerminalSize(fixedSize);
  const db = ctx.store().db;
  const [step, getStep, setStep] = useRefState<Step>(() => {
    const profile = findProfile(db, ctx.profileHandle);
    if (!profile) return 'name';
    return findCurrentProject(db, profile.id)?.status === 'paused' ? 'paused' : 'template';
  });
  const [answers, getAnswers, setAnswers] = useRefState<Answers>({ name: '', niche: null, platforms: [], hours: 5 });
  const [editor, getEditor, setEditor] = useRefState<EditorState>(EMPTY_EDITOR);
  const [error, setError] = useState<string | null>(null);
  const [cursor, getCursor, setCursor] = useRefState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [welcome, setWelcome] = useState('');
  const batcher = useRef(new TokenBatcher(setWelcome));
  const notes = useRef<TranscriptItem[]>([]);
  const raw = useRef<Partial<Record<FieldStep, string>>>({});
  useEffect(() => () => batcher.current.reset(), []);
  const templates = useMemo(() => listTemplates(ctx.templatesDir).templates, [ctx]);
  const paused = useMemo(() => {
    const profile = findProfile(db, ctx.profileHandle);
    return profile ? findCurrentProject(db, profile.id) : null;
  }, [db, ctx, step]);

  const note = (text: string) => notes.current.push({ kind: 'notice', key: nextKey('n'), tone: 'ok', text });

  const start = async (templateId: string) => {
    setStep('starting');
    setError(null);
    try {
      const profile = findProfile(db, ctx.profileHandle);
      if (!profile) throw new UsageError('the profile is missing');
      const row = startProject(ctx, profile, { templateId });
      note(`Started "${row.title}" — target launch ${row.targetLaunchDate ?? 'open'}`);
      const { welcomeProject } = await import('../coach/welcome.js');
      await welcomeProject(ctx, profile, row, { offline, onStatus: setStatus, onText: (d) => batcher.current.push(d) });
      batcher.current.reset();
      onDone(notes.current);
    } catch (err) {
      batcher.current.reset();
      setError(uiError(err));
      setStep('template');
    }
  };

  const saveProfile = () => {
    const a = getAnswers();
    const { profile } = upsertProfile(db, ctx.profileHandle, { displayName: a.name, niche: a.niche, platforms: a.platforms, hoursPerWeek: a.hours }, ctx.now());
    const audience = profile.totalAudience ? ` · audience ${profile.totalAudience.toLocaleString('en-US')}` : '';
    note(`Saved profile "${profile.handle}": ${profile.displayName}${profile.niche ? ` · ${profile.niche}` : ''}${audience} · ${profile.hoursPerWeek} h/week`);
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
          const profile = findProfile(db, ctx.profileHandle)!;
          const row = moveProject(db, profile, 'resume', undefined, ctx.now());
          onDone([{ kind: 'notice', key: nextKey('n'), tone: 'ok', text: `Resumed "${row.title}"` }]);
        } catch (err) {
          setError(uiError(err));
        }
      } else if (ev.kind === 'text' && ev.text === 'n') setStep('template');
      return;
    }
    if (s === 'template') {
      const n = templates.length;
      if (ev.kind === 'up' || (ev.kind === 'text' && ev.text === 'k')) return setCursor(Math.max(0, getCursor() - 1));
      if (ev.kind === 'down' || (ev.kind === 'text' && ev.text === 'j')) return setCursor(Math.min(n - 1, getCursor() + 1));
      if (ev.kind === 'enter' && templates[getCursor()]) void start(templates[getCursor()]!.id);
      return;
    }
    if (ev.kind === 'enter') {
      try {
        setAnswers({ ...getAnswers(), ...parseAnswer(s, getEditor().text) });
        raw.current[s] = getEditor().text;
        setError(null);
        const next = ORDER[ORDER.indexOf(s) + 1];
        const typed = next ? (raw.current[next] ?? '') : '';
        setEditor({ text: typed, cursor: typed.length });
        if (next) return setStep(next);
        saveProfile();
        setStep('template');
      } catch (err) {
        setError(uiError(err));
      }
      return;
    }
    const next = editorKey(getEditor(), ev, { multiline: false });
    if (next) setEditor(next);
  };
  useKeypress(handle, { priority: KeyPriority.focus });

  const width = size.columns;
  const budget = Math.max(3, size.rows - 1);
  const stepNo = step === 'template' || step === 'paused' ? 5 : step === 'starting' ? 5 : ORDER.indexOf(step) + 1;
  const header = (
    <Text bold color={theme.accent} wrap="truncate-end">{`creator-coach · set-up ${stepNo}/5`}</Text>
  );
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
        <Text wrap="truncate-end">{`Your project "${sanitizeForTerminal(paused?.title ?? '')}" is paused.`}</Text>
        <Text color={theme.dim} wrap="truncate-end">Enter (or r): resume it · n: start a new project · Ctrl+C: quit</Text>
        {error ? <Text color={theme.error} wrap="truncate-end">{error}</Text> : null}
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
                {`${here ? sym.pointer : ' '} ${sanitizeForTerminal(o.title)} (${t.id}) · ${o.timelineWeeks.min}–${o.timelineWeeks.max} weeks · $${o.revenueRangeUSD.min.toLocaleString('en-US')}–$${o.revenueRangeUSD.max.toLocaleString('en-US')}/${o.revenueRangeUSD.period}`}
              </Text>
              <Text wrap="truncate-end" color={theme.dim}>{`   ${sanitizeForTerminal(o.summary)}`}</Text>
            </Box>
          );
        })}
        {error ? <Text color={theme.error} wrap="truncate-end">{error}</Text> : null}
        <Text color={theme.dim} wrap="truncate-end">{offline ? 'Your welcome comes from the offline coach (no API key or --offline).' : 'Your coach writes a welcome once the project starts.'}</Text>
      </Box>
    );
  }
  const field = FIELDS[step];
  const summary = [answers.name && `name: ${answers.name}`, answers.niche && `niche: ${answers.niche}`, answers.platforms.length ? `platforms: ${answers.platforms.map((p) => `${p.platform} ${p.followers.toLocaleString('en-US')}`).join(', ')}` : null]
    .filter(Boolean).join(' · ');
  return (
    <Box flexDirection="column">
      {header}
      <Text bold wrap="truncate-end">{field.title}</Text>
      <Text color={theme.dim} wrap="truncate-end">{field.help}</Text>
      <InputBox editor={editor} focused rows={1} border={budget >= 8} width={width} prompt="› " placeholder={field.placeholder} />
      {error ? <Text color={theme.error} wrap="truncate-end">{error}</Text> : null}
      {summary ? <Text color={theme.dim} wrap="truncate-end">{sanitizeForTerminal(summary)}</Text> : null}
      <Text color={theme.dim} wrap="truncate-end">{`Enter next${step !== 'name' ? ' · Esc back' : ''} · Ctrl+C quit (nothing is saved until the last question)`}</Text>
    </Box>
  );
}
