// name: circular-reporting
// params: dataset string liaison, limit int 20
// columns: consumer, assessment, origin, lines, chains
// purpose: Circular reporting: consumers that received two or more items (reports from partners) supporting one assessment that rest on one root origin, or their own collection back; each chain is the derivation path from the item to its root (at most 12 derivations deep).
MATCH (:Dataset {id: $dataset})-[:CONTAINS]->(c:Actor)<-[x:EXCHANGE]-(p:Actor)
WHERE x.assessment IS NOT NULL
MATCH chain = (item:Report {dataset: $dataset, id: x.report})-[:DERIVED_FROM*0..12]->(root:Report)
WHERE NOT (root)-[:DERIVED_FROM]->()
WITH c.id AS consumer, x.assessment AS assessment, root.origin AS origin,
     collect(DISTINCT item.id + ' from ' + p.id) AS keys,
     collect(DISTINCT item.id + ' from ' + p.id + ': ' +
       reduce(s = root.origin, n IN reverse(nodes(chain)) | s + ' > ' + n.id)) AS chains
WHERE size(keys) >= 2 OR origin = consumer
RETURN consumer, assessment, origin, size(keys) AS lines, chains
ORDER BY lines DESC, consumer, assessment, origin
LIMIT $limit;
