// The multi-line input: the editor's rows (wrapped by display width) in a bordered box, a window
// of at most `rows` rows around the cursor, and the cursor drawn as an inverse cell.
import { Box, Text } from 'ink';
import { memo } from 'react';
import { layoutEditor, type EditorState } from '../editor.js';
import { theme } from '../theme.js';

export interface InputBoxProps {
  editor: EditorState;
  focused: boolean;
  rows: number;
  border: boolean;
  width: number;
  prompt: string;
  placeholder: string;
}

/** Width of the text inside the box: border, padding and prompt taken off. */
export function inputTextWidth(width: number, border: boolean, prompt: string): number {
  return Math.max(4, width - (border ? 4 : 0) - prompt.length);
}

export function inputRowCount(editor: EditorState, width: number, border: boolean, prompt: string): number {
  return layoutEditor(editor, inputTextWidth(width, border, prompt)).rows.length;
}

export const InputBox = memo(function InputBox(p: InputBoxProps) {
  const textWidth = inputTextWidth(p.width, p.border, p.prompt);
  const { rows, cursorRow } = layoutEditor(p.editor, textWidth);
  const visible = Math.max(1, p.rows);
  const start = rows.length <= visible ? 0 : Math.max(0, Math.min(cursorRow - visible + 1, rows.length - visible));
  const shown = rows.slice(start, start + visible);
  const empty = p.editor.text === '';
  const lines = shown.map((row, i) => {
    const prefix = i === 0 && start === 0 ? p.prompt : ' '.repeat(p.prompt.length);
    if (i === 0 && start > 0) {
      return <Text key={i} color={theme.dim} wrap="truncate-end">{`${' '.repeat(p.prompt.length)}… ${start + 1} more line${start === 0 ? '' : 's'} above`}</Text>;
    }
    if (empty && i === 0) {
      return (
        <Text key={i} wrap="truncate-end">
          <Text color={p.focused ? theme.focus : theme.dim}>{prefix}</Text>
          {p.focused ? <Text inverse> </Text> : null}
          <Text color={theme.dim}>{p.placeholder}</Text>
        </Text>
      );
    }
    if (p.focused && row.cursorCol >= 0 && row.cursorSpan) {
      const [a, b] = row.cursorSpan;
      const under = row.text.slice(a, b) || ' ';
      return (
        <Text key={i} wrap="truncate-end">
          <Text color={theme.focus}>{prefix}</Text>
          {row.text.slice(0, a)}
          <Text inverse>{under}</Text>
          {row.text.slice(b)}
        </Text>
      );
    }
    return (
      <Text key={i} wrap="truncate-end">
        <Text color={p.focused ? theme.focus : theme.dim}>{prefix}</Text>
        {row.text}
      </Text>
    );
  });
  if (!p.border) return <Box flexDirection="column">{lines}</Box>;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={p.focused ? theme.focus : theme.blur} paddingX={1} width={p.width}>
      {lines}
    </Box>
  );
});
