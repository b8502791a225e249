// name: relational-core
// params: dataset string liaison
// columns: id, core, relationalPartners
// purpose: The innermost k-core and, for each of its actors, its relational ties inside it.
MATCH (d:Dataset {id: $dataset})-[:CONTAINS]->(x:Actor)
WITH d, max(x.core) AS k
MATCH (d)-[:CONTAINS]->(a:Actor)
WHERE a.core = k
OPTIONAL MATCH (a)-[t:TIE]-(b:Actor)
WHERE b.core = k AND t.class = 'relational'
RETURN a.id AS id, a.core AS core, count(b) AS relationalPartners
ORDER BY relationalPartners DESC, id;
