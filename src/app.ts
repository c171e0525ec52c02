import type { PropsWithChildren } from 'react'
import './app.scss'
import { watchPrivacy } from './services/privacy'

// WeChat's privacy sheet opens on its request, on whichever page asked (components/privacy-sheet)
watchPrivacy()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
