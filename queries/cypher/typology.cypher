// name: typology
// params:
// columns: parties, class, count
// purpose: The four classes of cooperation: bilateral ties and clubs by class.
MATCH (:Actor)-[t:TIE]->(:Actor)
RETURN 'bilateral' AS parties, t.class AS class, count(*) AS count
UNION ALL
MATCH (c:Club)
WHERE c.class IS NOT NULL
RETURN 'multilateral' AS parties, c.class AS class, count(*) AS count
