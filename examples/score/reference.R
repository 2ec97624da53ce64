# Reference numbers for test/score.test.ts and test/compare.test.ts, computed with R 4.2.2 and survey 4.1.1 from the
# fixture files in this folder (run from here: Rscript reference.R). CI has no R: the outputs are
# hard-coded in the test.
options(digits=15)
suppressMessages(library(survey))
s <- read.csv("sample.csv", encoding="UTF-8", stringsAsFactors=FALSE)
r <- read.csv("responses-1.csv", encoding="UTF-8", stringsAsFactors=FALSE)
r <- r[r$disposition == "complete", ]
d <- merge(r, s[, c("household_id", "street", "weight", "role")], by="household_id")
N <- tapply(s$weight[s$role=="primary"], s$stratum[s$role=="primary"], function(w) round(w[1]*length(w)))
d$N <- N[d$stratum]
d$awareness <- as.numeric(d$aware_campaign == 1)
d$support <- as.numeric(d$support_campaign == 1)
d$participation <- as.numeric(d$participate == 1)
d$satisfaction <- as.numeric(d$satisfaction %in% c(1,2))
d$core_values <- as.numeric(!is.na(d$core_values_know) & d$core_values_know %in% c(1,2))
for (ind in c("awareness","support","participation","satisfaction","core_values")) {
  for (grp in list(list("overall", unique(d$street)), list("全福街道","全福街道"), list("洪家楼街道","洪家楼街道"))) {
    dd <- d[d$street %in% grp[[2]], ]
    des <- svydesign(ids=~1, strata=~stratum, fpc=~N, data=dd)
    m <- svymean(as.formula(paste0("~", ind)), des)
    ci <- svyciprop(as.formula(paste0("~", ind)), des, method="beta")
    cat(sprintf("%s %s p=%.15f se=%.15f df=%d ci=%.15f %.15f\n", ind, grp[[1]], coef(m), SE(m), degf(des), attr(ci,"ci")[1], attr(ci,"ci")[2]))
  }
}
