// name: brokers
// params: dataset string liaison, limit int 10
// columns: id, brokerage, coordinator, itinerant, gatekeeper, liaison, constraint
// purpose: The actors with the most Gould–Fernandez brokerage, with their roles and constraint.
MATCH (:Dataset {id: $dataset})-[:CONTAINS]->(a:Actor)
WITH a, a.brokerageCoordinator + a.brokerageItinerant + a.brokerageGatekeeper + a.brokerageLiaison AS total
WHERE total > 0
RETURN a.id AS id, total AS brokerage, a.brokerageCoordinator AS coordinator,
       a.brokerageItinerant AS itinerant, a.brokerageGatekeeper AS gatekeeper,
       a.brokerageLiaison AS liaison, a.constraint AS constraint
ORDER BY brokerage DESC, id
LIMIT $limit;
