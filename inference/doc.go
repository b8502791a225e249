// Package inference asks whether what liaison measures is more than chance: QAP correlation
// and MRQAP regression between relations (layers, tie columns, periods, data sets), the
// significance of hubs, centralisation and typology counts against a rewired null, and the
// comparison of two periods. It reads the period views (graphmodel.Layer) and the analyses
// (analysis.Result); it never reads files, prints or exits.
//
// # Relations
//
// A relation is a symmetric n×n Matrix over a sorted list of actors (the diagonal ignored):
// a layer's weights (LayerMatrix), a tie column or domain (TieColumnMatrix), of any period or
// of a second data set matched by actor id. Relations of several periods of one data set are
// compared over the union of their nodes (UnionActors): an actor absent from a period has no
// relation in it. The m = n(n−1)/2 unordered pairs are the observations.
//
// # QAP correlation (Correlate)
//
// r = Σ (x_ij − x̄)(y_ij − ȳ) / √(Σ (x_ij − x̄)² Σ (y_ij − ȳ)²) over the pairs i < j
// (Pearson; sna's gcor with mode "graph"). The null permutes x's rows and columns by one
// uniform random permutation π of the actors, x_ij → x_π(i)π(j), which keeps everything about
// x but its alignment with y (Krackhardt 1987). Since x̄ and Σx² do not change, a
// permutation costs Σ over the pairs with y_ij ≠ 0.
//
// # MRQAP regression (Regress)
//
// Ordinary least squares of y on an intercept and the xs over the pairs, by Householder QR:
// coefficients b, standard errors √(s² diag((XᵀX)⁻¹)) with s² = RSS/(m − p), t = b/se,
// R² = 1 − RSS/TSS and adjusted R² = 1 − (1 − R²)(m − 1)/(m − p). The null of each term is
// Dekker, Krackhardt and Snijders' (2007) double semi-partialling, as sna's netlm with
// nullhyp "qapspp" does it (the intercept is tested too): the term x_k is regressed on the
// other terms O, its residual e_k is permuted as a matrix, and y is regressed on O and the
// permuted residual; the statistic is that residual's t-value. By the block inverse, with
// G = OᵀO, c = Oᵀe_π and s = e_kᵀe_k − cᵀG⁻¹c,
//
//	b = (e_πᵀy − cᵀG⁻¹Oᵀy)/s,   RSS = RSS_O − b²s,   t = b / √(RSS/(m − p)/s),
//
// so each permutation is one pass over the pairs.
//
// # p-values
//
// As sna's qaptest and netlm: p_greater = #{t_π ≥ t}/R, p_less = #{t_π ≤ t}/R and
// p_two_sided = #{|t_π| ≥ |t|}/R over the R permutations (values within a relative 1e-9 of
// the observed count as equal). Permutation r is drawn from PCG(seed, stream·2³² + r), so a
// result depends on the seed only, never on the number of workers.
//
// # Significance (Significance)
//
// The null keeps the degrees of the bilateral layer and the sizes of the clubs: each draw
// rewires the period's bilateral edges by 10·m accepted double-edge swaps (a–b, c–d →
// a–d, c–b, rejected when they would make a loop or a double edge; an edge's rows — its tie
// rows and exchanges — move with it, so weights, spells and exchange records are kept) and
// shuffles the club memberships by 10·M accepted swaps between two clubs (actor a leaves club
// X for club Y and actor b leaves Y for X, rejected when a is already in Y or b in X), which
// keeps every club's size and every actor's number of clubs. The draw is analysed exactly as
// the data (same layer, period and options). For a statistic S with observed value s and
// draws S_1…S_R the p-values are (1 + #{S_r ≥ s})/(R + 1) and (1 + #{S_r ≤ s})/(R + 1) (the
// data counts as one draw of the null, so no p-value is 0). The statistics are each listed
// hub's score (and its rank among all actors), Freeman's degree and betweenness
// centralisation of the analysed layer, Σ (max c − c_i) over the maximum of that sum
// ((n − 1)(n − 2) for degree, n − 1 for normalised betweenness, both reached by a star),
// and the four typology counts.
//
// # Period comparison (Compare)
//
// Two analyses of one data set (years Y1 and Y2): the bilateral ties formed (in Y2, not Y1),
// dissolved, kept, and kept with a changed class; the QAP correlation of the two years'
// analysed layers over the union of their nodes; and the hubs that rose and fell, ranked by
// hub score among all actors of each year.
package inference
