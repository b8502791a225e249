// name: trusted-path
// params: dataset string liaison, from string, to string
// columns: path, hops
// purpose: The shortest path between two actors over relational ties only.
MATCH (a:Actor {dataset: $dataset, id: $from}), (b:Actor {dataset: $dataset, id: $to})
MATCH p = shortestPath((a)-[:TIE*..15]-(b))
WHERE all(t IN relationships(p) WHERE t.class = 'relational')
RETURN [n IN nodes(p) | n.id] AS path, length(p) AS hops;
