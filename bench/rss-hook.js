// Preloaded with `node --import` when GNU time is not available: writes this process's peak RSS
// (KiB) and CPU time to $BENCH_RSS_FILE when it exits, however it exits (process.exit included).
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      // the shape of GNU time's `%M %U %S`: KiB, user seconds, system seconds
      writeFileSync(file, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`);
    } catch {
      // nothing to report to
    }
  });
}
