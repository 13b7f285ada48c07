/** Data hooks over the typed client: one call's result with loading and error state, and job progress. */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiEvent, JobProgress, MethodInput, MethodName, MethodOutput, WorkspaceChanged } from '../../../src-main/contract'
import { useApi } from './ApiProvider'

export interface Query<T> {
  data: T | undefined
  error: Error | null
  loading: boolean
  reload: () => void
}

/** Calls `method` when `input` changes (compared as JSON); `null` input means "not yet". */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M> | null): Query<MethodOutput<M>> {
  const api = useApi()
  const [state, setState] = useState<{ data: MethodOutput<M> | undefined; error: Error | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: input !== null,
  })
  const [generation, setGeneration] = useState(0)
  const key = input === null ? null : JSON.stringify(input)
  useEffect(() => {
    if (key === null) return
    let live = true
    setState((s) => ({ ...s, loading: true, error: null }))
    api
      .call(method, JSON.parse(key) as MethodInput<M>)
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((error: Error) => live && setState({ data: undefined, error, loading: false }))
    return () => {
      live = false
    }
  }, [api, method, key, generation])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { ...state, reload }
}

export function useApiEvent(listener: (event: ApiEvent) => void): void {
  const api = useApi()
  const latest = useRef(listener)
  latest.current = listener
  useEffect(() => api.onEvent((e) => latest.current(e)), [api])
}

/** Reloads when the engine says an area of the workspace changed. */
export function useReloadOn(area: WorkspaceChanged['area'], reload: () => void): void {
  useApiEvent((e) => {
    if (e.type === 'workspace.changed' && e.area === area) reload()
  })
}

/** The latest progress of one job (by the id the caller chose). */
export function useJobProgress(jobId: string | null): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null)
  useEffect(() => setProgress(null), [jobId])
  useApiEvent((e) => {
    if (e.type === 'job.progress' && e.jobId === jobId) setProgress(e)
  })
  return progress
}

export function newJobId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
}
