#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the CLI needs no separate build step.
import { register } from 'tsx/esm/api'

register()
await import('../src-main/cli/index.ts')
