import * as vscode from 'vscode';

/**
 * The extension's "now" for deadline clocks and drafts: the system clock, or a fixed instant set
 * through the internal command `incidentReport._setClock` (integration tests; not in the palette).
 */
export class Clock implements vscode.Disposable {
  private fixed: number | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a fixed instant is set or cleared. */
  readonly onDidChange = this.changed.event;

  now(): number {
    return this.fixed ?? Date.now();
  }

  /** Fixes "now" at an RFC 3339 instant or epoch ms; `undefined` returns to the system clock. */
  set(value: string | number | undefined): void {
    const at = typeof value === 'string' ? Date.parse(value) : value;
    this.fixed = at === undefined || Number.isNaN(at) ? undefined : at;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
