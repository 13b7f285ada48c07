/**
 * Browser-mode harness for the e2e suite: the real server in-process on a random port with a temp
 * workspaces folder, and Debian's headless Chromium driven by playwright-core with a fresh profile.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'
import type { BrowserContext, Page } from 'playwright-core'
import { ensureRendererBuilt } from '../../src-main/server/renderer-build'
import { startServer } from '../../src-main/server/server'
import type { RunningServer } from '../../src-main/server/server'

export const chromiumPath = '/usr/bin/chromium'
export const screenshotDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'screenshots')

/** Whether the suite can run; under CI a missing browser is a failure, locally a loud skip. */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(chromiumPath)) return true
  if (process.env.CI === 'true') return true // let the launch fail loudly
  console.warn(`\n*** E2E SKIPPED: ${chromiumPath} is missing. Install it with: apt-get update && apt-get install -y chromium ***\n`)
  return false
}

export interface Harness {
  server: RunningServer
  workspacesDir: string
  context: BrowserContext
  page: Page
  consoleErrors: string[]
  close(): Promise<void>
}

export async function startHarness(): Promise<Harness> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mods-e2e-'))
  const workspacesDir = path.join(root, 'workspaces')
  const staticDir = await ensureRendererBuilt()
  const server = await startServer({ workspacesDir, staticDir })
  const context = await chromium.launchPersistentContext(path.join(root, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    viewport: { width: 1366, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const consoleErrors: string[] = []
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
  page.on('pageerror', (e) => consoleErrors.push(e.message))
  fs.mkdirSync(screenshotDir, { recursive: true })
  return {
    server,
    workspacesDir,
    context,
    page,
    consoleErrors,
    async close() {
      await context.close()
      await server.close()
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: number
  /** CSS selectors of the first offending elements, to find them quickly. */
  targets: string[]
  /** axe's explanation for the first element (e.g. the measured colours). */
  summary: string
}

/** Runs axe-core in the page (through the debugger, so the page's CSP stays strict). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${axeSource};undefined`)
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Result> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
      summary: v.nodes[0]?.failureSummary ?? '',
    }))
  })
}

/** Screenshot after transitions settle. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(350)
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}
