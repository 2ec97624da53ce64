#!/usr/bin/env node
// Simulation benchmark (part of `npm run bench`): 180 communities × 5 indicators × 100,000
// replicates, hhsurvey's engine side by side with the same simulation written in R with rhyper
// (when Rscript is installed: Debian package r-base-core). Each program runs in its own process,
// alternating, several times; the figures are medians. Numbers depend on the machine and its load.
//
//   node scripts/bench-simulate.mjs            (after npm run build)
//   BENCH_RUNS=5 BENCH_SIM_REPLICATES=100000 BENCH_SIM_DESIGNS=full,field node scripts/bench-simulate.mjs
//
// Two designs: "full response" (22 households, every one completes) and "field" (22 + 5 reserves,
// response rate 0.85: completes drawn from their exact law, then the favourable count given them).
// Both programs compute per community and indicator the pass rate, its SE, the rate's mean and
// 5/50/95% quantiles (type 1), and per street and overall the stratified estimate's pass rate,
// mean and quantiles, and the share of replicates where every community passes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const replicates = Number(process.env.BENCH_SIM_REPLICATES ?? 100_000);
const STRATA = 180;
const STREETS = 9;
const INDICATORS = [
  { id: 'awareness', threshold: 0.9, rate: 0.93 },
  { id: 'support', threshold: 0.9, rate: 0.95 },
  { id: 'participation', threshold: 0.8, rate: 0.85 },
  { id: 'satisfaction', threshold: 0.85, rate: 0.9 },
  { id: 'core_values', threshold: 0.85, rate: 0.88 },
];
const DESIGNS = {
  full: { size: 22, reserves: 0, responseRate: 1 },
  field: { size: 22, reserves: 5, responseRate: 0.85 },
};

/** The benchmark design, deterministic: uneven community sizes (~1,000,000 households), rates ±3 points. */
function benchDesign() {
  const strata = [];
  for (let h = 0; h < STRATA; h++) {
    const population = 1500 + ((h * 7919) % 8000); // 1,500–9,499 households, mean ≈ 5,500
    const rates = INDICATORS.map((ind, i) =>
      Math.min(1, Math.max(0, ind.rate + ((((h + 1) * (i + 3) * 37) % 61) - 30) / 1000)),
    );
    strata.push({ key: `c${String(h).padStart(3, '0')}`, street: `s${h % STREETS}`, population, rates });
  }
  return strata;
}

// ---------------------------------------------------------------- child: one JS run
async function childJs(which) {
  const { simulateDesign } = await import(join(root, 'dist/simulation/simulate-design.js'));
  const { indicatorPopulation } = await import(join(root, 'dist/simulation/model.js'));
  const { seededStreams } = await import(join(root, 'dist/simulation/streams.js'));
  const d = DESIGNS[which];
  const design = {
    strata: benchDesign().map((s) => ({
      key: s.key,
      groups: { street: s.street },
      population: s.population,
      size: d.size,
      reserves: d.reserves,
      indicators: s.rates.map((p) => indicatorPopulation(s.population, p, 0, 'not_favourable')),
    })),
    indicators: INDICATORS.map((i) => ({ id: i.id, rule: { kind: 'point', threshold: i.threshold } })),
    responseRate: d.responseRate,
    levels: ['street'],
  };
  const t = performance.now();
  const res = simulateDesign(design, { replicates, streams: seededStreams('bench') });
  const seconds = (performance.now() - t) / 1000;
  const meanPass = res.strata.reduce((a, r) => a + r.pPass, 0) / res.strata.length;
  const meanExact = res.strata.reduce((a, r) => a + r.pPassExact, 0) / res.strata.length;
  const overall = res.levels.filter((l) => l.level === 'overall').map((l) => l.pPass.toFixed(4));
  process.stdout.write(
    `${JSON.stringify({ seconds, meanPass, meanExact, overall, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
}

// ---------------------------------------------------------------- R program
function rProgram(which) {
  const d = DESIGNS[which];
  const strata = benchDesign();
  const vec = (xs) => `c(${xs.join(',')})`;
  return `
R <- ${replicates}L; n <- ${d.size}L; reserves <- ${d.reserves}L; r <- ${d.responseRate}
N <- ${vec(strata.map((s) => s.population))}
street <- ${vec(strata.map((s) => `"${s.street}"`))}
rates <- matrix(${vec(strata.flatMap((s) => s.rates))}, ncol = ${INDICATORS.length}, byrow = TRUE)
thr <- ${vec(INDICATORS.map((i) => i.threshold))}
set.seed(20260101)
q1 <- function(x) quantile(x, c(0.05, 0.5, 0.95), type = 1, names = FALSE)
t0 <- proc.time()[["elapsed"]]
# fieldwork outcomes: completes n after v = n..n+reserves visits, or k < n with every reserve used
if (r < 1) {
  v <- n:(n + reserves); k <- 0:(n - 1)
  pr <- c(choose(v - 1, n - 1) * r^n * (1 - r)^(v - n), dbinom(k, n + reserves, r))
  m_of <- c(rep(n, length(v)), k); used_of <- c(v - n, rep(reserves, length(k)))
}
groups <- c(unique(street), "overall")
H <- length(N); I <- ncol(rates); G <- length(groups)
members <- lapply(groups, function(g) if (g == "overall") rep(TRUE, H) else street == g)
Ng <- sapply(members, function(w) sum(N[w]))
zero <- numeric(R)
est <- rep(list(zero), G * I); wsum <- rep(list(zero), G * I); failed <- rep(list(logical(R)), G * I)
res <- vector("list", H * I)
for (h in 1:H) {
  if (r < 1) { o <- sample.int(length(pr), R, replace = TRUE, prob = pr); m <- m_of[o]; used <- mean(used_of[o]) } else { m <- n; used <- 0 }
  ok <- m > 0
  gi <- c(match(street[h], groups), G)
  for (i in 1:I) {
    K <- floor(rates[h, i] * N[h] + 0.5 + 1e-9)
    x <- rhyper(R, K, N[h] - K, m)
    need <- ceiling(thr[i] * (0:n) - 1e-9)
    rate <- x / pmax(m, 1)
    pass <- ok & x >= need[m + 1]
    p <- mean(pass)
    res[[(h - 1) * I + i]] <- c(p, sqrt(p * (1 - p) / R), mean(rate[ok]), q1(rate[ok]), used)
    for (g in gi) {
      k <- (g - 1) * I + i
      W <- N[h] / Ng[g]
      est[[k]] <- est[[k]] + W * rate * ok
      wsum[[k]] <- wsum[[k]] + W * ok
      failed[[k]] <- failed[[k]] | !pass
    }
  }
}
lev <- list()
for (k in seq_len(G * I)) {
  i <- (k - 1) %% I + 1
  e <- est[[k]] / wsum[[k]]
  p <- mean(e >= thr[i] - 1e-12)
  lev[[k]] <- c(p, sqrt(p * (1 - p) / R), mean(e), q1(e), mean(!failed[[k]]))
}
secs <- proc.time()[["elapsed"]] - t0
mp <- mean(sapply(res, function(z) z[1]))
ov <- sapply(lev[(length(lev) - I + 1):length(lev)], function(z) sprintf("%.4f", z[1]))
cat(sprintf('{"seconds": %.4f, "meanPass": %.6f, "overall": [%s]}\\n', secs, mp, paste0('"', ov, '"', collapse = ",")))
`;
}

/** R's draws alone, nothing else: a floor for any R implementation of the same simulation. */
function rDrawsOnly(which) {
  const d = DESIGNS[which];
  const strata = benchDesign();
  const vec = (xs) => `c(${xs.join(',')})`;
  return `
R <- ${replicates}L; n <- ${d.size}L
N <- ${vec(strata.map((s) => s.population))}
rates <- matrix(${vec(strata.flatMap((s) => s.rates))}, ncol = ${INDICATORS.length}, byrow = TRUE)
set.seed(20260101)
t0 <- proc.time()[["elapsed"]]
s <- 0
for (h in seq_along(N)) for (i in 1:ncol(rates)) {
  K <- floor(rates[h, i] * N[h] + 0.5 + 1e-9)
  s <- s + sum(rhyper(R, K, N[h] - K, n))
}
secs <- proc.time()[["elapsed"]] - t0
cat(sprintf('{"seconds": %.4f, "meanPass": %.6f, "overall": []}\\n', secs, s / (R * length(N) * ncol(rates) * n)))
`;
}

// ---------------------------------------------------------------- parent
function timedRun(cmd, args) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}):\n${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop();
  return { wall, ...JSON.parse(last) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const child = process.argv[2];
  if (child === '--child-js') return childJs(process.argv[3]);
  const hasR = spawnSync('Rscript', ['--version']).status === 0;
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  console.log(
    `\nsimulation benchmark: ${STRATA} communities × ${INDICATORS.length} indicators × ${replicates.toLocaleString('en-US')} replicates, ` +
      `${runs} runs each (medians), node ${process.version}${hasR ? '' : '; Rscript not installed: no side-by-side figure'}`,
  );
  for (const which of (process.env.BENCH_SIM_DESIGNS ?? Object.keys(DESIGNS).join(',')).split(',')) {
    const rFile = join(dir, `bench-simulate-${which}.R`);
    const rFloor = join(dir, `bench-simulate-${which}-draws.R`);
    const floor = hasR && which === 'full';
    if (hasR) writeFileSync(rFile, rProgram(which));
    if (floor) writeFileSync(rFloor, rDrawsOnly(which));
    const js = [];
    const r = [];
    const f = [];
    for (let k = 0; k < runs; k++) {
      // Alternate, so all see the same machine load.
      js.push(timedRun(process.execPath, [fileURLToPath(import.meta.url), '--child-js', which]));
      if (hasR) r.push(timedRun('Rscript', ['--vanilla', rFile]));
      if (floor) f.push(timedRun('Rscript', ['--vanilla', rFloor]));
    }
    const d = DESIGNS[which];
    console.log(
      `design "${which}": n = ${d.size}, reserves ${d.reserves}, response rate ${d.responseRate} ` +
        `(load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
    );
    const line = (label, xs) =>
      console.log(
        `  ${label.padEnd(24)} compute ${median(xs.map((x) => x.seconds))
          .toFixed(2)
          .padStart(6)} s   process ${median(xs.map((x) => x.wall))
          .toFixed(2)
          .padStart(6)} s   (compute runs: ${xs.map((x) => x.seconds.toFixed(2)).join(', ')})`,
      );
    line('hhsurvey (Node)', js);
    console.log(
      `    mean P(pass) over cells: MC ${js[0].meanPass.toFixed(4)}, exact ${js[0].meanExact.toFixed(4)}; overall P(pass) ${js[0].overall.join(' ')}; peak RSS ${median(js.map((x) => x.maxRssMb)).toFixed(0)} MB`,
    );
    if (hasR) {
      line('R rhyper', r);
      console.log(
        `    mean P(pass) over cells: MC ${r[0].meanPass.toFixed(4)}; overall P(pass) ${r[0].overall.join(' ')}`,
      );
      if (floor) line('R rhyper draws only', f);
      const ratio = median(js.map((x) => x.seconds)) / median(r.map((x) => x.seconds));
      console.log(`  time ratio hhsurvey / R (compute): ${ratio.toFixed(2)} (target <= 0.35)`);
    }
  }
}

await main();
