// The 结对帮扶 repository contract against the embedded adapter, on a real SQLite file in a temp folder.
import { careContract } from './care.contract'
import { sqliteAdapter } from './sqlite-adapter'

careContract(sqliteAdapter)
