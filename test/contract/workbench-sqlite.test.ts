// The workbench repository contract against the embedded adapter, on a real SQLite file in a temp folder.
import { sqliteAdapter } from './sqlite-adapter'
import { workbenchContract } from './workbench.contract'

workbenchContract(sqliteAdapter)
