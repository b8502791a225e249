// name: partners
// params: actor string
// columns: partner, class, relational_score, weight
// purpose: An actor's bilateral partners by class, the most relational first.
MATCH (a:Actor {id: $actor})-[t:TIE]-(b:Actor)
RETURN b.id AS partner, t.class AS class, t.relational_score AS relational_score, t.weight AS weight
ORDER BY relational_score DESC, partner
