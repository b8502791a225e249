// name: tie-factors
// params: dataset string liaison, a string, b string
// columns: factor, value
// purpose: The factors of the relational score of the tie between two actors, by name (those with evidence).
MATCH (d:Dataset {id: $dataset})
MATCH (:Actor {dataset: $dataset, id: $a})-[t:TIE]-(:Actor {dataset: $dataset, id: $b})
UNWIND range(0, size(d.tieFactors) - 1) AS i
WITH i, d.tieFactors[i] AS factor, t['factor' + toUpper(left(d.tieFactors[i], 1)) + substring(d.tieFactors[i], 1)] AS value
WHERE value IS NOT NULL
RETURN factor, value
ORDER BY i;
