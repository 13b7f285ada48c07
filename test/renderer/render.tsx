/**
 * A tiny render helper (no testing-library dependency): mounts a component inside Mantine and the
 * ApiProvider with a fake transport that answers from a table of canned replies.
 */
import { MantineProvider } from '@mantine/core'
import { act } from 'react'
import type { ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import type { Root } from 'react-dom/client'
import type { ApiEvent, Envelope, ErrorCode, Transport } from '../../src-main/contract'
import { ApiProvider } from '../../src-renderer/src/api/ApiProvider'
import type { FileGateway } from '../../src-renderer/src/api/files'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

export type Replies = Record<string, (input: unknown) => unknown>

export interface FakeTransport extends Transport, FileGateway {
  calls: { method: string; input: unknown }[]
  emit(event: ApiEvent): void
}

export function fakeTransport(replies: Replies): FakeTransport {
  const listeners = new Set<(e: ApiEvent) => void>()
  const calls: { method: string; input: unknown }[] = []
  return {
    calls,
    async invoke(method, input): Promise<Envelope<unknown>> {
      calls.push({ method, input })
      const reply = replies[method]
      if (!reply) return { ok: false, error: { code: 'NOT_FOUND', message: `no fake reply for ${method}` } }
      try {
        return { ok: true, value: await reply(input) }
      } catch (err) {
        const code = (err as { code?: ErrorCode }).code ?? 'VALIDATION'
        return { ok: false, error: { code, message: (err as Error).message } }
      }
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    emit: (event) => listeners.forEach((l) => l(event)),
    upload: async (file) => ({ handle: 'f_test', name: file.name, size: file.size }),
  }
}

const mounted: { root: Root; container: HTMLElement }[] = []

export async function render(ui: ReactNode, transport: FakeTransport): Promise<HTMLElement> {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  mounted.push({ root, container })
  await act(async () => {
    root.render(
      <MantineProvider>
        <ApiProvider transport={transport}>{ui}</ApiProvider>
      </MantineProvider>,
    )
  })
  await settle()
  return container
}

/** Lets pending promises and effects run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)))
}

export function cleanup(): void {
  for (const { root, container } of mounted.splice(0)) {
    act(() => root.unmount())
    container.remove()
  }
}

/** An error the fake engine answers with, carrying an API error code. */
export function apiFailure(code: ErrorCode, message: string): Error {
  return Object.assign(new Error(message), { code })
}

export function byText(container: HTMLElement, text: string | RegExp): HTMLElement {
  const all = [...container.querySelectorAll<HTMLElement>('*')].filter((el) => {
    const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('')
    return typeof text === 'string' ? own.trim() === text : text.test(own)
  })
  if (!all[0]) throw new Error(`text not found: ${String(text)}\n${container.textContent}`)
  return all[0]
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => el.click())
  await settle()
}

/** Types into a React-controlled input. */
export async function type(input: HTMLInputElement, value: string): Promise<void> {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
  await act(async () => {
    setter?.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}
