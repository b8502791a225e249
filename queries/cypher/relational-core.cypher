// name: relational-core
// params:
// columns: id, core, relational_partners
// purpose: The innermost k-core and, for each of its actors, its relational ties inside it.
MATCH (x:Actor)
WITH max(x.core) AS k
MATCH (a:Actor)
WHERE a.core = k
OPTIONAL MATCH (a)-[t:TIE]-(b:Actor)
WHERE b.core = k AND t.class = 'relational'
RETURN a.id AS id, a.core AS core, count(b) AS relational_partners
ORDER BY relational_partners DESC, id
