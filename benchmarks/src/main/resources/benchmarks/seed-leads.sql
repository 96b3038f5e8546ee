-- Leads written straight into lead-service's table, as lead-service would have written them, for
-- the scenarios that need many (conversion: Open leads to qualify; reads: a table of 1,000,000).
-- Parameters, in order: only Open/New leads (boolean), spread of created_at in days, how many, and
-- twice the pool tag kept in attributes.benchmarkPool (text, or null for none).
-- Countries, sources and statuses are weighted like the demo data (devstack DemoLeads); recent
-- leads are more frequent than old ones; ids are UUIDv7 of created_at, as lead-service makes them.
WITH country (code, cities, from_pct, to_pct) AS (
  VALUES ('US', ARRAY['New York', 'San Francisco', 'Chicago', 'Austin', 'Boston', 'Seattle'], 0, 28),
         ('GB', ARRAY['London', 'Manchester', 'Birmingham', 'Edinburgh', 'Bristol'], 28, 40),
         ('DE', ARRAY['Berlin', 'Munich', 'Hamburg', 'Frankfurt am Main', 'Cologne'], 40, 50),
         ('IN', ARRAY['Bengaluru', 'Mumbai', 'New Delhi', 'Hyderabad', 'Pune'], 50, 57),
         ('FR', ARRAY['Paris', 'Lyon', 'Toulouse', 'Marseille', 'Lille'], 57, 63),
         ('AU', ARRAY['Sydney', 'Melbourne', 'Brisbane', 'Perth'], 63, 68),
         ('CA', ARRAY['Toronto', 'Vancouver', 'Montreal', 'Calgary'], 68, 73),
         ('NL', ARRAY['Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven'], 73, 77),
         ('ES', ARRAY['Madrid', 'Barcelona', 'Valencia', 'Seville'], 77, 81),
         ('IT', ARRAY['Milan', 'Rome', 'Turin', 'Bologna'], 81, 85),
         ('BR', ARRAY['São Paulo', 'Rio de Janeiro', 'Curitiba'], 85, 89),
         ('SE', ARRAY['Stockholm', 'Gothenburg', 'Malmö'], 89, 92),
         ('JP', ARRAY['Tokyo', 'Osaka', 'Yokohama'], 92, 95),
         ('SG', ARRAY['Singapore'], 95, 97),
         ('IE', ARRAY['Dublin', 'Cork'], 97, 99),
         ('CH', ARRAY['Zurich', 'Geneva', 'Basel'], 99, 100)),
source (code, from_pct, to_pct) AS (
  VALUES ('WEB', 0, 30), ('TRADE_SHOW', 30, 42), ('ADVERTISEMENT', 42, 52), ('PARTNER', 52, 60),
         ('EMPLOYEE_REFERRAL', 60, 66), ('EXTERNAL_REFERRAL', 66, 72), ('SEMINAR', 72, 80),
         ('PUBLIC_RELATIONS', 80, 84), ('WORD_OF_MOUTH', 84, 92), ('OTHER', 92, 100)),
status (state, reason, version, from_pct, to_pct) AS (
  VALUES ('OPEN', 'NEW', 0, 0, 45), ('OPEN', 'CONTACTED', 1, 45, 70),
         ('DISQUALIFIED', 'LOST', 2, 70, 78), ('DISQUALIFIED', 'CANNOT_CONTACT', 2, 78, 84),
         ('DISQUALIFIED', 'NO_LONGER_INTERESTED', 2, 84, 90), ('DISQUALIFIED', 'CANCELED', 2, 90, 92),
         ('QUALIFIED', 'QUALIFIED', 3, 92, 100)),
draw AS (
  SELECT n,
         random() * 100 AS country_pick,
         random() * 100 AS source_pick,
         CASE WHEN ? THEN 0 ELSE random() * 100 END AS status_pick,
         now() - (random() ^ 2) * make_interval(days => ?) AS created_at,
         floor(random() * 40)::int AS first_pick,
         floor(random() * 40)::int AS last_pick,
         floor(random() * 50000)::int AS company,
         floor(random() * 20)::int AS word,
         random() AS extra
    FROM generate_series(1, ?) AS n)
INSERT INTO lead (id, first_name, last_name, company_name, job_title, email, phone, website, source,
                  industry, number_of_employees, annual_revenue_amount, annual_revenue_currency,
                  country, city, owner_id, description, attributes, state, status_reason,
                  conversion_id, conversion_status, conversion_opportunity_id, conversion_account_id,
                  conversion_contact_id, conversion_requested_at, conversion_resolved_at,
                  created_at, updated_at, version)
SELECT encode(set_byte(overlay(uuid_send(gen_random_uuid())
                               PLACING substring(int8send((extract(epoch FROM d.created_at) * 1000)::bigint) FROM 3)
                               FROM 1 FOR 6),
                       6, 112 + (d.n % 16)), 'hex')::uuid,
       first_name, last_name, company_name,
       (ARRAY['CTO', 'Head of Sales', 'Operations Manager', 'CFO', 'IT Director', 'Procurement Lead',
              'VP Marketing', 'Founder', 'Office Manager', 'Engineering Manager'])[1 + d.n % 10],
       lower(first_name || '.' || last_name || d.n) || '@' || domain,
       '+4930' || lpad((d.n % 100000000)::text, 8, '0'),
       'https://www.' || domain,
       s.code,
       (ARRAY['Software', 'Manufacturing', 'Retail', 'Financial Services', 'Healthcare', 'Education',
              'Logistics', 'Consulting'])[1 + d.word % 8],
       (ARRAY[12, 45, 120, 250, 800, 2500, 10000])[1 + d.company % 7],
       (ARRAY[1500000, 6000000, 25000000, 90000000])[1 + d.company % 4],
       'USD',
       c.code,
       c.cities[1 + d.n % array_length(c.cities, 1)],
       'seller-' || lpad((1 + d.n % 40)::text, 2, '0'),
       CASE WHEN d.extra < 0.4 THEN 'Asked for a demo and pricing for ' || (10 + d.n % 90) || ' seats.' END,
       CASE WHEN ?::text IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('benchmarkPool', ?::text) END,
       st.state, st.reason,
       CASE WHEN st.state = 'QUALIFIED' THEN gen_random_uuid() END,
       CASE WHEN st.state = 'QUALIFIED' THEN 'COMPLETED' END,
       CASE WHEN st.state = 'QUALIFIED' THEN gen_random_uuid() END,
       CASE WHEN st.state = 'QUALIFIED' THEN gen_random_uuid() END,
       CASE WHEN st.state = 'QUALIFIED' THEN gen_random_uuid() END,
       CASE WHEN st.state = 'QUALIFIED' THEN updated_at END,
       CASE WHEN st.state = 'QUALIFIED' THEN updated_at END,
       d.created_at, updated_at, st.version
  FROM draw d
  JOIN country c ON d.country_pick >= c.from_pct AND d.country_pick < c.to_pct
  JOIN source s ON d.source_pick >= s.from_pct AND d.source_pick < s.to_pct
  JOIN status st ON d.status_pick >= st.from_pct AND d.status_pick < st.to_pct
  CROSS JOIN LATERAL (
    SELECT (ARRAY['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'John',
                  'Katherine', 'Edsger', 'Radia', 'Tim', 'Hedy', 'Donald', 'Adele', 'Niklaus', 'Sophie', 'Bjarne',
                  'Anita', 'James', 'Lynn', 'Guido', 'Shafi', 'Leslie', 'Jean', 'Vint', 'Mary', 'Robert',
                  'Carol', 'Ivan', 'Evelyn', 'Brian', 'Susan', 'Peter', 'Joan', 'Ward', 'Karen', 'Fran'])[1 + d.first_pick] AS first_name,
           (ARRAY['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Backus',
                  'Johnson', 'Dijkstra', 'Perlman', 'Berners-Lee', 'Lamarr', 'Knuth', 'Goldberg', 'Wirth', 'Wilson', 'Stroustrup',
                  'Borg', 'Gosling', 'Conway', 'van Rossum', 'Goldwasser', 'Lamport', 'Bartik', 'Cerf', 'Keller', 'Kahn',
                  'Shaw', 'Sutherland', 'Boyd', 'Kernighan', 'Kare', 'Norvig', 'Clarke', 'Cunningham', 'Jones', 'Corbato'])[1 + d.last_pick] AS last_name,
           (ARRAY['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne',
                  'Soylent', 'Wonka', 'Aperture', 'Oscorp', 'Gringotts', 'Monarch', 'Nakatomi', 'Virtucon', 'Prestige', 'Duff'])[1 + d.word]
             || ' ' || (ARRAY['Systems', 'Labs', 'Group', 'Technologies', 'Solutions', 'Partners', 'Industries', 'Software'])[1 + d.company % 8]
             || ' ' || d.company AS company_name,
           lower((ARRAY['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne',
                  'Soylent', 'Wonka', 'Aperture', 'Oscorp', 'Gringotts', 'Monarch', 'Nakatomi', 'Virtucon', 'Prestige', 'Duff'])[1 + d.word])
             || d.company || '.example' AS domain,
           least(now(), d.created_at + random() * interval '20 days') AS updated_at) AS named
