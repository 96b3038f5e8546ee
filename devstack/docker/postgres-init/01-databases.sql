-- One database per service (docs/architecture.md, section Services): neither service reads the other's tables.
-- The postgres image runs this only when it initialises an empty data directory (first start of
-- the named volume); after that, "docker compose down -v" is what makes it run again.
-- The tables themselves are created by each service's Flyway migrations at start-up.
CREATE DATABASE leads;
CREATE DATABASE opportunities;
