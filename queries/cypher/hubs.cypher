// name: hubs
// params: limit int 10
// columns: rank, id, score, why
// purpose: The alliance hubs, best first, with the reason in words.
MATCH (a:Actor)
WHERE a.hub_rank IS NOT NULL
RETURN a.hub_rank AS rank, a.id AS id, a.hub_score AS score, a.hub_why AS why
ORDER BY rank
LIMIT $limit
