// Package structure computes whole-network structures of an undirected graph given in
// compressed sparse rows ([Graph]; graphmodel.Layer.CSR gives one): Borgatti and Everett's
// core–periphery models, structural balance of a signed graph, and structural-equivalence
// positions with a blockmodel. It knows nothing of data sets or analyses; package analysis
// puts core–periphery and balance in the analyze document.
//
// # Core–periphery ([CorePeripheryOf])
//
// On the graph's edges, unweighted (a_ij ∈ {0, 1}, a_ii = 0):
//
//   - Continuous coreness (Borgatti and Everett 1999, MINRES form): c minimises
//     Σ_{i≠j} (a_ij − c_i c_j)². Gauss–Seidel coordinate descent, each step the exact
//     minimiser in c_i: c_i ← Σ_{j≠i} a_ij c_j / Σ_{j≠i} c_j², from c = degree, until no c_i
//     changes by more than 1e-13 of the largest. Reported at ‖c‖ = 1.
//   - Continuous fit: r = corr(a_ij, c_i c_j) over the pairs i < j, from
//     Σ_{i<j} c_i c_j = ((Σc)² − Σc²)/2, Σ_{i<j} (c_i c_j)² = ((Σc²)² − Σc⁴)/2 and the edge sums.
//   - Discrete model: core C, ideal δ_ij = 1 for i, j ∈ C, 0 for i, j ∉ C, pairs across
//     left out; fit r = corr(a_ij, δ_ij) over the N = |C|(|C|−1)/2 + |P|(|P|−1)/2 pairs kept:
//     with e_CC and e_PP the edges inside the core and the periphery, S_a = e_CC + e_PP,
//     S_δ = |C|(|C|−1)/2: r = (N e_CC − S_a S_δ) / √((N S_a − S_a²)(N S_δ − S_δ²)).
//     Search: every prefix (≥ 2, ≤ n−2) of the nodes by descending coreness, then the best
//     single move between core and periphery while one raises r.
//   - Block densities: e_CC / (|C|(|C|−1)/2), e_CP / (|C||P|), e_PP / (|P|(|P|−1)/2).
//
// # Structural balance ([SignedOf], [Signed.Triads], [Signed.BalancePartition])
//
// A signed graph has positive and negative ties; a pair with both is negative. A triangle
// (three pairs all signed) is balanced when it has an even number of negative ties (+ + +,
// + − −; Cartwright and Harary 1956), weakly balanced unless it is + + − (Davis 1967).
// Doreian and Mrvar's (1996) partition into k clusters minimises P(C) = α·N + (1−α)·P, N the
// negative ties inside clusters and P the positive ties between them (α = 0.5), by their
// relocation algorithm: from random partitions (seeded), the best move of one node to another
// cluster or swap of two nodes in different clusters, while one lowers P(C); the moves are
// scored in O(1) from each node's counts of positive and negative ties into each cluster.
//
// # Positions ([StructuralDistances], [CompleteLinkage], [CutTree], [BlockImage], [Positions])
//
// As R's sna (sedist, equiv.clust, blockmodel) on the symmetric valued adjacency matrix with
// the diagonal left out: d_ij = 2 Σ_{k≠i,j} |a_ik − a_jk| (hamming) or √(2 Σ_{k≠i,j}
// (a_ik − a_jk)²) (euclidean), from sparse sums: Σ_k |a_ik − a_jk| = s_i + s_j − 2a_ij −
// 2 Σ_k min(a_ik, a_jk). Complete linkage by R's hclust algorithm (Murtagh's nearest-neighbour
// lists: the first least distance wins), cut into k clusters numbered in the order of their
// first node (R's cutree); the image matrix holds each block pair's mean tie value over its
// cells i ≠ j.
package structure
