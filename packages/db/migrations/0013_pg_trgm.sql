-- The console partner directory searches names and ids by substring: trigram indexes need pg_trgm
-- (a trusted extension on PostgreSQL 13+, bundled with PGlite and loaded in openDatabase).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
