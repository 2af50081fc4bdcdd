// Entry point executed by bin/coach.js.
import { CANCEL_EXIT, guardOutputStreams, stdoutIsClosed } from './lifecycle.js';
import { main } from './main.js';

guardOutputStreams();
const code = await main();
process.exitCode = code;
// Exit once stdout has drained: stray handles (keep-alive sockets, timers) must not hold the process.
// A stdout closed by its reader turns a success into 141 (what SIGPIPE would have given).
const closedExit = () => (code === 0 ? CANCEL_EXIT.EPIPE : code);
if (stdoutIsClosed()) process.exit(closedExit());
process.stdout.write('', (err) => process.exit(err || stdoutIsClosed() ? closedExit() : code));
