// name: ties-in-year
// params: dataset string liaison, year int
// columns: source, target, spells, weight
// purpose: The ties with a spell active at some time in a year (the rule of --at), with the spells' weight that year.
MATCH (:Dataset {id: $dataset})-[:CONTAINS]->(a:Actor)-[t:TIE]->(b:Actor)
WITH a, b, t, [i IN range(0, size(t.spellLines) - 1)
               WHERE coalesce(t.spellSinces[i].year, $year) <= $year <= coalesce(t.spellUntils[i].year, $year)] AS active
WHERE size(active) > 0
RETURN a.id AS source, b.id AS target, size(active) AS spells, reduce(w = 0.0, i IN active | w + t.spellWeights[i]) AS weight
ORDER BY source, target;
