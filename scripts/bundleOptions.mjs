// The esbuild options every bundle of this project shares: the extension, the server, the CLI, the
// real-VS-Code suite and test builds of the server.
export const nodeBundle = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	sourcemap: true,
	logLevel: 'warning',
	// remark's packages are ESM only; prefer their ESM entry and bundle everything as CommonJS.
	mainFields: ['module', 'main'],
};
