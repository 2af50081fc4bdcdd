// Entry point executed by bin/coach.js.
import { main } from './main.js';

const code = await main();
process.exitCode = code;
// Exit once stdout has drained: stray handles (keep-alive sockets, timers) must not hold the process.
process.stdout.write('', () => process.exit(code));
