import type { ChildProcess } from 'node:child_process';

export interface BuildStep {
  script: string;
  output?: string;
  forElectron?: boolean;
  /** Instead of `npm run <script>` (tests). */
  command?: string;
  args?: string[];
}
export declare const BUILD_STEPS: Required<Pick<BuildStep, 'script' | 'output' | 'forElectron'>>[];
export declare function stepsToBuild<T extends { output: string }>(steps: T[], root?: string, inputs?: string[]): T[];
export declare function runQuietBuild(steps: BuildStep[], options?: { print?: (line: string) => void; cwd?: string }): Promise<number>;
export declare function shouldOpenBrowser(env?: Record<string, string | undefined>, isTTY?: boolean, platform?: NodeJS.Platform): boolean;
export declare function openInBrowser(url: string): Promise<void>;
export declare function startBrowserMode(options: {
  dbFile: string;
  demo?: boolean;
  port?: number;
  extraArgs?: string[];
  print?: (line: string) => void;
  env?: Record<string, string | undefined>;
}): Promise<{ url: string; child: ChildProcess }>;
