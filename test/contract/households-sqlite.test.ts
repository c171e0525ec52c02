// The households repository contract against the embedded adapter, on a real SQLite file in a temp folder.
import { householdsContract } from './households.contract'
import { sqliteAdapter } from './sqlite-adapter'

householdsContract(sqliteAdapter)
