// name: brokers
// params: limit int 10
// columns: id, brokerage, coordinator, itinerant, gatekeeper, liaison, constraint
// purpose: The actors with the most Gould–Fernandez brokerage, with their roles and constraint.
MATCH (a:Actor)
WITH a, a.brokerage_coordinator + a.brokerage_itinerant + a.brokerage_gatekeeper + a.brokerage_liaison AS total
WHERE total > 0
RETURN a.id AS id, total AS brokerage, a.brokerage_coordinator AS coordinator,
       a.brokerage_itinerant AS itinerant, a.brokerage_gatekeeper AS gatekeeper,
       a.brokerage_liaison AS liaison, a.constraint AS constraint
ORDER BY brokerage DESC, id
LIMIT $limit
