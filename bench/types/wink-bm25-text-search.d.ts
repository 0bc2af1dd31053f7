// The package ships no types; this is the part of its API the benchmarks use.
declare module 'wink-bm25-text-search' {
	interface WinkEngine {
		defineConfig(config: { fldWeights: Record<string, number>; bm25Params?: { k1?: number; b?: number; k?: number }; ovFieldNames?: string[] }): boolean;
		definePrepTasks(tasks: ((input: never) => unknown)[], field?: string): number;
		addDoc(doc: Record<string, string>, id: number | string): number;
		consolidate(fp?: number): boolean;
		search(text: string, limit?: number): [string, number][];
	}
	function bm25(): WinkEngine;
	export = bm25;
}
