# Reference values for src/stats/quantiles.test.ts and src/stats/hypergeometric.test.ts.
# Run: Rscript scripts/reference-distributions.R (R 4.2.2 gave the values in the tests).
options(digits=17)
f <- function(x) formatC(x, digits=17, format="g")
cat("pnorm\n"); for (x in c(-37, -20, -8, -3, -1.5, -0.3, 0.2, 1, 2.9, 5)) cat(x, f(pnorm(x)), "\n")
cat("qnorm\n"); for (p in c(1e-300, 1e-20, 1e-8, 0.001, 0.025, 0.3, 0.975)) cat(p, f(qnorm(p)), "\n")
cat("qt\n"); for (df in c(1, 3.5, 21, 1e4, 1e7)) for (p in c(0.0005, 0.025, 0.3)) cat(p, df, f(qt(p, df)), "\n")
cat("qbeta\n"); for (ab in list(c(1,22), c(21,2), c(0.3,5), c(0.05,0.5), c(200.5,20.3), c(19000,1001), c(0.5,1e6))) for (p in c(1e-10, 0.025, 0.975)) cat(p, ab[1], ab[2], f(qbeta(p, ab[1], ab[2])), "\n")
cat("dhyper\n"); for (d in list(c(2,50000,2500,400), c(40,50000,2500,400), c(900,1e6,9e5,1000), c(960,1e6,9e5,1000), c(20,300,270,22), c(5,171,9,60))) cat(d, f(dhyper(d[1], d[3], d[2]-d[3], d[4])), "\n")
cat("phyper lower\n"); for (d in list(c(13,50000,2500,400), c(950,1e6,9e5,1000), c(19,300,270,22))) cat(d, f(phyper(d[1], d[3], d[2]-d[3], d[4])), "\n")
cat("phyper upper P(X>=k)\n"); for (d in list(c(40,50000,2500,400), c(942,1e6,9e5,1000), c(930,1e6,9e5,1000), c(20,300,270,22), c(9, 171, 9, 60))) cat(d, f(phyper(d[1]-1, d[3], d[2]-d[3], d[4], lower.tail=FALSE)), "\n")
