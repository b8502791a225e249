// name: third-party-reach
// params: dataset string liaison, actor string, k int 2
// columns: id, hops
// purpose: Who an actor's information can reach within k relational hops (third-party rule).
// requires: apoc
// With APOC, apoc.cypher.run puts k inside the pattern as its literal bound (Cypher takes no
// parameter there): one breadth-first traversal that stops at depth k.
MATCH (a:Actor {dataset: $dataset, id: $actor})
WHERE $k >= 1
CALL apoc.cypher.run(
  'MATCH p = (a)-[:TIE*1..' + toString(toInteger($k)) + " {class: 'relational'}]-(b:Actor) WHERE b <> a " +
  'RETURN b.id AS id, min(length(p)) AS hops', {a: a}) YIELD value
RETURN value.id AS id, value.hops AS hops
ORDER BY hops, id;
