/**
 * Writes one demo district file: `tsx test/support/build-demo-file.ts <file> '<DemoOptions as JSON>'`.
 * A process of its own, so the operation tests on PostgreSQL (whose services use PostgreSQL's tables)
 * get exactly the district the SQLite run gets.
 */
import path from 'node:path';
import { openDemoDatabase } from './demo-database';

const [file, optionsJson] = process.argv.slice(2);
if (!file || !optionsJson) throw new Error('usage: build-demo-file.ts <file> <options json>');
const database = await openDemoDatabase(path.dirname(file), JSON.parse(optionsJson));
database.close();
