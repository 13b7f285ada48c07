/**
 * Browser mode: the server prints an address with `#token=…`. The fragment never reaches a server
 * or a Referer; we keep the token for this tab only and take it out of the address bar.
 */
const storageKey = 'mods-migrate.token'

export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const match = /(?:^#|&)token=([0-9a-f]{64})(?:&|$)/.exec(location.hash)
  if (match?.[1]) {
    storage.setItem(storageKey, match[1])
    history.replaceState(null, '', location.pathname + location.search)
    return match[1]
  }
  return storage.getItem(storageKey)
}
