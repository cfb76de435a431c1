import { storeContract } from './contract.ts';
import { mongoStoreFactory } from './mongo-factory.ts';

/**
 * The contract against a real MongoDB server, when `VAHTI_TEST_MONGODB_URI` names one (e.g. a
 * MongoDB 7 replica set: `mongodb://127.0.0.1:27017/?replicaSet=rs0`). This is the only run that
 * exercises the transaction path: FerretDB has no transactions. One pending test otherwise.
 */
const uri = process.env.VAHTI_TEST_MONGODB_URI;

describe('MongoStore on the server at VAHTI_TEST_MONGODB_URI', function () {
  this.timeout(30_000);
  if (uri) storeContract(mongoStoreFactory(() => uri, 'vahti_contract'));
  else it.skip('runs the store contract when VAHTI_TEST_MONGODB_URI names a MongoDB server');
});
