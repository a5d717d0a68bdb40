-- The app's logins call livery_enter_tenant() (and readiness reads
-- livery_applied_migrations()) before switching to their NOLOGIN role, so
-- they must be able to look names up in `public`. A new database grants
-- USAGE on `public` to PUBLIC (PostgreSQL 15's default); `npm run db:reset`
-- drops and recreates the schema, which loses that grant. Restore it here.
-- USAGE only lets a role find objects: tables still need their own
-- privileges, which the logins do not have (docs/decisions.md, "Three
-- database logins"), and CREATE stays with the owner.
GRANT USAGE ON SCHEMA public TO PUBLIC;
