// name: club
// params: dataset string liaison, club string
// columns: member, relationalTies, transactionalTies
// purpose: The members of a club and their bilateral ties with the other members, by class.
MATCH (c:Club {dataset: $dataset, id: $club})<-[:MEMBER_OF]-(a:Actor)
OPTIONAL MATCH (a)-[t:TIE]-(b:Actor)-[:MEMBER_OF]->(c)
RETURN a.id AS member,
       count(DISTINCT CASE WHEN t.class = 'relational' THEN b END) AS relationalTies,
       count(DISTINCT CASE WHEN t.class = 'transactional' THEN b END) AS transactionalTies
ORDER BY member;
