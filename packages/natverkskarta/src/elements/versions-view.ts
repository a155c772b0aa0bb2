import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { VersionsController } from '../controllers/versions-controller.js';
import { changeMarks, changeWords, describeChanges, type Comparison } from '../i18n/change-words.js';
import type { Translations } from '../i18n/index.js';
import type { MapVersion, VersionInfo } from '../model/types.js';
import type { EditorSession } from '../session/editor-session.js';
import { renderVersionsPanel, versionDate } from './versions-panel.js';

/** What the versions' part of the screen needs of the editor it is in. */
export interface VersionsViewHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface VersionsViewOptions {
  t: () => Translations;
  /** The stored map the versions belong to, or null when the host keeps the data. */
  storedId: () => string | null;
  /** The host's `readonly`: the versions can be looked at, not saved. */
  readonly: () => boolean;
  /** The editor's `saveVersion`: checked, stored, and refused in the UI language. */
  saveVersion: (label: string) => Promise<VersionInfo>;
  announce: (message: string) => void;
  /** A version is shown in place of the map: the side panel's forms close. */
  viewing: () => void;
}

/**
 * The map's versions on screen: the side panel's "Versioner" (save, list, look at, compare), the banner over a
 * version shown read-only, and the signs on the map of what changed since the version compared with now. Comes
 * with the forms' chunk; the versions themselves are the session's, kept where `store` keeps them.
 */
export class VersionsView {
  readonly store: VersionsController;
  /** Why the last "Spara version" was refused, beside its field. */
  private error = '';
  private comparisonFor: { key: readonly unknown[]; comparison: Comparison | null } | null = null;

  constructor(
    private readonly host: VersionsViewHost,
    private readonly session: EditorSession,
    private readonly options: VersionsViewOptions,
  ) {
    this.store = new VersionsController(host, session, options.storedId);
  }

  /**
   * The comparison shown (from a version to another, or to the map now), worked out once for the versions, the map
   * and the language it was made of: the panel's list and the map's marks both show it.
   */
  private comparison(): Comparison | null {
    const { compare, versions, map } = this.session;
    const t = this.options.t();
    const key = [compare, versions, compare?.to === null ? map : null, t];
    const known = this.comparisonFor;
    if (known && key.every((part, i) => part === known.key[i])) return known.comparison;
    const from = compare && versions.find((version) => version.id === compare.from);
    const to = compare?.to ? versions.find((version) => version.id === compare.to) : null;
    const comparison = from && to !== undefined ? describeChanges(t, from, to, map) : null;
    this.comparisonFor = { key, comparison };
    return comparison;
  }

  /** While a version is compared with now, on the map now: the sign of each contact that changed since. */
  marks(): ReadonlyMap<string, { glyph: string; text: string }> | undefined {
    if (this.session.viewing || this.session.compare?.to !== null) return undefined;
    const comparison = this.comparison();
    return comparison ? changeMarks(comparison.groups) : undefined;
  }

  /** Over a version shown read-only: which one, and the way back to the map now. */
  renderBanner(): TemplateResult | typeof nothing {
    const { viewing } = this.session;
    if (!viewing) return nothing;
    const t = this.options.t();
    const words = changeWords(t);
    return html`<div class="message info viewing-banner" part="message" role="status">
      <span>${words.viewing(viewing.label, versionDate(t, viewing.savedAt))}</span>
      <button type="button" @click=${() => this.backToNow(viewing)}>${words.backToNow}</button>
    </div>`;
  }

  renderPanel(): TemplateResult {
    const { session } = this;
    return renderVersionsPanel({
      t: this.options.t(),
      versions: session.versions,
      readonly: this.options.readonly(),
      error: this.error,
      comparison: this.comparison(),
      onSave: (label) => void this.save(label),
      onView: (id) => this.view(id),
      onCompare: (from, to) => this.compare(from, to),
      onCloseCompare: () => session.compareVersions(null),
    });
  }

  /** "Spara version": the map as it is now, under the name given; why not, beside the field, when refused. */
  private async save(label: string): Promise<void> {
    try {
      const saved = await this.options.saveVersion(label);
      this.error = '';
      this.options.announce(changeWords(this.options.t()).saved(saved.label));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
    this.host.requestUpdate();
  }

  /** Shows a version read-only, in place of the map, with the way back focused. */
  private view(id: string): void {
    this.session.viewVersion(id);
    this.options.viewing();
    this.focus('.viewing-banner button');
  }

  private backToNow(version: MapVersion): void {
    this.session.leaveVersion();
    this.focus(`.version-list [data-version-id="${CSS.escape(version.id)}"] button`);
  }

  /** What changed from one version to another, or to now: the list in the panel, its heading focused. */
  private compare(from: string, to: string | null): void {
    this.session.compareVersions({ from, to });
    this.focus('#changes-heading');
  }

  private focus(selector: string): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }
}
