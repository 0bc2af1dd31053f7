/** Every server feature, in registration order. A new feature adds one line here. */
import type { ServerFeature } from '../serverContext';
import { completionFeature } from './completionFeature';
import { diagnosticsFeature } from './diagnosticsFeature';
import { outlineFeature } from './outlineFeature';
import { recognitionFeature } from './recognitionFeature';
import { workspaceIndexFeature } from './workspaceIndexFeature';
import { similarFeature } from './similarFeature';
import { workspaceSymbolsFeature } from './workspaceSymbolsFeature';
import { codeActionsFeature } from './codeActionsFeature';
import { maskLeaksFeature } from './maskLeaksFeature';
import { serverStatsFeature } from './serverStatsFeature';
import { pullDiagnosticsFeature } from './pullDiagnosticsFeature';
import { exportFeature } from './exportFeature';
import { overviewFeature } from './overviewFeature';
import { ticketTreeFeature } from './ticketTreeFeature';
import { labelReviewFeature } from './labelReviewFeature';

export const features: readonly ServerFeature[] = [
	diagnosticsFeature,
	outlineFeature,
	workspaceIndexFeature,
	recognitionFeature,
	completionFeature,
	similarFeature,
	workspaceSymbolsFeature,
	codeActionsFeature,
	maskLeaksFeature,
	serverStatsFeature,
	pullDiagnosticsFeature,
	exportFeature,
	overviewFeature,
	ticketTreeFeature,
	labelReviewFeature,
];
