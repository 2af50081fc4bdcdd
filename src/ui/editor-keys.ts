// Editing keys → editor changes (shared by the chat input, notes and the onboarding fields).
// Returns null for keys that are not editing keys (or a vertical move with no line to go to).
import * as ed from './editor.js';
import type { KeyEvent } from './keys.js';

export function editorKey(s: ed.EditorState, ev: KeyEvent, opts: { multiline: boolean }): ed.EditorState | null {
  switch (ev.kind) {
    case 'text':
      return ed.insert(s, ev.text);
    case 'paste':
      return ed.insert(s, opts.multiline ? ev.text : ev.text.replace(/\n+/g, ' '));
    case 'newline':
      return opts.multiline ? ed.insert(s, '\n') : s;
    case 'backspace':
      return ev.word ? ed.deleteWordBack(s) : ed.backspace(s);
    case 'delete':
      return ed.deleteForward(s);
    case 'left':
      return ed.left(s, ev.word);
    case 'right':
      return ed.right(s, ev.word);
    case 'home':
      return ed.home(s);
    case 'end':
      return ed.end(s);
    case 'up':
      return ed.vertical(s, -1);
    case 'down':
      return ed.vertical(s, 1);
    case 'ctrl':
      switch (ev.letter) {
        case 'a': return ed.home(s);
        case 'e': return ed.end(s);
        case 'u': return ed.killToLineStart(s);
        case 'k': return ed.killToLineEnd(s);
        case 'w': return ed.deleteWordBack(s);
        case 'd': return ed.deleteForward(s);
        case 'b': return ed.left(s);
        case 'f': return ed.right(s);
        default: return null;
      }
    default:
      return null;
  }
}
