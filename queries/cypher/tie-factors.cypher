// name: tie-factors
// params: a string, b string
// columns: factor, value
// purpose: The factors of the relational score of the tie between two actors, by name.
MATCH (d:Dataset {id: 'liaison'})
MATCH (:Actor {id: $a})-[t:TIE]-(:Actor {id: $b})
UNWIND range(0, size(d.tie_factors) - 1) AS i
WITH d.tie_factors[i] AS factor, t.factors[i] AS value
WHERE NOT isNaN(value)
RETURN factor, value
