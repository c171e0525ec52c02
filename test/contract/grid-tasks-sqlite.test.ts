// The grid tasks repository contract against the embedded adapter, on a real SQLite file in a temp folder.
import { gridTasksContract } from './grid-tasks.contract'
import { sqliteAdapter } from './sqlite-adapter'

gridTasksContract(sqliteAdapter)
