/** The counter database schema (drizzle). Migrations in migrations/counter are generated from it. */
export * from './office';
export * from './officer';
export * from './setting';
export * from './reference';
export * from './dossier';
export * from './sync';
export * from './records';
export * from './files';
export * from './signing';
export * from './scans';
export * from './scan-ocr';
export * from './device';
export * from './queue';
export * from './file-uploads';
export * from './feedback';
export * from './rating';
