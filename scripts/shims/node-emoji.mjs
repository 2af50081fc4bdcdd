// Stand-in for node-emoji inside the bundle. marked-terminal imports it to turn :shortcodes: into
// emoji; its table (emojilib) is 210 KB to parse before the UI can paint. Shortcodes stay as text.
export function get() {
  return undefined;
}
export default { get };
