-- pg_trgm backs the diacritic-insensitive search indexes (drizzle-kit does not write CREATE EXTENSION).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
