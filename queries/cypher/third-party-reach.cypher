// name: third-party-reach
// params: actor string, k int 2
// columns: id, hops
// purpose: Who an actor's information can reach within k relational hops (third-party rule).
MATCH (a:Actor {id: $actor}), (b:Actor)
WHERE b <> a
MATCH p = shortestPath((a)-[:TIE*..15]-(b))
WHERE all(t IN relationships(p) WHERE t.class = 'relational')
WITH b, length(p) AS hops
WHERE hops <= $k
RETURN b.id AS id, hops
ORDER BY hops, id
