# Reference numbers for src/stats/hypergeometric.test.ts, computed with R (base stats only):
# the exact hypergeometric interval for a community's favourable count K given x favourable of n
# drawn from N (inverting the two one-sided tests), and the risk that an official simple random
# sample of n2 households fails the rule "at least c favourable", under a uniform or Jeffreys
# (beta-binomial(0.5, 0.5)) prior on K. Run: Rscript finite.R. The outputs are hard-coded in the test.
options(digits = 15)
hyper_ci <- function(x, n, N, conf = 0.95) {
  a <- (1 - conf) / 2
  K <- 0:N
  up <- phyper(x - 1, K, N - K, n, lower.tail = FALSE) # P(X >= x | K)
  lo <- phyper(x, K, N - K, n)                         # P(X <= x | K)
  c(min(K[up > a]), max(K[lo > a]))
}
fail_risk <- function(x, n, N, n2, c, prior = "uniform") {
  K <- 0:N
  lpr <- if (prior == "uniform") rep(0, N + 1) else lchoose(N, K) + lbeta(K + 0.5, N - K + 0.5)
  lpost <- lpr + dhyper(x, K, N - K, n, log = TRUE)
  post <- exp(lpost - max(lpost))
  post <- post / sum(post)
  sum(post * phyper(c - 1, K, N - K, n2))
}
cases <- list(c(22, 300, 22), c(21, 300, 22), c(0, 300, 22), c(11, 300, 22), c(8, 10, 10), c(17, 17, 17),
              c(12, 15, 12), c(0, 15, 12), c(7, 15, 12), c(21, 1000, 22), c(19, 2000, 22), c(3, 7, 5),
              c(20, 50, 22))
for (cs in cases) {
  x <- cs[1]; N <- cs[2]; n <- cs[3]
  for (conf in c(0.95, 0.9)) {
    k <- hyper_ci(x, n, N, conf)
    cat(sprintf("ci x=%d n=%d N=%d conf=%.2f K=[%d, %d]\n", x, n, N, conf, k[1], k[2]))
  }
}
# risk: official sample of min(22, N) households, rule x2/n2 >= t, i.e. c = ceiling(t * n2)
rcases <- list(c(22, 22, 300, 0.9), c(21, 22, 300, 0.9), c(20, 22, 300, 0.9), c(19, 22, 300, 0.9),
               c(22, 22, 30, 0.9), c(28, 30, 30, 0.9), c(8, 10, 10, 0.85), c(14, 21, 120, 0.85),
               c(20, 21, 2000, 0.8), c(5, 6, 9, 0.8), c(37, 40, 40, 0.9), c(0, 22, 300, 0.9))
for (cs in rcases) {
  x <- cs[1]; n <- cs[2]; N <- cs[3]; t <- cs[4]
  n2 <- min(22, N); c <- ceiling(t * n2 - 1e-9)
  for (prior in c("uniform", "jeffreys"))
    cat(sprintf("risk x=%d n=%d N=%d t=%.2f n2=%d c=%d %s %.15f\n", x, n, N, t, n2, c, prior,
                fail_risk(x, n, N, n2, c, prior)))
}
