# Reference numbers for src/stats/two-proportion.test.ts (compare's interval and test), computed
# with R 4.2.2 and survey 4.1.1 (Rscript compare.R; prop.test warns that the chi-squared approximation may be poor: the
# Wilson interval it reports is what is used). CI has no R: the outputs are hard-coded in the test.
options(digits = 15)

# Wilson interval from prop.test; a census (n = N) has its rate exactly.
wilson <- function(x, n, N = Inf, conf = 0.95) {
  if (n >= N) return(c(x / n, x / n))
  as.numeric(prop.test(x, n, correct = FALSE, conf.level = conf)$conf.int)
}
# Newcombe (1998) method 10 for p2 − p1 (later minus earlier).
newcombe <- function(x1, n1, x2, n2, N1 = Inf, N2 = Inf, conf = 0.95) {
  w1 <- wilson(x1, n1, N1, conf); w2 <- wilson(x2, n2, N2, conf)
  p1 <- x1 / n1; p2 <- x2 / n2; d <- p2 - p1
  c(d - sqrt((p2 - w2[1])^2 + (w1[2] - p1)^2), d + sqrt((w2[2] - p2)^2 + (p1 - w1[1])^2))
}
# The dual p-value: the α at which the (1 − α) interval's bound nearer 0 reaches 0.
newcombe_p <- function(x1, n1, x2, n2, N1 = Inf, N2 = Inf) {
  d <- x2 / n2 - x1 / n1
  if (d == 0) return(1)
  g <- function(a) { ci <- newcombe(x1, n1, x2, n2, N1, N2, 1 - a); if (d > 0) ci[1] else -ci[2] }
  if (g(1e-15) > 0) return(0) # below 1e-15 (or never: a census at 100% against a sample)
  10^uniroot(function(u) g(10^u), c(-15, log10(1 - 1e-12)), tol = 1e-14)$root
}
cases <- list(
  # Newcombe 1998, Table II (his p1 − p2 is our later − earlier with the pairs swapped)
  c(48, 80, 56, 70), c(3, 10, 9, 10), c(2, 7, 6, 7), c(0, 29, 5, 56), c(0, 20, 0, 10), c(0, 10, 0, 10),
  c(0, 20, 10, 10), c(0, 10, 10, 10),
  # drill-sized cases
  c(15, 22, 21, 22), c(18, 22, 20, 22), c(15, 20, 19, 20), c(6, 10, 10, 10)
)
for (k in cases) {
  ci <- newcombe(k[1], k[2], k[3], k[4])
  cat(sprintf("%d/%d -> %d/%d: ci %.15f %.15f p %.15g\n", k[1], k[2], k[3], k[4], ci[1], ci[2],
              newcombe_p(k[1], k[2], k[3], k[4])))
}
fpc <- list(c(20, 22, 30, 22, 22, 22), c(18, 22, 22, 21, 22, 22), c(15, 20, 80, 19, 20, 80))
for (k in fpc) {
  ci <- newcombe(k[1], k[2], k[4], k[5], k[3], k[6])
  cat(sprintf("%d/%d of %d -> %d/%d of %d: ci %.15f %.15f p %.15g\n", k[1], k[2], k[3], k[4], k[5], k[6],
              ci[1], ci[2], newcombe_p(k[1], k[2], k[4], k[5], k[3], k[6])))
}
# Exact level of the test under "no change": both drills draw n of the same N households with K
# favourable; P(significant) = Σ dhyper(a) dhyper(b) [the interval excludes 0], largest over K.
size <- function(N, n) {
  best <- 0
  for (K in 0:N) {
    pa <- dhyper(0:n, K, N - K, n); s <- 0
    for (a in 0:n) for (b in 0:n) {
      if (pa[a + 1] * pa[b + 1] < 1e-15) next
      ci <- newcombe(a, n, b, n, N, N)
      if (ci[1] > 0 || ci[2] < 0) s <- s + pa[a + 1] * pa[b + 1]
    }
    best <- max(best, s)
  }
  best
}
for (k in list(c(10, 8), c(30, 22), c(40, 22))) cat(sprintf("size N=%d n=%d: %.15f\n", k[1], k[2], size(k[1], k[2])))
cat("holm", sprintf("%.15g", p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "holm")), "\n")

# Roll-ups: the two drills as one stratified design (strata drill × community, fpc N_h); the
# difference of the drills' means with svycontrast, its interval on df = degf(design).
suppressMessages(library(survey))
rollup <- function(strata) {
  rows <- do.call(rbind, lapply(seq_len(nrow(strata)), function(i) {
    s <- strata[i, ]
    data.frame(drill = s$drill, stratum = paste(s$drill, s$community), N = s$N,
               y = c(rep(1, s$x), rep(0, s$m - s$x)))
  }))
  des <- svydesign(ids = ~1, strata = ~stratum, fpc = ~N, data = rows)
  by <- svyby(~y, ~drill, des, svymean, covmat = TRUE)
  d <- svycontrast(by, c(-1, 1))
  est <- coef(d)[[1]]; se <- SE(d)[[1]]; df <- degf(des)
  cat(sprintf("d %.15f se %.15f df %d ci %.15f %.15f p %.15g\n", est, se, df,
              est - qt(0.975, df) * se, est + qt(0.975, df) * se, 2 * pt(-abs(est / se), df)))
}
rollup(data.frame(drill = c(1, 1, 1, 2, 2, 2), community = c("A", "B", "C", "A", "B", "C"),
                  N = c(80, 40, 30, 80, 40, 30), m = c(20, 22, 10, 20, 22, 10), x = c(15, 18, 10, 19, 21, 9)))
# a community missing from the later drill, and a different roster size
rollup(data.frame(drill = c(1, 1, 1, 2, 2), community = c("A", "B", "C", "A", "B"),
                  N = c(80, 40, 30, 85, 40), m = c(20, 22, 10, 22, 21), x = c(12, 17, 6, 20, 20)))
