/** Every server feature, in registration order. A new feature adds one line here. */
import type { ServerFeature } from '../context';
import { completionFeature } from './completion';
import { diagnosticsFeature } from './diagnostics';
import { outlineFeature } from './outline';
import { recognitionFeature } from './recognition';
import { workspaceIndexFeature } from './workspaceIndex';
import { similarFeature } from './similar';
import { workspaceSymbolsFeature } from './workspaceSymbols';
import { codeActionsFeature } from './codeActions';
import { maskLeaksFeature } from './maskLeaks';
import { serverStatsFeature } from './serverStats';

export const features: readonly ServerFeature[] = [diagnosticsFeature, outlineFeature, workspaceIndexFeature, recognitionFeature, completionFeature, similarFeature, workspaceSymbolsFeature, codeActionsFeature, maskLeaksFeature, serverStatsFeature];
