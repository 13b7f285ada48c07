/**
 * Guards work not yet saved: a screen registers what is unsaved and how to save it; navigation
 * (steps, sheet pickers) goes through `useGuard`, which asks Save / Discard / Stay first.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { UnsavedChangesDialog } from './UnsavedChangesDialog'

export interface Unsaved {
  /** Completes "You have unsaved changes to …", e.g. "the mapping of Residents". */
  what: string
  /** Saves the work; rejects with the engine's error when it could not. */
  save: () => Promise<void>
}

interface Guard {
  register: (unsaved: Unsaved | null) => void
  guard: (proceed: () => void) => void
}

// Without a provider nothing is guarded, so components render alone (in tests) unchanged.
const GuardContext = createContext<Guard>({ register: () => undefined, guard: (proceed) => proceed() })

export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const current = useRef<Unsaved | null>(null)
  const [pending, setPending] = useState<{ unsaved: Unsaved; proceed: () => void } | null>(null)
  const register = useCallback((unsaved: Unsaved | null) => {
    current.current = unsaved
  }, [])
  const guard = useCallback((proceed: () => void) => {
    if (current.current) setPending({ unsaved: current.current, proceed })
    else proceed()
  }, [])
  const value = useMemo(() => ({ register, guard }), [register, guard])

  useEffect(() => {
    // Electron silently refuses to close a window whose page cancels unload (main does not ask the
    // user), so only the browser, which shows its own prompt, gets the warning.
    if (window.bridge) return
    const warn = (event: BeforeUnloadEvent) => {
      if (current.current) event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [])

  return (
    <GuardContext.Provider value={value}>
      {children}
      <UnsavedChangesDialog
        what={pending?.unsaved.what ?? null}
        onStay={() => setPending(null)}
        onDiscard={() => {
          setPending(null)
          pending?.proceed()
        }}
        onSave={async () => {
          await pending?.unsaved.save()
          setPending(null)
          pending?.proceed()
        }}
      />
    </GuardContext.Provider>
  )
}

/** Runs a navigation now, or after the user chose Save or Discard for unsaved work. */
export function useGuard(): (proceed: () => void) => void {
  return useContext(GuardContext).guard
}

/** Declares this screen's unsaved work (null when all is saved) for as long as it is mounted. */
export function useUnsavedChanges(unsaved: Unsaved | null): void {
  const { register } = useContext(GuardContext)
  useEffect(() => {
    register(unsaved)
    return () => register(null)
  }, [register, unsaved])
}
