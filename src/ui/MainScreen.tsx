// The coach's main screen, inline: the transcript in <Static> (terminal scrollback), and a live
// area of at most rows - 1 lines: streaming reply, suggestion, plan line, checklist (or a panel),
// input, hints and the status bar. Keys are decoded once (paste-safe) and dispatched by focus.
import { Box, Text, useInput, useStdout, type Key } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppContext } from '../app/context.js';
import { listDecisions } from '../store/decisions.js';
import { applySuggestion, saveNote, suggestionText, toggleTaskNow } from './actions.js';
import { isSlash, matchingCommands, runSlash, type CommandContext } from './commands/index.js';
import { checklistKey, overlayKey, type Focus, type OverlayState, type PanelKeyDeps, type UiState } from './main-keys.js';
import { Checklist } from './components/Checklist.js';
import { InputBox, inputRowCount } from './components/InputBox.js';
import { KeysLine, QueuedLines, SlashHints, SuggestionLine } from './components/Lines.js';
import { Overlay, type OverlayLine } from './components/Overlay.js';
import { PlanLine } from './components/PlanLine.js';
import { StatusBar } from './components/StatusBar.js';
import { StreamingReply } from './components/StreamingReply.js';
import { Transcript } from './components/Transcript.js';
import { EMPTY_EDITOR, type EditorState } from './editor.js';
import { editorKey } from './editor-keys.js';
import { useChat, uiError } from './hooks/useChat.js';
import { useRefState } from './hooks/useRefState.js';
import { useTerminalSize, type Size } from './hooks/useTerminalSize.js';
import { KeyDecoder, type KeyEvent } from './keys.js';
import { computeLayout } from './layout.js';
import { decisionsPanel, helpPanel, taskPanel } from './panels.js';
import { loadSnapshot, openingItems, type SessionOptions, type Tone, type TranscriptItem } from './session.js';
import { markdownRows } from './text/markdown.js';
import { transcriptText } from './text/entries.js';
import { NEWLINE_KEYS } from './help.js';
import { strayLines } from './stray.js';

export type { Focus } from './main-keys.js';

export interface MainScreenProps {
  ctx: AppContext;
  offline: boolean;
  size?: Partial<Size>;
  initialItems?: TranscriptItem[];
  /**
   * The opening transcript (openingItems), already written above the UI by the runner before the
   * first frame, at the terminal's width: <Static> shows only what follows, and a width change
   * prints these again (after onWidthChange has cleared the screen).
   */
  printed?: TranscriptItem[];
  onQuit: () => void;
  /** Called (debounced) when the width changes, before the transcript is printed again. */
  onWidthChange?: () => void;
  /** Filled here: lets the runner ask for a clean quit (signals). */
  controls?: { quit?: () => void };
}

const CTRL_C_WINDOW_MS = 1500;

export function MainScreen(props: MainScreenProps) {
  const { ctx } = props;
  const size = useTerminalSize(props.size);
  const width = size.columns;
  const [, getSession, setSession] = useRefState<SessionOptions>({ model: null, offline: props.offline });
  const [snapshot, getSnapshot, setSnapshot] = useRefState(() => loadSnapshot(ctx, { model: null, offline: props.offline }));
  const refresh = useCallback(() => setSnapshot(loadSnapshot(ctx, getSession())), [ctx, getSession, setSnapshot]);
  const [ui, getUi, setUi] = useRefState<UiState>({ focus: 'input', overlay: null, scroll: 0, cursor: 0, viewPhase: null, noteFor: null });
  const [editor, getEditor, setEditor] = useRefState<EditorState>(EMPTY_EDITOR);
  const [note, getNote, setNote] = useRefState<EditorState>(EMPTY_EDITOR);
  const [flash, setFlashState] = useState<{ text: string; tone: Tone } | null>(null);
  const flashTimer = useRef<NodeJS.Timeout | null>(null);
  const [epoch, setEpoch] = useState(0);
  const [exiting, setExiting] = useState(false);
  const [keyRejected, setKeyRejected] = useState(false);
  const quitting = useRef(false);
  const ctrlCAt = useRef(0);
  const sent = useRef<string[]>([]);
  const histIndex = useRef<number | null>(null);
  const draft = useRef('');
  const decoder = useRef(new KeyDecoder());

  const [initialItems] = useState<TranscriptItem[]>(() => {
    const snap = getSnapshot();
    if (!snap) return props.initialItems ?? [];
    const items = props.printed ?? openingItems(ctx, snap, props.initialItems);
    sent.current = items.flatMap((i) => (i.kind === 'message' && i.role === 'user' ? [i.content] : [])).slice(-50);
    return items;
  });
  const [printed] = useState(() => (props.printed && getSnapshot() ? props.printed.length : 0));
  const { write } = useStdout();

  const chat = useChat({
    ctx, snapshot: getSnapshot, session: getSession, refresh,
    onAccepted: (text) => {
      // A queued message was cleared from the input when it was queued: keep what is typed now.
      if (getEditor().text === text) setEditor(EMPTY_EDITOR);
      if (sent.current.at(-1) !== text) sent.current.push(text);
      histIndex.current = null;
    },
    onHeld: (texts) => {
      const typed = getEditor().text;
      const text = [...texts, ...(typed ? [typed] : [])].join('\n\n');
      setEditor({ text, cursor: text.length });
      chat.notice(`${texts.length === 1 ? 'Your queued message is' : `Your ${texts.length} queued messages are`} back in the input, not sent — Enter sends ${texts.length === 1 ? 'it' : 'them'} when you are ready.`, 'warn');
    },
    onAuthFailure: () => setKeyRejected(true),
  }, initialItems);
  const suggestionsRef = useRef(chat.suggestions);
  suggestionsRef.current = chat.suggestions;

  const setFlash = useCallback((text: string, tone: Tone = 'info') => {
    setFlashState({ text, tone });
    if (flashTimer.current) clearTimeout(flashTimer.current);
    flashTimer.current = setTimeout(() => setFlashState(null), 3000);
  }, []);
  useEffect(() => () => {
    if (flashTimer.current) clearTimeout(flashTimer.current);
  }, []);

  // Width changed: print the transcript again at the new width (debounced while dragging).
  const lastWidth = useRef(width);
  useEffect(() => {
    if (width === lastWidth.current || !props.onWidthChange) return;
    const t = setTimeout(() => {
      lastWidth.current = width;
      props.onWidthChange?.();
      // The items printed before the first frame are not in <Static>: print them again here.
      if (printed > 0) write(transcriptText(initialItems.slice(0, printed), width));
      setEpoch((e) => e + 1);
    }, 200);
    return () => clearTimeout(t);
  }, [width, props.onWidthChange, printed, initialItems, write]);

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

  // ----- derived view state -----
  const snap = snapshot;
  const phases = snap?.project.plan.phases ?? [];
  const viewPhaseId = ui.viewPhase ?? snap?.progress.currentPhase.id;
  const phaseIndex = Math.max(0, phases.findIndex((p) => p.id === viewPhaseId));
  const phase = phases[phaseIndex];
  const taskCount = phase?.tasks.length ?? 0;
  const cursor = Math.max(0, Math.min(ui.cursor, taskCount - 1));
  const streamRows = useMemo(() => (chat.streaming?.text ? markdownRows(chat.streaming.text, Math.max(10, width - 2)) : []), [chat.streaming?.text, width]);
  const overlayLines: OverlayLine[] = useMemo(() => {
    if (!ui.overlay || !snap) return [];
    if (ui.overlay.kind === 'help') return helpPanel(width);
    if (ui.overlay.kind === 'decisions') {
      return decisionsPanel(listDecisions(ctx.store().db, snap.project.row.id, { includeSuperseded: ui.overlay.all }), width, ui.overlay.all);
    }
    if (ui.overlay.kind === 'text') return ui.overlay.lines.map((text) => ({ text }));
    const id = ui.overlay.taskId;
    const task = phases.flatMap((p) => p.tasks).find((t) => t.id === id);
    return task ? taskPanel(task, snap.states.get(id), width) : [];
  }, [ui.overlay, snap, width, ctx, phases]);
  const overlayTitle = ui.overlay?.kind === 'help' ? 'Help' : ui.overlay?.kind === 'decisions' ? (ui.overlay.all ? 'Decisions (with history)' : 'Decisions') : ui.overlay?.kind === 'text' ? ui.overlay.title : ui.overlay?.kind === 'task' ? `Task ${ui.overlay.taskId}: ${phases.flatMap((p) => p.tasks).find((t) => t.id === (ui.overlay as { taskId: string }).taskId)?.title ?? ''}` : '';
  const activeEditor = ui.noteFor ? note : editor;
  const prompt = ui.noteFor ? `note ${ui.noteFor} › ` : '› ';
  const hints = !ui.noteFor && ui.focus === 'input' && !ui.overlay ? matchingCommands(editor.text) : [];
  const suggestion = chat.suggestions[0];
  const layout = computeLayout({
    rows: size.rows,
    streamLines: chat.streaming ? 1 + streamRows.length : 0,
    inputLines: inputRowCount(activeEditor, width, true, prompt),
    hintLines: hints.length,
    queueLines: chat.queued.length,
    suggestion: !!suggestion,
    panelLines: ui.overlay ? overlayLines.length + 1 : taskCount + 1,
    overlay: !!ui.overlay,
  });
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const overlayLinesRef = useRef(0);
  overlayLinesRef.current = overlayLines.length;

  // ----- actions -----
  const withSnap = <T,>(fn: (s: NonNullable<typeof snap>) => T): T | undefined => {
    const s = getSnapshot();
    if (!s) return undefined;
    try {
      return fn(s);
    } catch (err) {
      chat.notice(uiError(err), 'error');
      return undefined;
    }
  };
  const visiblePhase = () => {
    const s = getSnapshot();
    if (!s) return undefined;
    const id = getUi().viewPhase ?? s.progress.currentPhase.id;
    return s.project.plan.phases.find((p) => p.id === id) ?? s.progress.currentPhase;
  };
  const openOverlay = (overlay: OverlayState) => setUi((u) => ({ ...u, overlay, scroll: 0 }));
  const closeOverlay = () => setUi((u) => ({ ...u, overlay: null, scroll: 0 }));
  const toggleFocus = () => setUi((u) => ({ ...u, overlay: null, focus: u.focus === 'input' ? 'checklist' : 'input' }));

  const toggleTaskById = (taskId: string) => withSnap((s) => {
    const task = s.project.plan.phases.flatMap((p) => p.tasks).find((t) => t.id === taskId);
    if (!task) return;
    const row = toggleTaskNow(ctx, s, task);
    setUi((u) => ({ ...u, viewPhase: task.phaseId }));
    refresh();
    setFlash(`${task.id} ${row.done ? 'done ✓' : 'reopened'}`, row.done ? 'ok' : 'info');
  });
  const startNote = (taskId: string) => {
    const s = getSnapshot();
    const current = s?.states.get(taskId)?.note ?? '';
    setNote({ text: current, cursor: current.length });
    setUi((u) => ({ ...u, noteFor: taskId }));
  };
  const finishNote = (save: boolean) => {
    const taskId = getUi().noteFor;
    if (!taskId) return;
    if (save) {
      withSnap((s) => {
        saveNote(ctx, s, taskId, getNote().text);
        refresh();
        setFlash(getNote().text.trim() ? `Note saved on ${taskId}` : `Note cleared on ${taskId}`, 'ok');
      });
    }
    setNote(EMPTY_EDITOR);
    setUi((u) => ({ ...u, noteFor: null }));
  };
  const resolveSuggestion = (accept: boolean) => {
    const s = suggestionsRef.current[0];
    if (!s) return setFlash('No suggestion is waiting');
    chat.setSuggestions((prev) => prev.filter((x) => x.key !== s.key));
    suggestionsRef.current = suggestionsRef.current.slice(1);
    if (!accept) return setFlash('Suggestion dismissed');
    withSnap((snapNow) => {
      chat.notice(applySuggestion(ctx, snapNow, s), 'ok');
      refresh();
    });
  };

  const commandCtx: CommandContext = {
    app: ctx,
    snapshot: () => {
      const s = getSnapshot();
      if (!s) throw new Error('no active project');
      return s;
    },
    session: { options: getSession, set: setSession },
    ui: {
      notice: chat.notice,
      openPanel: (p) => openOverlay(p.kind === 'decisions' ? { kind: 'decisions', all: false } : p),
      focusChecklist: () => setUi((u) => ({ ...u, overlay: null, focus: 'checklist' })),
      refresh,
      quit,
    },
    chat: { retry: () => chat.retry() },
  };

  const submit = () => {
    const text = getEditor().text;
    if (!text.trim()) return;
    if (isSlash(text)) {
      sent.current.push(text);
      histIndex.current = null;
      setEditor(EMPTY_EDITOR);
      runSlash(text, commandCtx);
      return;
    }
    if (chat.busyRef.current) {
      // Sent when the reply ends, as Claude Code does it.
      chat.enqueue(text);
      sent.current.push(text);
      histIndex.current = null;
      setEditor(EMPTY_EDITOR);
      return;
    }
    chat.send(text);
  };

  const browseHistory = (dir: -1 | 1) => {
    const hist = sent.current;
    if (!hist.length) return;
    let i = histIndex.current;
    if (i === null) {
      if (dir > 0) return;
      draft.current = getEditor().text;
      i = hist.length;
    }
    i = Math.max(0, i + dir);
    if (i >= hist.length) {
      histIndex.current = null;
      setEditor({ text: draft.current, cursor: draft.current.length });
      return;
    }
    histIndex.current = i;
    setEditor({ text: hist[i]!, cursor: hist[i]!.length });
  };

  const onCtrlC = () => {
    const now = Date.now();
    if (now - ctrlCAt.current < CTRL_C_WINDOW_MS) return quit();
    ctrlCAt.current = now;
    const u = getUi();
    if (chat.busyRef.current) {
      chat.cancel();
      return setFlash('Reply cancelled — Ctrl+C again to quit', 'warn');
    }
    if (u.noteFor) {
      finishNote(false);
      return setFlash('Note discarded — Ctrl+C again to quit', 'warn');
    }
    if (u.overlay) {
      closeOverlay();
      return setFlash('Ctrl+C again to quit', 'warn');
    }
    if (getEditor().text) {
      setEditor(EMPTY_EDITOR);
      return setFlash('Input cleared — Ctrl+C again to quit', 'warn');
    }
    quit();
  };

  const panelDeps: PanelKeyDeps = {
    getUi, setUi, getSnapshot, visiblePhase, setFlash, openOverlay, closeOverlay, toggleFocus, startNote,
    toggleTask: toggleTaskById,
    page: () => Math.max(1, layoutRef.current.panel - 1),
    overlayLineCount: () => overlayLinesRef.current,
    inputEmpty: () => getEditor().text === '',
    typeIntoInput: (ev) => {
      setUi((x) => ({ ...x, focus: 'input' }));
      const next = editorKey(getEditor(), ev, { multiline: true });
      if (next) setEditor(next);
    },
  };
  const handle = (ev: KeyEvent) => {
    if (quitting.current) return;
    const u = getUi();
    if (ev.kind === 'ctrl' && ev.letter === 'c') return onCtrlC();
    ctrlCAt.current = 0; // "press again to quit" holds only while nothing else is pressed
    if (ev.kind === 'ctrl' && (ev.letter === 'y' || ev.letter === 'x')) return resolveSuggestion(ev.letter === 'y');
    if (ev.kind === 'ctrl' && ev.letter === 'r') return chat.retry();
    if (ev.kind === 'escape') {
      if (u.noteFor) return finishNote(false);
      if (u.overlay) return closeOverlay();
      if (chat.cancel()) return setFlash('Cancelling…', 'warn');
      if (u.focus === 'checklist') return setUi((x) => ({ ...x, focus: 'input' }));
      return;
    }
    if (u.noteFor) {
      if (ev.kind === 'enter') return finishNote(true);
      if (ev.kind === 'tab') return;
      return setNote(editorKey(getNote(), ev, { multiline: true }) ?? getNote());
    }
    if (u.overlay) return overlayKey(ev, panelDeps);
    if (u.focus === 'checklist') return checklistKey(ev, panelDeps);
    // chat input
    if (ev.kind === 'enter') return submit();
    if (ev.kind === 'tab') {
      const matches = matchingCommands(getEditor().text);
      if (matches[0] && !ev.shift) {
        const c = matches[0];
        const text = `/${c.name}${c.args ? ' ' : ''}`;
        return setEditor({ text, cursor: text.length });
      }
      return toggleFocus();
    }
    if (ev.kind === 'text' && ev.text === '?' && getEditor().text === '') return openOverlay({ kind: 'help' });
    if (ev.kind === 'up' || ev.kind === 'down') {
      const dir = ev.kind === 'up' ? -1 : 1;
      const moved = editorKey(getEditor(), ev, { multiline: true });
      if (moved && histIndex.current === null) return setEditor(moved);
      // ↑ on an empty input takes the last queued message back to edit it (it is not sent).
      if (dir < 0 && getEditor().text === '' && histIndex.current === null) {
        const back = chat.takeLastQueued();
        if (back !== null) return setEditor({ text: back, cursor: back.length });
      }
      return browseHistory(dir);
    }
    const next = editorKey(getEditor(), ev, { multiline: true });
    if (next) {
      if (next.text !== getEditor().text) histIndex.current = null;
      setEditor(next);
    }
  };
  const handleRef = useRef(handle);
  handleRef.current = handle;
  useInput(useCallback((input: string, key: Key) => {
    for (const ev of decoder.current.feed(input, key)) handleRef.current(ev);
  }, []));

  // ----- render -----
  if (!snap || !phase) {
    return <Text color="yellow">No active project for this profile: run `coach` to start one, or `coach project resume`.</Text>;
  }
  if (exiting) {
    return (
      <>
        <Transcript items={chat.items} width={width} epoch={epoch} printed={printed} />
        <Text color="gray">Bye — everything is saved. `coach` brings you back.</Text>
      </>
    );
  }
  const keyHint = ui.noteFor
    ? 'Enter save note · Esc cancel'
    : ui.overlay
      ? '↑↓ scroll · Esc close · Tab chat · typing goes to chat'
      : ui.focus === 'checklist'
        ? '↑↓ move · ←→ phase · Space toggle · n note · Enter details · d decisions · Tab chat · typing goes to chat'
        : chat.busy
          ? `Enter queue${chat.queued.length ? ` (${chat.queued.length} queued, ↑ edits)` : ''} · Esc cancel reply · Tab checklist`
          : keyRejected && !snap.offline
            ? 'API key rejected: /offline uses the offline coach · Ctrl+R retry · /help'
            : `Enter send · ${NEWLINE_KEYS} newline · Tab checklist · /help · Ctrl+C quit`;
  const inputFocused = !ui.overlay && (ui.focus === 'input' || !!ui.noteFor);
  const placeholder = ui.noteFor
    ? 'a note for this task — Enter saves (empty clears)'
    : chat.busy ? 'the coach is replying — type ahead, Enter queues it' : 'message your coach — / for commands';
  return (
    <>
      <Transcript items={chat.items} width={width} epoch={epoch} printed={printed} />
      <Box flexDirection="column" width={width}>
        {layout.stream > 0 && chat.streaming ? <StreamingReply rows={streamRows} label={chat.streaming.label} height={layout.stream} /> : null}
        {layout.suggestion > 0 && suggestion ? <SuggestionLine text={suggestionText(suggestion, snap)} index={0} count={chat.suggestions.length} /> : null}
        {layout.plan > 0 ? <PlanLine progress={snap.progress} width={width} /> : null}
        {layout.panel > 0 && ui.overlay ? <Overlay title={overlayTitle} lines={overlayLines} scroll={ui.scroll} height={layout.panel} /> : null}
        {layout.panel > 0 && !ui.overlay ? (
          <Checklist
            phase={phase} phaseIndex={phaseIndex} phaseCount={phases.length} isCurrentPhase={phase.id === snap.progress.currentPhase.id}
            states={snap.states} cursor={cursor} focused={ui.focus === 'checklist' && !ui.noteFor} height={layout.panel} width={width}
          />
        ) : null}
        {layout.queue > 0 ? <QueuedLines texts={chat.queued} height={layout.queue} /> : null}
        <InputBox editor={activeEditor} focused={inputFocused} rows={layout.input} border={layout.inputBorder > 0} width={width} prompt={prompt} placeholder={placeholder} />
        {layout.hints > 0 ? <SlashHints commands={hints} height={layout.hints} /> : null}
        {layout.keys > 0 ? <KeysLine text={flash?.text ?? keyHint} tone={flash?.tone ?? 'hint'} /> : null}
        <StatusBar
          figures={{
            profile: snap.profile.displayName, project: snap.project.row.title, model: snap.offline ? null : snap.model,
            used: snap.today.messagesUsed, limit: snap.limit, costMicros: snap.today.costMicros, unpriced: snap.today.unpriced,
            costWarningUSD: snap.costWarningUSD,
          }}
          width={width}
        />
      </Box>
    </>
  );
}
