// The coach's main screen, inline: the transcript in <Static> (terminal scrollback), and a live
// area of at most rows - 1 lines: streaming reply, suggestion, plan line, checklist (or a panel),
// queued messages, input, hints and the status bar. A layout: the behaviour lives in hooks/ (keys,
// input, chat, tasks, panels) and the view state in a reducer (state/ui-state.ts).
import { Box, Text } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppContext } from '../app/context.js';
import { projectDecisions } from '../app/queries.js';
import { suggestionText } from './actions.js';
import { matchingCommands, runSlash } from './commands/index.js';
import { Checklist } from './components/Checklist.js';
import { InputBox, inputRowCount } from './components/InputBox.js';
import { KeysLine, QueuedLines, SlashHints, SuggestionLine } from './components/Lines.js';
import { Overlay } from './components/Overlay.js';
import { PlanLine } from './components/PlanLine.js';
import { StatusBar, statusFigures } from './components/StatusBar.js';
import { StreamingReply } from './components/StreamingReply.js';
import { Transcript } from './components/Transcript.js';
import { keyHint, placeholderFor } from './hints.js';
import { useChat } from './hooks/useChat.js';
import { useCommandContext } from './hooks/useCommandContext.js';
import { useComposer, useEditor } from './hooks/useComposer.js';
import { useInputHistory } from './hooks/useInputHistory.js';
import { useMainKeys } from './hooks/useMainKeys.js';
import { usePanel } from './hooks/usePanel.js';
import { useRefReducer } from './hooks/useRefReducer.js';
import { useReprintOnResize } from './hooks/useReprintOnResize.js';
import { useSession } from './hooks/useSession.js';
import { useTaskActions } from './hooks/useTaskActions.js';
import { useTerminalSize, type Size } from './hooks/useTerminalSize.js';
import { useTimedMessage } from './hooks/useTimedMessage.js';
import { computeLayout } from './layout.js';
import { visiblePhaseOf } from './main-keys.js';
import type { Snapshot, Tone, TranscriptItem } from './session.js';
import { INITIAL_UI, uiReducer } from './state/ui-state.js';
import { strayLines } from './stray.js';
import { markdownRows } from '../util/markdown.js';

export interface MainScreenProps {
  ctx: AppContext;
  offline: boolean;
  /** Loaded before the screen mounts (by the runner or App's effect). */
  snapshot: Snapshot;
  /** The opening transcript: banner, items carried over from onboarding, history. */
  items: TranscriptItem[];
  /** How many of `items` the runner already printed above the UI (not in <Static>). */
  printed: number;
  size?: Partial<Size>;
  onQuit: () => void;
  /** Called (debounced) when the width changes, before the transcript is printed again. */
  onWidthChange?: () => void;
  /** Filled here: lets the runner ask for a clean quit (signals). */
  controls?: { quit?: () => void };
}

export function MainScreen(props: MainScreenProps) {
  const { ctx } = props;
  const size = useTerminalSize(props.size);
  const width = size.columns;
  const session = useSession(ctx, props.offline, props.snapshot);
  const snap = session.snapshot;
  const [ui, dispatch, getUi] = useRefReducer(uiReducer, INITIAL_UI);
  const input = useEditor();
  const note = useEditor();
  const [flashMsg, showFlash] = useTimedMessage<{ text: string; tone: Tone }>(3000);
  const flash = useCallback((text: string, tone: Tone = 'info') => showFlash({ text, tone }), [showFlash]);
  const [exiting, setExiting] = useState(false);
  const quitting = useRef(false);
  const history = useInputHistory(() => props.items.flatMap((i) => (i.kind === 'message' && i.role === 'user' ? [i.content] : [])));
  const chat = useChat({
    ctx, snapshot: session.getSnapshot, session: session.options, refresh: session.refresh,
    onAccepted: (text) => {
      if (input.get().text === text) input.set({ text: '', cursor: 0 }); // a queued one was cleared when queued
      history.push(text);
    },
    onHeld: (texts) => {
      const text = [...texts, ...(input.get().text ? [input.get().text] : [])].join('\n\n');
      input.set({ text, cursor: text.length });
    },
    onAuthFailure: () => dispatch({ type: 'keyRejected' }),
  }, props.items);
  const epoch = useReprintOnResize(width, useMemo(() => props.items.slice(0, props.printed), [props.items, props.printed]), props.onWidthChange);

  const quit = useCallback(() => {
    if (quitting.current) return;
    quitting.current = true;
    chat.stop();
    void chat.settled().finally(() => setExiting(true));
  }, [chat]);
  useEffect(() => {
    if (exiting) props.onQuit();
  }, [exiting, props.onQuit]);
  if (props.controls) props.controls.quit = quit;
  useEffect(() => strayLines.subscribe((line, tone) => chat.notice(line, tone)), [chat.notice]);

  const openDecisions = (all: boolean) => dispatch({ type: 'open', overlay: { kind: 'decisions', all, rows: projectDecisions(ctx, session.getSnapshot().project.row.id, { includeSuperseded: all }) } });
  const commandCtx = useCommandContext(ctx, session, chat, dispatch, openDecisions, quit);
  const composer = useComposer(input, chat, history, (text) => runSlash(text, commandCtx));
  const tasks = useTaskActions(ctx, session, chat, dispatch, flash);

  const phases = snap.project.plan.phases;
  const phase = visiblePhaseOf(snap, ui.viewPhase);
  const streamRows = useMemo(() => (chat.streaming?.text ? markdownRows(chat.streaming.text, Math.max(10, width - 2)) : []), [chat.streaming?.text, width]);
  const panel = usePanel(ui.overlay, snap, width);
  const editor = ui.noteFor ? note.state : input.state;
  const prompt = ui.noteFor ? `note ${ui.noteFor} › ` : '› ';
  const hints = !ui.noteFor && ui.focus === 'input' && !ui.overlay ? matchingCommands(input.state.text) : [];
  const suggestion = chat.suggestions[0];
  const layout = computeLayout({
    rows: size.rows, streamLines: chat.streaming ? 1 + streamRows.length : 0, inputLines: inputRowCount(editor, width, true, prompt),
    hintLines: hints.length, queueLines: chat.queued.length, suggestion: !!suggestion,
    panelLines: ui.overlay ? panel.lines.length + 1 : phase.tasks.length + 1, overlay: !!ui.overlay,
  });
  useMainKeys({
    getUi, dispatch, chat, input, note, composer, tasks, flash, quit, quitting: () => quitting.current,
    panel: {
      snapshot: session.getSnapshot, openDecisions,
      visiblePhase: () => visiblePhaseOf(session.getSnapshot(), getUi().viewPhase),
      page: () => Math.max(1, layout.panel - 1),
      overlayLineCount: () => panel.lines.length,
    },
  });

  const transcript = <Transcript items={chat.items} width={width} epoch={epoch} printed={props.printed} />;
  if (exiting) return <>{transcript}<Text color="gray">Bye — everything is saved. `coach` brings you back.</Text></>;
  const hint = keyHint({ noteFor: ui.noteFor, overlay: !!ui.overlay, focus: ui.focus, busy: chat.busy, queued: chat.queued.length, offerOffline: ui.keyRejected && !snap.offline }, width);
  return (
    <>
      {transcript}
      <Box flexDirection="column" width={width}>
        {layout.stream > 0 && chat.streaming ? <StreamingReply rows={streamRows} label={chat.streaming.label} height={layout.stream} /> : null}
        {layout.suggestion > 0 && suggestion ? <SuggestionLine text={suggestionText(suggestion, snap)} index={0} count={chat.suggestions.length} width={width} /> : null}
        {layout.plan > 0 ? <PlanLine progress={snap.progress} width={width} /> : null}
        {layout.panel > 0 && ui.overlay ? <Overlay title={panel.title} lines={panel.lines} scroll={ui.scroll} height={layout.panel} /> : null}
        {layout.panel > 0 && !ui.overlay ? (
          <Checklist
            phase={phase} phaseIndex={phases.indexOf(phase)} phaseCount={phases.length} isCurrentPhase={phase.id === snap.progress.currentPhase.id}
            states={snap.states} cursor={Math.max(0, Math.min(ui.cursor, phase.tasks.length - 1))} focused={ui.focus === 'checklist' && !ui.noteFor} height={layout.panel} width={width}
          />
        ) : null}
        {layout.queue > 0 ? <QueuedLines texts={chat.queued} height={layout.queue} /> : null}
        <InputBox editor={editor} focused={!ui.overlay && (ui.focus === 'input' || !!ui.noteFor)} rows={layout.input} border={layout.inputBorder > 0} width={width} prompt={prompt} placeholder={placeholderFor(!!ui.noteFor, chat.busy)} />
        {layout.hints > 0 ? <SlashHints commands={hints} height={layout.hints} /> : null}
        {layout.keys > 0 ? <KeysLine text={flashMsg?.text ?? hint} tone={flashMsg?.tone ?? 'hint'} /> : null}
        <StatusBar figures={statusFigures(snap)} width={width} />
      </Box>
    </>
  );
}
