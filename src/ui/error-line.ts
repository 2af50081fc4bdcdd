// A failure as the chat shows it: one short line in plain words, speaking in the UI's keys, never
// the API's raw JSON. `auth` marks a missing or rejected key: the UI then offers /offline for the
// rest of the session.
import { AuthError, LimitError, formatError } from '../errors.js';

export interface ErrorLine {
  text: string;
  /** The key is missing or rejected: offer the offline coach. */
  auth: boolean;
  /** Worth a /retry (the request may succeed later). */
  retryable: boolean;
}

const RETRY = 'Ctrl+R (/retry) sends it again';

/** Seconds to wait from a rate-limit answer's headers (retry-after, retry-after-ms), if given. */
export function retryAfterSeconds(err: unknown): number | null {
  const headers = (err as { cause?: { headers?: unknown } } | null)?.cause?.headers;
  if (!headers) return null;
  const get = (name: string): string | null => {
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
    const v = (headers as Record<string, unknown>)[name];
    return typeof v === 'string' ? v : null;
  };
  const raw = get('retry-after');
  if (raw) {
    const secs = Number(raw);
    if (Number.isFinite(secs) && secs > 0) return Math.ceil(secs);
    const at = Date.parse(raw);
    if (Number.isFinite(at)) return Math.max(1, Math.ceil((at - Date.now()) / 1000));
  }
  const ms = Number(get('retry-after-ms'));
  return Number.isFinite(ms) && ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : null;
}

function waitText(seconds: number): string {
  return seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

export function errorLine(err: unknown): ErrorLine {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof AuthError || (/api key|x-api-key|authentication/i.test(message) && /401|rejected|invalid|missing/i.test(message))) {
    if (/403|not allowed/i.test(message)) {
      return { text: 'Your API key may not use this model — /model picks another; /offline switches to the free offline coach.', auth: true, retryable: false };
    }
    return { text: 'Your API key was rejected — /offline switches to the free offline coach for this session; `coach config set-key` replaces the key.', auth: true, retryable: false };
  }
  if (err instanceof LimitError) return { text: `${formatError(err).replace(/^coach: /, '')} — /offline is free and not counted.`, auth: false, retryable: false };
  if (/overloaded|\b529\b/i.test(message)) return { text: `Claude is overloaded right now (nothing was lost) — ${RETRY} in a moment.`, auth: false, retryable: true };
  if (/rate limit|\b429\b/i.test(message)) {
    const wait = retryAfterSeconds(err);
    return { text: `The API is rate-limiting you — wait ${wait ? waitText(wait) : 'a minute'}, then ${RETRY}.`, auth: false, retryable: true };
  }
  if (/cannot reach|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|network|connection error/i.test(message)) {
    return { text: `Can't reach the Anthropic API (offline?) — ${RETRY} when you're back, or /offline for the offline coach.`, auth: false, retryable: true };
  }
  if (/dropped mid-reply|stopped sending data|ended before it was complete/i.test(message)) {
    return { text: `The reply was cut off (the partial reply was kept) — ${RETRY}.`, auth: false, retryable: true };
  }
  // Anything else: our one line, without a trailing JSON body.
  const line = formatError(err).replace(/^coach: /, '').replace(/:?\s*\d{3}\s*\{.*$|:?\s*\{"type".*$/s, '');
  return { text: `${line} — ${RETRY}.`, auth: false, retryable: true };
}
