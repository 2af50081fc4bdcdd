// The flags every command accepts (defined on the program in main.ts), as commands read them
// through optsWithGlobals(). In their own module so main.ts → commands → shared.ts is no cycle.
export interface GlobalOptions {
  profile?: string;
  color?: boolean;
  debug?: boolean;
  /** Tables keep only their essential columns (ccusage's --compact). */
  compact?: boolean;
}
