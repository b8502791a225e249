#!/usr/bin/env Rscript
# Independent references for liaison's positions (structural equivalence, hierarchical
# clustering, blockmodels) and Gould-Fernandez brokerage, from R's sna package.
#
# For each case it rebuilds the layer's adjacency matrix from the data set's CSV files alone
# (ties.csv weights summed per pair, exchanges.csv volumes added; for the brokerage case also
# club co-membership from memberships.csv) and writes testdata/positions/<case>.txt with
# sna's sedist (hamming and euclidean), equiv.clust (complete linkage: merge and height),
# cutree memberships for k = 2..5 and blockmodel image matrices ("density"), and, for the
# brokerage case, sna's brokerage(g, cl)$raw.nli with the actors.csv regions as groups.
#
# Usage: Rscript scripts/sna_positions.R [--check]   (--check: fail if a file would change)
suppressMessages(library(sna))

args <- commandArgs(trailingOnly = TRUE)
check <- "--check" %in% args
file_arg <- grep("^--file=", commandArgs(FALSE), value = TRUE)
root <- normalizePath(file.path(dirname(sub("^--file=", "", file_arg)), ".."))
out_dir <- file.path(root, "testdata", "positions")

read_csv <- function(path) read.csv(path, colClasses = "character", check.names = FALSE, strip.white = TRUE)

# The nodes: actors.csv ids, or the ids the ties use; in byte order (Go's string order).
node_ids <- function(dir) {
  a <- file.path(dir, "actors.csv")
  if (file.exists(a)) ids <- read_csv(a)$id else {
    t <- read_csv(file.path(dir, "ties.csv"))
    ids <- unique(c(t$source, t$target))
  }
  sort(ids, method = "radix")
}

adjacency <- function(dir, ids, clubs = FALSE, binary = FALSE) {
  n <- length(ids)
  A <- matrix(0, n, n)
  add <- function(s, t, w) {
    i <- match(s, ids); j <- match(t, ids)
    A[i, j] <<- A[i, j] + w
    A[j, i] <<- A[j, i] + w
  }
  t <- read_csv(file.path(dir, "ties.csv"))
  w <- if ("weight" %in% names(t)) as.numeric(ifelse(t$weight == "", "1", t$weight)) else rep(1, nrow(t))
  for (r in seq_len(nrow(t))) add(t$source[r], t$target[r], w[r])
  x <- file.path(dir, "exchanges.csv")
  if (file.exists(x)) {
    e <- read_csv(x)
    v <- if ("volume" %in% names(e)) as.numeric(ifelse(e$volume == "", "1", e$volume)) else rep(1, nrow(e))
    for (r in seq_len(nrow(e))) add(e$from[r], e$to[r], v[r])
  }
  if (clubs) {
    m <- read_csv(file.path(dir, "memberships.csv"))
    for (cl in unique(m$club)) {
      mem <- unique(m$actor[m$club == cl])
      if (length(mem) >= 2) for (p in combn(mem, 2, simplify = FALSE)) add(p[1], p[2], 1)
    }
  }
  if (binary) A <- (A > 0) * 1
  A
}

num <- function(x) paste(ifelse(is.nan(x), "NaN", sprintf("%.17g", x)), collapse = " ")

positions_case <- function(dir, binary = FALSE) {
  ids <- node_ids(dir)
  A <- adjacency(dir, ids, binary = binary)
  lines <- c(paste("ids", paste(ids, collapse = " ")), paste("binary", as.integer(binary)))
  for (method in c("hamming", "euclidean")) {
    D <- sedist(A, method = method, mode = "graph")
    lines <- c(lines, paste(method, num(as.vector(t(D)))))
    ec <- equiv.clust(A, method = method, mode = "graph", cluster.method = "complete")
    lines <- c(lines, paste0("merge_", method, " ", paste(as.vector(t(ec$cluster$merge)), collapse = " ")))
    lines <- c(lines, paste0("height_", method, " ", num(ec$cluster$height)))
    lines <- c(lines, paste0("order_", method, " ", paste(ec$cluster$order - 1, collapse = " ")))
    for (k in 2:5) {
      memb <- cutree(ec$cluster, k)
      lines <- c(lines, paste0("cut_", method, "_", k, " ", paste(memb, collapse = " ")))
      bm <- blockmodel(A, ec, k = k, mode = "graph")
      lines <- c(lines, paste0("image_", method, "_", k, " ", num(as.vector(t(bm$block.model)))))
    }
  }
  lines
}

brokerage_case <- function(dir) {
  ids <- node_ids(dir)
  A <- adjacency(dir, ids, clubs = TRUE, binary = TRUE)
  reg <- read_csv(file.path(dir, "actors.csv"))
  cl <- as.integer(factor(reg$region[match(ids, reg$id)]))
  b <- brokerage(A, cl)$raw.nli
  c(paste("ids", paste(ids, collapse = " ")), paste("columns", paste(colnames(b), collapse = " ")),
    sapply(seq_len(nrow(b)), function(i) paste("row", ids[i], paste(b[i, ], collapse = " "))))
}

cases <- list(
  karate = function() positions_case(file.path(root, "testdata", "karate")),
  florentine = function() positions_case(file.path(root, "testdata", "florentine")),
  "example-binary" = function() positions_case(file.path(root, "testdata", "example"), binary = TRUE),
  "brokerage-example" = function() brokerage_case(file.path(root, "testdata", "example"))
)
changed <- character(0)
for (name in names(cases)) {
  body <- paste0(paste(cases[[name]](), collapse = "\n"), "\n")
  path <- file.path(out_dir, paste0(name, ".txt"))
  old <- if (file.exists(path)) paste0(paste(readLines(path), collapse = "\n"), "\n") else ""
  if (!identical(old, body)) {
    changed <- c(changed, path)
    if (!check) { dir.create(out_dir, showWarnings = FALSE, recursive = TRUE); writeLines(sub("\n$", "", body), path) }
  }
}
if (check && length(changed) > 0) { cat("would change:", changed, sep = "\n  "); quit(status = 1) }
cat(if (check) "checked" else "wrote", length(cases), "files\n")
