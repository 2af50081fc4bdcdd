// Stand-in for cli-highlight inside the bundle. marked-terminal imports it to colour code blocks;
// the real one loads highlight.js with every language (~0.2 s before the UI can paint). Code in a
// coach's reply is rare and stays readable uncoloured.
export function highlight(code) {
  return code;
}
export function supportsLanguage() {
  return false;
}
export default { highlight, supportsLanguage };
