// Stand-in for optional modules that are never used at run time (react-devtools-core: Ink loads it
// only when DEV=true, for the React devtools).
export default {};
