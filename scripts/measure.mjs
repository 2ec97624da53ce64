// Run one hhsurvey command in this process and report its peak memory (maxRSS) on stderr at exit,
// so the benchmark measures the real command, start-up included.
import { main } from '../dist/cli/main.js';

process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
main(process.argv);
