/**
 * Renderer entry: picks the transport (Electron's preload bridge, or the browser-mode server with
 * the token from the address), then renders the app.
 */
import '@mantine/core/styles.css'
import '@mantine/dropzone/styles.css'
import '@mantine/notifications/styles.css'
import './app.css'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiProvider } from './api/ApiProvider'
import { createBridgeTransport } from './api/bridge-transport'
import { createHttpTransport } from './api/http-transport'
import { takeToken } from './api/token'
import { App } from './app/App'
import { theme } from './theme'

function Root() {
  if (window.bridge) return <Shell transport={createBridgeTransport(window.bridge)} />
  const token = takeToken(window.location, window.history, window.sessionStorage)
  if (!token) {
    return (
      <main style={{ padding: 24, fontFamily: 'system-ui' }}>
        <h1>MODS Migrate</h1>
        <p>This page needs the full address printed by &quot;npm start&quot; (it ends with #token=…). Copy it from the terminal and open it again.</p>
      </main>
    )
  }
  return <Shell transport={createHttpTransport(window.location.origin, token)} />
}

function Shell({ transport }: { transport: Parameters<typeof ApiProvider>[0]['transport'] }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications />
      <ApiProvider transport={transport}>
        <App />
      </ApiProvider>
    </MantineProvider>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
)
