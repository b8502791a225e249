// name: hubs
// params: dataset string liaison, limit int 10
// columns: rank, id, score, why
// purpose: The alliance hubs, best first, with the reason in words.
MATCH (:Dataset {id: $dataset})-[:CONTAINS]->(a:Actor)
WHERE a.hubRank IS NOT NULL
RETURN a.hubRank AS rank, a.id AS id, a.hubScore AS score, a.hubWhy AS why
ORDER BY rank
LIMIT $limit;
