import { auditKeysFrom, setAuditKeys } from '../modules/audit/keys';
import { testConfig } from './app';

/*
 * Every server test file starts with the test environment's audit keys, as a started server does
 * (buildApp sets them): tests that write through the services without building an app append keyed
 * entries too. A test that builds an app with other keys replaces them.
 */
setAuditKeys(auditKeysFrom(testConfig()));
