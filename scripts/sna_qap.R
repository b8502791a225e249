#!/usr/bin/env Rscript
# Reference values for liaison's QAP correlation and MRQAP regression (package inference),
# computed with R's sna package (Butts), without any Go code.
#
#   Rscript scripts/sna_qap.R [OUT]      (default OUT: testdata/sna/qap.csv)
#
# It reads liaison data sets (CONTRACT.md §1) with read.csv, builds the relations as §2 says
# (bilateral: the summed weights of the active tie rows plus the exchanges' volumes; clubs:
# 1/(k-1) per pair of the k >= 2 members of each active club, Newman's projection; a tie
# domain: 1 where an active tie row lists it; a numeric tie column: the largest value among
# a pair's active rows), then runs sna's gcor, qaptest (gcor, mode "graph") and netlm (mode
# "graph", nullhyp "qapspp", t-value) with REPS permutations, and writes one CSV row per
# number: case, quantity, term, value.
#
# It also (re)generates the random data set testdata/qap-random (set.seed, so the same files
# every run): 40 actors, ties in two periods (rows since 1995 or 2005, until 2004 or open),
# a 0/1 tie column `defense`, domains, and 6 clubs; its relations are only weakly related,
# so its p-values are far from 0 and 1 and the Monte Carlo comparison means something.
#
# The Go test inference/reference_test.go compares the numbers with the inference package:
# deterministic ones to 1e-9, permutation p-values within a binomial bound. With
# LIAISON_EXTERNAL=1 it reruns this script first and checks that its output is unchanged.

suppressPackageStartupMessages(library(sna))

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "testdata/sna/qap.csv"
REPS <- 2000

# --- the random data set -------------------------------------------------------------------
gen_random <- function(dir) {
  set.seed(15)
  dir.create(dir, showWarnings = FALSE, recursive = TRUE)
  n <- 40
  ids <- sprintf("A%02d", 1:n)
  write.csv(data.frame(id = ids, region = sample(c("north", "south"), n, TRUE)),
            file.path(dir, "actors.csv"), row.names = FALSE, quote = FALSE)
  rows <- list()
  for (i in 1:(n - 1)) for (j in (i + 1):n) {
    if (runif(1) < 0.12) {
      early <- runif(1) < 0.7
      late <- if (early) runif(1) < 0.6 else TRUE
      since <- if (early) "1995" else "2005"
      until <- if (late) "" else "2004"
      doms <- paste(c("SIGINT", "HUMINT", "CT")[runif(3) < c(0.5, 0.4, 0.3)], collapse = ";")
      rows[[length(rows) + 1]] <- data.frame(source = ids[i], target = ids[j],
        weight = sample(1:3, 1), since = since, until = until, domains = doms,
        defense = as.integer(runif(1) < 0.3))
    }
  }
  ties <- do.call(rbind, rows)
  write.csv(ties, file.path(dir, "ties.csv"), row.names = FALSE, quote = FALSE, na = "")
  mem <- list()
  for (c in 1:6) {
    k <- sample(3:10, 1)
    for (a in sample(ids, k)) mem[[length(mem) + 1]] <- data.frame(club = sprintf("C%d", c), actor = a)
  }
  # everyone in some club, so that every actor is a node in every year
  members <- do.call(rbind, mem)
  for (a in setdiff(ids, members$actor)) members <- rbind(members, data.frame(club = "C0", actor = a))
  members <- rbind(members, data.frame(club = "C0", actor = ids[1]))
  write.csv(members, file.path(dir, "memberships.csv"), row.names = FALSE, quote = FALSE)
}

# --- reading a data set and building relations -----------------------------------------------
rd <- function(dir, f) {
  p <- file.path(dir, f)
  if (!file.exists(p)) return(NULL)
  read.csv(p, colClasses = "character", check.names = FALSE, na.strings = character(0))
}
year <- function(s) ifelse(s == "", NA, as.integer(substr(s, 1, 4)))
active <- function(df, at) {
  if (is.null(df) || is.na(at)) return(rep(TRUE, if (is.null(df)) 0 else nrow(df)))
  s <- if ("since" %in% names(df)) year(df$since) else rep(NA, nrow(df))
  u <- if ("until" %in% names(df)) year(df$until) else rep(NA, nrow(df))
  (is.na(s) | s <= at) & (is.na(u) | at <= u)
}

load <- function(dir) {
  list(actors = rd(dir, "actors.csv"), ties = rd(dir, "ties.csv"), clubs = rd(dir, "clubs.csv"),
       members = rd(dir, "memberships.csv"), exchanges = rd(dir, "exchanges.csv"))
}

# the nodes of a period: every actor (all time, with actors.csv) or the actors an active row
# references
nodes <- function(d, at) {
  if (is.na(at)) return(sort(d$actors$id))
  t <- d$ties[active(d$ties, at), ]
  m <- club_members(d, at)
  ex <- d$exchanges
  e <- if (is.null(ex)) character(0) else c(ex$from[year(ex$date) == at], ex$to[year(ex$date) == at])
  sort(unique(c(t$source, t$target, m$actor, e)))
}

club_members <- function(d, at) {
  m <- d$members[active(d$members, at), ]
  if (!is.null(d$clubs)) {
    ok <- d$clubs$id[active(d$clubs, at)]
    m <- m[m$club %in% ok, ]
  }
  m
}

empty <- function(ids) matrix(0, length(ids), length(ids), dimnames = list(ids, ids))
addpair <- function(M, a, b, v) {
  if (a %in% rownames(M) && b %in% rownames(M)) {
    M[a, b] <- M[a, b] + v
    M[b, a] <- M[b, a] + v
  }
  M
}

bilateral <- function(d, at, ids) {
  M <- empty(ids)
  t <- d$ties[active(d$ties, at), ]
  w <- if ("weight" %in% names(t)) ifelse(t$weight == "", 1, as.numeric(t$weight)) else rep(1, nrow(t))
  for (r in seq_len(nrow(t))) M <- addpair(M, t$source[r], t$target[r], w[r])
  ex <- d$exchanges
  if (!is.null(ex)) {
    if (!is.na(at)) ex <- ex[year(ex$date) == at, ]
    v <- ifelse(ex$volume == "", 1, as.numeric(ex$volume))
    for (r in seq_len(nrow(ex))) M <- addpair(M, ex$from[r], ex$to[r], v[r])
  }
  M
}

clubs <- function(d, at, ids) {
  M <- empty(ids)
  m <- club_members(d, at)
  for (c in unique(m$club)) {
    mem <- sort(unique(m$actor[m$club == c]))
    k <- length(mem)
    if (k < 2) next
    for (a in 1:(k - 1)) for (b in (a + 1):k) M <- addpair(M, mem[a], mem[b], 1 / (k - 1))
  }
  M
}

# 1 where an active tie row of the pair lists the domain
domain <- function(d, at, ids, dom) {
  M <- empty(ids)
  t <- d$ties[active(d$ties, at), ]
  for (r in seq_len(nrow(t))) {
    if (toupper(dom) %in% toupper(strsplit(t$domains[r], ";")[[1]])) {
      a <- t$source[r]; b <- t$target[r]
      if (a %in% ids && b %in% ids) { M[a, b] <- 1; M[b, a] <- 1 }
    }
  }
  M
}

# the largest value of a numeric column among the pair's active rows
column <- function(d, at, ids, col) {
  M <- empty(ids)
  t <- d$ties[active(d$ties, at), ]
  for (r in seq_len(nrow(t))) {
    a <- t$source[r]; b <- t$target[r]; v <- as.numeric(t[[col]][r])
    if (a %in% ids && b %in% ids && !is.na(v)) { M[a, b] <- max(M[a, b], v); M[b, a] <- M[a, b] }
  }
  M
}

# --- the cases ---------------------------------------------------------------------------------
res <- data.frame(case = character(0), quantity = character(0), term = character(0), value = numeric(0))
put <- function(case, quantity, term, value) {
  res[nrow(res) + 1, ] <<- list(case, quantity, term, value)
}

cor_case <- function(case, y, x) {
  put(case, "r", "", gcor(y, x, mode = "graph"))
  set.seed(1)
  q <- qaptest(list(y, x), gcor, g1 = 1, g2 = 2, mode = "graph", reps = REPS)
  put(case, "p_greater", "", q$pgreq)
  put(case, "p_less", "", q$pleeq)
  put(case, "p_two_sided", "", mean(abs(q$dist) >= abs(q$testval)))
  put(case, "reps", "", REPS)
}

lm_case <- function(case, y, xs, names) {
  if (length(xs) == 1) {
    x <- xs[[1]]
  } else {
    x <- array(0, dim = c(length(xs), nrow(y), nrow(y)))
    for (i in seq_along(xs)) x[i, , ] <- xs[[i]]
  }
  set.seed(1)
  f <- netlm(y, x, mode = "graph", nullhyp = "qapspp", reps = REPS)
  terms <- c("(intercept)", names)
  se <- sqrt(diag(chol2inv(f$qr$qr)) * sum(f$residuals^2) / f$df.residual)
  for (i in seq_along(terms)) {
    put(case, "estimate", terms[i], f$coefficients[i])
    put(case, "std_error", terms[i], se[i])
    put(case, "t", terms[i], f$tstat[i])
    put(case, "p_greater", terms[i], f$pgreq[i])
    put(case, "p_less", terms[i], f$pleeq[i])
    put(case, "p_two_sided", terms[i], f$pgreqabs[i])
  }
  yv <- f$fitted.values + f$residuals
  r2 <- 1 - sum(f$residuals^2) / sum((yv - mean(yv))^2)
  put(case, "r2", "", r2)
  put(case, "adj_r2", "", 1 - (1 - r2) * (f$n - 1) / f$df.residual)
  put(case, "reps", "", REPS)
}

gen_random("testdata/qap-random")

ex <- load("testdata/example")
ids <- nodes(ex, NA)
yb <- bilateral(ex, NA, ids)
xc <- clubs(ex, NA, ids)
cor_case("example bilateral~clubs", yb, xc)
lm_case("example bilateral~clubs+ties:sigint", yb, list(xc, domain(ex, NA, ids, "sigint")), c("clubs", "ties:sigint"))
ids05 <- nodes(ex, 2005)
lm_case("example 2005 bilateral~clubs", bilateral(ex, 2005, ids05), list(clubs(ex, 2005, ids05)), c("clubs"))

rn <- load("testdata/qap-random")
ids <- nodes(rn, NA)
yr <- bilateral(rn, NA, ids)
cor_case("random bilateral~clubs", yr, clubs(rn, NA, ids))
cor_case("random bilateral~ties:defense", yr, column(rn, NA, ids, "defense"))
lm_case("random bilateral~clubs+ties:defense+ties:humint", yr,
        list(clubs(rn, NA, ids), column(rn, NA, ids, "defense"), domain(rn, NA, ids, "humint")),
        c("clubs", "ties:defense", "ties:humint"))
# between periods: the union of the nodes of both years
idsp <- sort(unique(c(nodes(rn, 2010), nodes(rn, 2000))))
cor_case("random bilateral@2010~bilateral@2000", bilateral(rn, 2010, idsp), bilateral(rn, 2000, idsp))
lm_case("random bilateral@2010~bilateral@2000+clubs@2000", bilateral(rn, 2010, idsp),
        list(bilateral(rn, 2000, idsp), clubs(rn, 2000, idsp)), c("bilateral@2000", "clubs@2000"))

dir.create(dirname(out), showWarnings = FALSE, recursive = TRUE)
res$value <- sprintf("%.17g", res$value)
write.csv(res, out, row.names = FALSE)
cat(sprintf("wrote %s: %d numbers (sna %s, %s, %d permutations)\n", out, nrow(res),
            as.character(packageVersion("sna")), R.version.string, REPS))
