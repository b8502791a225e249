// name: third-party-reach
// params: dataset string liaison, actor string, k int 2
// columns: id, hops
// purpose: Who an actor's information can reach within k relational hops (third-party rule).
// One breadth-first traversal over relational ties (Neo4j plans it as VarLengthExpand(Pruning,BFS):
// each actor visited once, at its least depth); Cypher takes no parameter as a hop bound, so
// the pattern's bound is 15 and k filters the depths.
MATCH (a:Actor {dataset: $dataset, id: $actor})
MATCH p = (a)-[:TIE*1..15 {class: 'relational'}]-(b:Actor)
WHERE b <> a
WITH b, min(length(p)) AS hops
WHERE hops <= $k
RETURN b.id AS id, hops
ORDER BY hops, id;
