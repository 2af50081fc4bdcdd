// One exchange at a time with the coach, through runExchange (which stores everything itself):
// the user message appears as soon as it is stored, the detector's findings right after, the
// reply streams through a token batcher, and the finished (or interrupted) reply goes to the
// transcript. Limits and usage errors come back as one line; the input is kept for a retry.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppContext } from '../../app/context.js';
import { runExchange } from '../../app/exchange.js';
import { secondRead, wantsSecondReading } from '../../app/second-reader.js';
import { OFFLINE_LABEL } from '../../coach/offline.js';
import type { DetectedCompletion, DetectedDecision} from '../../detector/types.js';
import { numbersOf, type Numbers } from '../../plan/metrics.js';
import { formatError } from '../../errors.js';
import { nextKey, messageItem, sessionContext, labelOf, findTask, type SessionOptions, type Snapshot, type Tone, type TranscriptItem } from '../session.js';
import { TokenBatcher } from '../stream-batcher.js';
import { errorLine } from '../error-line.js';
import { useMessageQueue } from './useMessageQueue.js';

/** `by: 'reader'`: proposed by the second reader (a cheap model), not the rules. */
export type Suggestion =
  | { key: string; kind: 'decision'; decision: DetectedDecision; sourceMessageId: number; by?: 'reader' }
  | { key: string; kind: 'task'; completion: DetectedCompletion; sourceMessageId: number; by?: 'reader' }
  | { key: string; kind: 'numbers'; numbers: Numbers; sourceMessageId: number; by?: 'reader' };

export interface Streaming {
  text: string;
  label: string;
}

export interface ChatDeps {
  ctx: AppContext;
  snapshot: () => Snapshot | null;
  session: () => SessionOptions;
  refresh: () => void;
  /** The message was stored: the input can be cleared. */
  onAccepted: (text: string) => void;
  /** A reply failed while messages were queued: they are handed back (not sent). */
  onHeld?: (texts: string[]) => void;
  /** The key is missing or was rejected: the UI offers /offline from now on. */
  onAuthFailure?: () => void;
}

/** "coach: …" is for the command line; in the chat the line speaks for itself. */
export const uiError = (err: unknown) => formatError(err).replace(/^coach: /, '');

export function useChat(deps: ChatDeps, initial: TranscriptItem[]) {
  const [items, setItems] = useState<TranscriptItem[]>(initial);
  const [streaming, setStreaming] = useState<Streaming | null>(null);
  const [busy, setBusy] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const queue = useMessageQueue();
  /** Set on quit: nothing queued is sent any more. */
  const stopped = useRef(false);
  const sendRef = useRef<(text: string) => boolean>(() => false);
  const busyRef = useRef(false);
  const abortRef = useRef<AbortController | null>(null);
  const settled = useRef<Promise<void>>(Promise.resolve());
  // The second reading runs after the reply, in the background: the input is free meanwhile.
  const reading = useRef<{ promise: Promise<void>; abort: AbortController } | null>(null);
  const depsRef = useRef(deps);
  depsRef.current = deps;
  const labelRef = useRef('');
  /** The last message handed to send(): what /retry sends again. */
  const lastText = useRef<string | null>(null);
  /** Its stored row, once stored: a retry answers it again instead of storing it twice (runExchange's retryOf). */
  const lastStoredId = useRef<number | null>(null);
  const batcher = useRef<TokenBatcher | null>(null);
  batcher.current ??= new TokenBatcher((text) => setStreaming({ text, label: labelRef.current }));

  useEffect(() => () => batcher.current?.reset(), []);

  const append = useCallback((...more: TranscriptItem[]) => setItems((prev) => [...prev, ...more]), []);
  const notice = useCallback((text: string, tone: Tone = 'info') => append({ kind: 'notice', key: nextKey('n'), text, tone }), [append]);

  const start = useCallback((text: string, retryOf?: number): boolean => {
    if (busyRef.current) return false;
    const d = depsRef.current;
    const snap = d.snapshot();
    if (!snap) return false;
    const session = d.session();
    if (retryOf === undefined) lastStoredId.current = null;
    lastText.current = text;
    const controller = new AbortController();
    abortRef.current = controller;
    busyRef.current = true;
    setBusy(true);
    const b = batcher.current!;
    b.reset();
    let userMessageId = 0;
    let userText = text;
    const found: Suggestion[] = [];
    let failed = false;
    const fail = (err: unknown) => {
      failed = true;
      const line = errorLine(err);
      if (line.auth) depsRef.current.onAuthFailure?.();
      notice(line.text, 'error');
    };
    const run = async () => {
      try {
        const result = await runExchange(sessionContext(d.ctx, session), {
          profile: snap.profile, project: snap.project, text, offline: session.offline, surface: 'tui', signal: controller.signal, retryOf,
          onEvent: (e) => {
            if (e.type === 'user') {
              userMessageId = e.message.id;
              lastStoredId.current = e.message.id;
              userText = e.message.content;
              // A retried message is on screen already, from its first attempt.
              if (e.retried) return;
              d.onAccepted(text);
              append(messageItem(e.message));
            } else if (e.type === 'detected') {
              const lines: TranscriptItem[] = [];
              for (const dec of e.applied.decisions) {
                lines.push({ kind: 'notice', key: nextKey('n'), tone: 'ok', text: `Recorded ${dec.category} decision: ${dec.value ?? dec.decision}` });
              }
              for (const id of e.applied.tasksCompleted) {
                const t = findTask(snap, id);
                lines.push({ kind: 'notice', key: nextKey('n'), tone: 'ok', text: `Marked ${id}${t ? ` ${t.title}` : ''} done` });
              }
              if (lines.length) append(...lines);
              for (const dec of e.applied.suggestedDecisions) found.push({ key: nextKey('s'), kind: 'decision', decision: dec, sourceMessageId: userMessageId });
              for (const c of e.applied.suggestedCompletions) found.push({ key: nextKey('s'), kind: 'task', completion: c, sourceMessageId: userMessageId });
              // The numbers of one message are one check-in: one suggestion, one Ctrl+Y.
              if (e.applied.suggestedNumbers.length) found.push({ key: nextKey('s'), kind: 'numbers', numbers: numbersOf(e.applied.suggestedNumbers), sourceMessageId: userMessageId });
              if (found.length) setSuggestions((prev) => [...prev, ...found].slice(-5));
              d.refresh();
            } else if (e.type === 'start') {
              labelRef.current = e.offline ? OFFLINE_LABEL : e.model;
              setStreaming({ text: '', label: labelRef.current });
            } else if (e.type === 'text') {
              b.push(e.delta);
            } else if (e.type === 'warning') {
              append({ kind: 'notice', key: nextKey('n'), tone: 'warn', text: e.message });
            }
          },
        });
        b.reset();
        setStreaming(null);
        const out: TranscriptItem[] = [];
        if (result.assistantMessageId !== null && (result.reply || result.status !== 'error')) {
          out.push({
            kind: 'message', key: `m${result.assistantMessageId}`, role: 'assistant', content: result.reply,
            status: result.status, label: result.offline ? OFFLINE_LABEL : labelOf(result.model),
          });
        }
        if (result.status === 'interrupted' && controller.signal.aborted) {
          out.push({ kind: 'notice', key: nextKey('n'), tone: 'warn', text: 'Interrupted — the partial reply was kept.' });
        }
        if (out.length) append(...out);
        if (result.error && !controller.signal.aborted) fail(result.error);
        const exchangeCtx = sessionContext(d.ctx, session);
        if (wantsSecondReading(exchangeCtx, result)) {
          const abort = new AbortController();
          const promise = secondRead(exchangeCtx, { profile: snap.profile, project: snap.project, message: userText, exchange: result, signal: abort.signal }).then((r) => {
            if (!r || abort.signal.aborted) return;
            const more: Suggestion[] = [
              ...r.decisions.map((dec): Suggestion => ({ key: nextKey('s'), kind: 'decision', decision: dec, sourceMessageId: userMessageId, by: 'reader' })),
              ...r.completions.map((c): Suggestion => ({ key: nextKey('s'), kind: 'task', completion: c, sourceMessageId: userMessageId, by: 'reader' })),
            ];
            if (more.length) setSuggestions((prev) => [...prev, ...more].slice(-5));
            depsRef.current.refresh();
          });
          reading.current = { promise, abort };
        }
      } catch (err) {
        // LimitError / UsageError: thrown before anything was stored; the input stays as typed.
        b.reset();
        setStreaming(null);
        fail(err);
      } finally {
        busyRef.current = false;
        abortRef.current = null;
        setBusy(false);
        depsRef.current.refresh();
        // The reply ended (or was cancelled): the next queued message goes out; after a failure
        // they go back to the input instead, so nothing is sent into a known problem.
        if (!stopped.current) {
          if (failed) {
            const held = queue.takeAll();
            if (held.length) {
              depsRef.current.onHeld?.(held);
              const one = held.length === 1;
              notice(`${one ? 'Your queued message is' : `Your ${held.length} queued messages are`} back in the input, not sent — Enter sends ${one ? 'it' : 'them'} when you are ready.`, 'warn');
            }
          } else {
            const next = queue.shift();
            if (next !== null) sendRef.current(next);
          }
        }
      }
    };
    settled.current = run();
    return true;
  }, [append, notice, queue]);
  const send = useCallback((text: string): boolean => start(text), [start]);
  sendRef.current = send;

  /** Enter while a reply streams: the message waits for the reply to end. */
  const enqueue = useCallback((text: string) => queue.add(text), [queue]);
  /** Quitting: nothing queued goes out, the running reply is cancelled. */
  const stop = useCallback(() => {
    stopped.current = true;
    queue.takeAll();
    abortRef.current?.abort();
  }, [queue]);

  const cancel = useCallback((): boolean => {
    if (!abortRef.current) return false;
    abortRef.current.abort();
    return true;
  }, []);

  const retry = useCallback((): void => {
    if (busyRef.current) return notice('The coach is still replying — Esc cancels it first', 'warn');
    if (lastText.current === null) return notice('Nothing to retry yet: send a message first', 'warn');
    start(lastText.current, lastStoredId.current ?? undefined);
  }, [notice, start]);

  return {
    items, append, notice, streaming, busy, busyRef, send, cancel, retry, suggestions, setSuggestions,
    queued: queue.queued, enqueue, takeLastQueued: queue.takeLast, stop,
    /** Resolves when the running exchange (if any) has stored its outcome; a second reading still running is cancelled. */
    settled: () => {
      reading.current?.abort.abort();
      return Promise.all([settled.current, reading.current?.promise]).then(() => undefined);
    },
  };
}
