#!/usr/bin/env node
// Launcher for the TypeScript CLI: registers tsx so `npx vahti …` works straight from a checkout.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
