// Output that would otherwise be written behind Ink (console calls, process warnings) is sent
// here and shown as a line in the chat.
type Listener = (line: string, tone: 'info' | 'warn') => void;

const listeners = new Set<Listener>();

export const strayLines = {
  emit(line: string, tone: 'info' | 'warn'): void {
    for (const l of listeners) l(line, tone);
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
