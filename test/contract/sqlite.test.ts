// The repository contract against the embedded adapter, on a real SQLite file in a temp folder.
import { repositoryContract } from './repos.contract'
import { sqliteAdapter } from './sqlite-adapter'

repositoryContract(sqliteAdapter)
