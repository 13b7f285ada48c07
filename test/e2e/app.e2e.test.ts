/**
 * The whole path in real headless Chromium against the browser-mode server: create a workspace,
 * import the Sunnyside sample, browse rows, map, apply, check issues, export, and see the files.
 * Each screen is screenshotted (test/e2e/screenshots/) and checked with axe-core.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AxeViolation, Harness } from './browser'
import { axeViolations, chromiumAvailable, snap, startHarness } from './browser'

const run = chromiumAvailable()
const samplePath = path.resolve(import.meta.dirname, '../../resources/samples/sunnyside-care-home.xlsx')
const a11y: Record<string, AxeViolation[]> = {}
let h: Harness

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

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
    expect(h.consoleErrors).toEqual([])
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
    await grid.getByRole('button', { name: 'Surname' }).click()
    await expect(grid.getByRole('columnheader', { name: /Surname/ }).getAttribute('aria-sort')).resolves.toBe('ascending')
    await page.waitForTimeout(500)
    const surnames = async () => Promise.all([2, 3, 4, 5, 6].map((i) => grid.locator(`[aria-rowindex="${i}"] [role=gridcell]`).nth(4).textContent()))
    const firstRows = await surnames()
    expect(firstRows).toEqual([...firstRows].sort((a, b) => (a ?? '').localeCompare(b ?? '')))
    expect(firstRows[0]).not.toBe('Crowther') // no longer in file order
    await page.getByRole('tab', { name: 'Column profile' }).click()
    await page.getByRole('table', { name: 'Column profile' }).getByRole('rowheader', { name: 'NHS No' }).waitFor()
    await checkScreen('06-data-profile')
  })

  it('maps the residents with suggestions, one correction and one value map, then applies', async () => {
    const { page } = h
    await page.getByRole('button', { name: /^4\. Mapping/ }).click()
    await page.getByRole('heading', { name: /^Mapping: Residents/ }).waitFor({ timeout: 60_000 })
    const itemFor = (column: string) => page.locator(`input[aria-label="MODS item for ${column}"]:visible`)
    await expect(itemFor('Surname').inputValue()).resolves.toBe('Person name: Family name')
    await expect(itemFor('NHS No').inputValue()).resolves.toBe('Subject of care: NHS number')
    await expect(page.getByText(/^High \d+%$/).count()).resolves.toBeGreaterThan(10)
    await checkScreen('07-mapping-suggestions')

    // A manual pick: clear a suggestion and choose the item by searching the catalogue.
    await page.getByRole('button', { name: 'Unmap Address 2' }).click()
    await expect(itemFor('Address 2').inputValue()).resolves.toBe('')
    await itemFor('Address 2').click()
    await itemFor('Address 2').fill('Address line 2')
    await page.getByRole('option', { name: 'Person contact details: Address line 2' }).click()
    await expect(itemFor('Address 2').inputValue()).resolves.toBe('Person contact details: Address line 2')

    // A value map for the coded Sex column.
    await page.getByRole('button', { name: 'Value map for Sex' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('table', { name: 'Value map' }).waitFor()
    const codeForM = dialog.locator('input[aria-label="Code for M"]:visible')
    await codeForM.click()
    await codeForM.fill('Male (incl')
    await page.getByRole('option', { name: /^Male \(including trans man\)/ }).click()
    await checkScreen('08-mapping-value-map')
    await dialog.getByRole('button', { name: 'Use this value map' }).click()

    await page.getByRole('button', { name: 'Save mapping' }).click()
    await page.getByText(/The mapping is saved\./).waitFor()
    await page.getByRole('button', { name: 'Preview', exact: true }).click()
    await page.getByRole('tab', { name: 'Preview' }).click()
    await page.getByRole('table', { name: 'Preview rows for person' }).waitFor()
    await checkScreen('09-mapping-preview')
    await page.getByRole('button', { name: 'Apply mapping' }).click()
    await page.getByText('Mapping applied').waitFor({ timeout: 60_000 })
    await expect(page.getByRole('status').filter({ hasText: 'Mapping applied' }).textContent()).resolves.toMatch(/person: 6\d records/)
    await checkScreen('10-mapping-applied')
  })

  it('splits the next of kin name with transforms and previews the split values', async () => {
    const { page } = h
    await page.getByRole('combobox', { name: 'Table', exact: true }).click()
    await page.getByRole('option', { name: /Next of Kin/ }).click()
    await page.getByRole('heading', { name: /^Mapping: Next of Kin/ }).waitFor({ timeout: 60_000 })
    await page.getByText(/^MODS \d+\.\d+\.\d+ · catalogue \d+\.\d+\.\d+$/).waitFor()
    await expect(page.locator('[data-badge="unconfirmed"]').count()).resolves.toBeGreaterThan(0)

    // 'NOK Name' feeds the family and the given name through 'Split a full name'; add Title Case to the family name.
    await page.getByRole('button', { name: 'Transforms for NOK Name', exact: true }).click()
    const dialog = page.getByRole('dialog')
    const samples = dialog.getByRole('table', { name: 'Preview of sample values' })
    await samples.locator('tbody tr').first().locator('td').nth(2).filter({ hasText: /^CROWTHER$/ }).waitFor()
    await dialog.getByRole('combobox', { name: 'Add a transform' }).click()
    await page.getByRole('option', { name: 'Change case' }).click()
    await dialog.getByRole('button', { name: 'Add transform' }).click()
    await dialog.getByRole('listitem', { name: 'Step 2, Change case' }).waitFor()
    await samples.locator('tbody tr').first().locator('td').nth(2).filter({ hasText: /^Crowther$/ }).waitFor()
    const first = await samples.locator('tbody tr').first().locator('td').allTextContents()
    expect(first).toEqual(['2', 'CROWTHER, Parveen', 'Crowther', 'Crowther'])
    await checkScreen('10b-mapping-transforms')
    await dialog.getByRole('button', { name: 'Use these transforms' }).click()
    await expect(page.getByRole('row', { name: /^NOK Name/ }).textContent()).resolves.toContain('Split a full name (family) → Change case (title)')

    await page.getByRole('button', { name: 'Save mapping' }).click()
    await page.getByText(/The mapping is saved\./).waitFor()
    await page.getByRole('button', { name: 'Preview', exact: true }).click()
    await page.getByRole('tab', { name: 'Preview' }).click()
    const contacts = page.getByRole('table', { name: 'Preview rows for contact' })
    await contacts.waitFor()
    const row = await contacts.locator('tbody tr').first().textContent()
    expect(row).toContain('Crowther')
    expect(row).toContain('Parveen')
    await checkScreen('10c-mapping-nok-preview')
  })

  it('runs the quality checks and lists issues with their source rows', async () => {
    const { page } = h
    await page.getByRole('button', { name: /^5\. Issues/ }).click()
    await page.getByRole('heading', { name: 'Issues', exact: true }).waitFor()
    await checkScreen('11-issues-before-run')
    await page.getByRole('button', { name: 'Run checks' }).click()
    const list = page.getByRole('table', { name: 'Open issues' })
    await list.waitFor({ timeout: 60_000 })
    const errors = Number((await page.getByLabel(/^Errors: \d+$/).getAttribute('aria-label'))?.split(': ')[1])
    expect(errors).toBeGreaterThan(0)
    await expect(list.textContent()).resolves.toMatch(/sunnyside-care-home\.xlsx, sheet Residents, row \d+, column NHS No/)
    await checkScreen('12-issues-list')
    await page.locator('label[for]', { hasText: /^Errors$/ }).click()
    await page.waitForTimeout(500)
    await expect(list.locator('tbody tr').first().textContent()).resolves.toContain('Error')
  })

  it('writes the export pack and lists the files it wrote, matching the disk', async () => {
    const { page, workspacesDir } = h
    await page.getByRole('button', { name: /^6\. Export/ }).click()
    await page.getByRole('heading', { name: 'Export', exact: true }).waitFor()
    await checkScreen('13-export-before')
    await page.getByLabel(/^Purpose of this export/).fill('End-to-end test of the migration pack')
    await page.getByRole('button', { name: 'Write export pack' }).click()
    const files = page.getByRole('table', { name: 'Files written' })
    await files.waitFor({ timeout: 120_000 })
    await checkScreen('14-export-written')
    const rows = await files.locator('tbody tr').all()
    expect(rows.length).toBeGreaterThan(2)
    const written = allFiles(workspacesDir)
    for (const row of rows) {
      const [name, , sha] = await row.locator('td').allTextContents()
      const onDisk = written.find((f) => f.endsWith(`/${name}`) || path.basename(f) === name)
      expect(onDisk, `${name} should be on disk`).toBeDefined()
      expect(sha).toBe(createHash('sha256').update(fs.readFileSync(onDisk!)).digest('hex'))
    }
  })

  it('is usable from the keyboard, with a visible focus ring', async () => {
    const { page } = h
    const dataStep = page.getByRole('button', { name: /^3\. Data/ })
    await dataStep.focus()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab') // focus arrives by keyboard, so :focus-visible applies
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element)
      return { text: (document.activeElement as HTMLElement).innerText, style: style.outlineStyle, width: style.outlineWidth }
    })
    expect(outline.text).toMatch(/^3\. Data/)
    expect(outline.style).not.toBe('none')
    expect(outline.width).not.toBe('0px')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Data', exact: true }).waitFor()
    expect(h.consoleErrors).toEqual([]) // nothing logged to the console along the whole path
  })

  it('has no serious or critical accessibility violations', () => {
    const serious = Object.entries(a11y).flatMap(([screen, list]) =>
      list.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${screen}: ${v.id} (${v.help}) at ${v.targets.join(' | ')}`),
    )
    expect(serious).toEqual([])
  })
})
