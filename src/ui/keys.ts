// Keyboard input, decoded once. Ink hands us (input, key) per event; this turns them into a small
// set of editing and navigation events, and treats a paste as ONE edit: bracketed paste
// (ESC[200~ … ESC[201~, enabled by the app) and, for terminals without it, a multi-character
// chunk holding line breaks. An Enter arriving within PASTE_ENTER_GUARD_MS of a paste is dropped,
// so a pasted trailing newline never sends the message.
import type { Key } from 'ink';

export const PASTE_ENTER_GUARD_MS = 40;

export type KeyEvent =
  | { kind: 'text'; text: string }
  | { kind: 'paste'; text: string }
  | { kind: 'enter' }
  | { kind: 'newline' }
  | { kind: 'backspace'; word?: boolean }
  | { kind: 'delete' }
  | { kind: 'left' | 'right'; word?: boolean }
  | { kind: 'up' | 'down' | 'home' | 'end' | 'pageup' | 'pagedown' }
  | { kind: 'tab'; shift: boolean }
  | { kind: 'escape' }
  | { kind: 'ctrl'; letter: string };

const PASTE_START = '[200~';
const PASTE_END = '[201~';
// What is left of an escape sequence Ink did not recognise (ESC stripped): never typed text.
const STRAY_SEQUENCE = /^(?:\[[0-9;:?<=>]*[~A-Za-z^$@]|O[A-Za-z])$/;

export class KeyDecoder {
  private pasting = false;
  private pasteBuffer = '';
  private lastPasteAt = -Infinity;

  constructor(private readonly now: () => number = () => Date.now()) {}

  get inPaste(): boolean {
    return this.pasting;
  }

  feed(input: string, key: Key): KeyEvent[] {
    if (input === PASTE_START) {
      this.pasting = true;
      this.pasteBuffer = '';
      return [];
    }
    if (input === PASTE_END) {
      if (!this.pasting) return [];
      this.pasting = false;
      this.lastPasteAt = this.now();
      const text = normaliseBreaks(this.pasteBuffer);
      this.pasteBuffer = '';
      return text ? [{ kind: 'paste', text }] : [];
    }
    if (this.pasting) {
      if (key.return) this.pasteBuffer += '\n';
      else if (key.tab) this.pasteBuffer += '\t';
      else if (!key.escape && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && !key.backspace && !key.delete) this.pasteBuffer += input;
      return [];
    }
    return this.decode(input, key);
  }

  private decode(input: string, key: Key): KeyEvent[] {
    if (key.return) {
      if (this.now() - this.lastPasteAt < PASTE_ENTER_GUARD_MS) return [];
      return [key.meta ? { kind: 'newline' } : { kind: 'enter' }];
    }
    if (input === '\n') return [{ kind: 'newline' }]; // Ctrl+J
    if (key.tab) return [{ kind: 'tab', shift: key.shift }];
    if (key.escape) return [{ kind: 'escape' }];
    // Ink reports the usual Backspace (DEL, 0x7f) as `delete`; both erase to the left.
    if (key.backspace || key.delete) return [{ kind: 'backspace', word: key.meta }];
    if (key.leftArrow) return [{ kind: 'left', word: key.ctrl || key.meta }];
    if (key.rightArrow) return [{ kind: 'right', word: key.ctrl || key.meta }];
    if (key.upArrow) return [{ kind: 'up' }];
    if (key.downArrow) return [{ kind: 'down' }];
    if (key.home) return [{ kind: 'home' }];
    if (key.end) return [{ kind: 'end' }];
    if (key.pageUp) return [{ kind: 'pageup' }];
    if (key.pageDown) return [{ kind: 'pagedown' }];
    if (key.ctrl && input.length === 1) return [{ kind: 'ctrl', letter: input.toLowerCase() }];
    if (key.meta) {
      if (input === 'b') return [{ kind: 'left', word: true }];
      if (input === 'f') return [{ kind: 'right', word: true }];
      return [];
    }
    if (!input) return [];
    if (input.length > 1 && STRAY_SEQUENCE.test(input)) return [];
    if (input.length > 1 && /[\r\n]/.test(input)) {
      // A chunk with line breaks and no bracketed paste: typed-ahead text + Enter, or a paste.
      const single = /^([^\r\n]+)\r$/.exec(input);
      if (single) return [{ kind: 'text', text: single[1]! }, { kind: 'enter' }];
      this.lastPasteAt = this.now();
      return [{ kind: 'paste', text: normaliseBreaks(input) }];
    }
    return [{ kind: 'text', text: input }];
  }
}

function normaliseBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
