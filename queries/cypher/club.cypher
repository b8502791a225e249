// name: club
// params: club string
// columns: member, relational_ties, transactional_ties
// purpose: The members of a club and their bilateral ties with the other members, by class.
MATCH (c:Club {id: $club})<-[:MEMBER_OF]-(a:Actor)
WITH DISTINCT c, a
OPTIONAL MATCH (a)-[t:TIE]-(b:Actor)-[:MEMBER_OF]->(c)
WITH a, t, b
RETURN a.id AS member,
       count(DISTINCT CASE WHEN t.class = 'relational' THEN b END) AS relational_ties,
       count(DISTINCT CASE WHEN t.class = 'transactional' THEN b END) AS transactional_ties
ORDER BY member
