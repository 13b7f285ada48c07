/**
 * Where a pack was written. Fronts never see server paths, so the place is given relative to what
 * the user knows: the workspace file, in the workspaces folder, with `exports/<pack>` beside it.
 */
import { Code, List, Text } from '@mantine/core'
import type { ExportResult, WorkspaceInfo } from '../../../../src-main/contract'

export function PackLocation({ result, workspace }: { result: ExportResult; workspace: WorkspaceInfo }) {
  return (
    <div>
      <Text size="sm">
        Written to the workspaces folder (the one holding <Code>{workspace.fileName}</Code>; by default <Code>~/.mods-migrate/workspaces</Code>):
      </Text>
      <List size="sm">
        <List.Item>
          Folder: <Code>exports/{result.packName}</Code>
        </List.Item>
        {result.zip && (
          <List.Item>
            Zip: <Code>exports/{result.zip.path}</Code>
          </List.Item>
        )}
      </List>
    </div>
  )
}
