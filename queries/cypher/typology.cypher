// name: typology
// params: dataset string liaison
// columns: parties, class, count
// purpose: The four classes of cooperation: bilateral ties and clubs by class.
CALL () {
  MATCH (:Dataset {id: $dataset})-[:CONTAINS]->(:Actor)-[t:TIE]->(:Actor)
  WHERE t.class IS NOT NULL
  RETURN 'bilateral' AS parties, t.class AS class, count(*) AS count
  UNION ALL
  MATCH (:Dataset {id: $dataset})-[:CONTAINS]->(c:Club)
  WHERE c.class IS NOT NULL
  RETURN 'multilateral' AS parties, c.class AS class, count(*) AS count
}
RETURN parties, class, count
ORDER BY parties, class;
