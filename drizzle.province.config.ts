import { defineConfig } from 'drizzle-kit';

// Province hub schema → migrations/province (PostgreSQL; the same SQL runs on PGlite).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src-server/db/schema.ts',
  out: './migrations/province',
});
