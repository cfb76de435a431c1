import { storeContract } from './contract.ts';
import { mongoStoreFactory } from './mongo-factory.ts';

/**
 * The contract against a real MongoDB server, when `VAHTI_TEST_MONGODB_URI` names one (e.g. a
 * MongoDB 7 replica set: `mongodb://127.0.0.1:27017/?replicaSet=rs0`). This is the only run that
 * exercises the transaction path: FerretDB has no transactions. Skipped (pending) otherwise.
 */
const uri = process.env.VAHTI_TEST_MONGODB_URI;

(uri ? describe : describe.skip)('MongoStore on the server at VAHTI_TEST_MONGODB_URI', function () {
  this.timeout(30_000);
  storeContract(mongoStoreFactory(() => uri ?? '', 'vahti_contract'));
});
