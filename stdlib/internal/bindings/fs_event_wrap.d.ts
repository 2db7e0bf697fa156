// internalBinding('fs_event_wrap'): runtime/bindings/fs_event_wrap.cc (uv_fs_event_t).
export class FSEvent {
  constructor();
  // status < 0 reports a watch error; filename may be null.
  onchange: (status: number, eventType: 'rename' | 'change', filename: string | null) => void;
  onclose?: () => void;
  // 0 or a negative uv error; a non-persistent watcher is unref'd.
  start(path: string, persistent: boolean, recursive: boolean): number;
  readonly initialized: boolean;
  close(callback?: () => void): void;
  ref(): void;
  unref(): void;
  hasRef(): boolean;
}
