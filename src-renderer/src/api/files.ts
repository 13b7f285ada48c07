/** How the UI hands a file to the engine: always as an opaque handle, never a path. */
export interface GrantedFile {
  handle: string
  name: string
  size: number
}

export interface FileGateway {
  /** Sends a dropped or chosen browser File to the engine and returns its handle. */
  upload(file: File): Promise<GrantedFile>
  /** The native file dialog (desktop only). */
  pick?: () => Promise<GrantedFile[]>
}
