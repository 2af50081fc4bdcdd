// Validation uses zod/mini: tree-shaken to a few KB, where full zod adds ~450 KB to every
// command's start-up. Importing this module gives it the English messages the full build has
// ("expected number, received string"). Schema files: `import * as z from 'zod/mini'` plus this.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
