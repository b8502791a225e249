// name: partners
// params: dataset string liaison, actor string
// columns: partner, class, relationalScore, weight
// purpose: An actor's bilateral partners by class, the most relational first.
MATCH (a:Actor {dataset: $dataset, id: $actor})-[t:TIE]-(b:Actor)
RETURN b.id AS partner, t.class AS class, t.relationalScore AS relationalScore, t.weight AS weight
ORDER BY relationalScore DESC, partner;
