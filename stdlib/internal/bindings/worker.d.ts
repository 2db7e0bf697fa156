// The `worker` binding (runtime/bindings/worker.cc, worker_thread.cc): worker threads.

/** Parent side of one worker thread. */
export declare class Worker {
  /** `startup` is cloned into the worker (with `transferList`); `resourceLimits` is
   * [maxYoungGenerationSizeMb, maxOldGenerationSizeMb, codeRangeSizeMb, stackSizeMb],
   * -1 for V8's default. */
  constructor(startup: WorkerStartup, transferList: unknown[], execArgv: string[],
              resourceLimits: Float64Array, argv0: string);
  readonly threadId: number;
  /** Parent ends of the public and internal channels. */
  readonly messagePort: import('./messaging').MessagePort;
  readonly internalPort: import('./messaging').MessagePort;
  startThread(): void;
  /** terminate(): thread-safe stop; exit code 1. */
  stopThread(): void;
  getResourceLimits(): Float64Array;
  ref(): void;
  unref(): void;
  /** undefined once the handle has closed (after onexit). */
  hasRef(): boolean | undefined;
  /** Set by JS; called when the thread has ended and was joined. */
  onexit: (code: number, errorCode?: 'ERR_WORKER_OUT_OF_MEMORY') => void;
}

export interface WorkerStartup {
  entry: string;            // absolute filename, or the source with doEval
  doEval: boolean;
  workerData: unknown;
  env: Record<string, string> | null;  // null: SHARE_ENV
  argv: string[];
  execArgv: string[];
  environmentData: Map<unknown, unknown>;
  name: string;
}

export declare const isMainThread: boolean;
export declare const threadId: number;
/** The worker's own limits (all -1 on the main thread). */
export declare const resourceLimits: Float64Array;
/** Inside a worker, once: the cloned WorkerStartup. */
export declare function getStartupData(): WorkerStartup | undefined;
/** Inside a worker, once: [public port (parentPort), internal port]. */
export declare function getParentPorts(): [import('./messaging').MessagePort,
  import('./messaging').MessagePort] | undefined;
