/**
 * The store's contract on a PostgreSQL server (`RECOUPE_TEST_DATABASE_URL`, default the local
 * server), each test in a database of its own. Without a server: skipped with a line saying why,
 * or failed under `CI=true` (`postgres-availability.ts`).
 */
import { describeOnPostgres } from './postgres-availability.js';
import { postgresHarness, TEST_DATABASE_URL } from './postgres-harness.js';
import { storeContract } from './store-contract.js';

await describeOnPostgres('GIVEN a PostgreSQL server', TEST_DATABASE_URL, () => storeContract(postgresHarness(TEST_DATABASE_URL)));
