/**
 * Gives every screen the typed API client and the file gateway. Screens never know whether they
 * run in Electron or in browser mode.
 */
import { createContext, useContext, useMemo } from 'react'
import type { ReactNode } from 'react'
import type { ApiClient, Transport } from '../../../src-main/contract'
import { createClient } from '../../../src-main/contract/transport'
import type { FileGateway } from './files'

interface ApiContextValue {
  client: ApiClient
  files: FileGateway
}

const ApiContext = createContext<ApiContextValue | null>(null)

export function ApiProvider({ transport, children }: { transport: Transport & FileGateway; children: ReactNode }) {
  const value = useMemo(() => ({ client: createClient(transport), files: transport }), [transport])
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>
}

function useApiContext(): ApiContextValue {
  const ctx = useContext(ApiContext)
  if (!ctx) throw new Error('ApiProvider is missing')
  return ctx
}

export const useApi = (): ApiClient => useApiContext().client
export const useFiles = (): FileGateway => useApiContext().files
