// `coach ask` in a terminal: the streamed reply rendered as markdown one paragraph at a time.
// Rendering per finished block (a blank line outside a code fence) keeps the reply streaming —
// the reader sees each paragraph as soon as it is complete — while every block is whole markdown
// when it is rendered: rendering token by token would print `**bo` before knowing it is bold, and
// rendering only at the end would show nothing for the whole reply.

/** Splits streamed text into finished markdown blocks; `end()` returns what is left. */
export class MarkdownBlocks {
  private buffer = '';

  /** Adds a delta; returns the blocks it finished (each without its trailing blank line). */
  push(delta: string): string[] {
    this.buffer += delta.replace(/\r\n?/g, '\n');
    const blocks: string[] = [];
    let start = 0;
    let fenced = false;
    let lineStart = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      if (this.buffer[i] !== '\n') continue;
      const line = this.buffer.slice(lineStart, i);
      if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
      else if (!fenced && line.trim() === '' && this.buffer.slice(start, lineStart).trim() !== '') {
        blocks.push(this.buffer.slice(start, lineStart).replace(/\n+$/, ''));
        start = i + 1;
      }
      lineStart = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    return blocks;
  }

  end(): string[] {
    const rest = this.buffer.replace(/\n+$/, '');
    this.buffer = '';
    return rest.trim() ? [rest] : [];
  }
}
