/**
 * One map's picture, as the editor and the PDF both make it: labels measured in the font that draws them, the
 * frame (sectors and rings) sized for those labels, the layout that places the actors in it, and the scene.
 * Each step is kept for the document it was made for, so that a render after an unrelated change (a selection,
 * a drag) measures and lays out nothing.
 */
import { mapTitle, type Translations } from '../i18n/index.js';
import type { LayoutEngine, Positions } from '../layout/placement.js';
import type { MapFrame } from '../layout/geometry.js';
import type { Actor, MapDocument, Point } from '../model/types.js';
import { labelCentre, labeller, type Labeller, type TextLine } from './labels.js';
import { boxesFor, buildScene, sceneFrame, sceneInMotion, type Scene } from './scene.js';
import type { MeasureText } from './typography.js';

export class MapPicture {
  readonly label: Labeller;
  private centreFor: { title: string; centre: { lines: TextLine[]; radius: number } } | null = null;
  private frameFor: { map: MapDocument; frame: MapFrame } | null = null;
  private sceneFor: { map: MapDocument; scene: Scene } | null = null;

  /**
   * `engine` is the layout (`layout/layout-map.ts`), which the editor loads when it first needs it.
   */
  constructor(
    readonly t: Translations,
    readonly measure: MeasureText,
    readonly engine: LayoutEngine | null = null,
  ) {
    this.label = labeller(t, measure);
  }

  /** Whether this picture can place actors: only with the layout engine. */
  get canPlace(): boolean {
    return this.engine !== null;
  }

  /** The family's name in its circle. */
  centre(map: MapDocument): { lines: TextLine[]; radius: number } {
    const title = mapTitle(this.t, map);
    if (this.centreFor?.title !== title) this.centreFor = { title, centre: labelCentre(title, this.measure) };
    return this.centreFor.centre;
  }

  /** Where the sectors and rings of this map lie. */
  frame(map: MapDocument): MapFrame {
    if (this.frameFor?.map !== map) this.frameFor = { map, frame: sceneFrame(map, this.label, this.centre(map).radius) };
    return this.frameFor.frame;
  }

  /**
   * The positions the layout gives where the document's are not right: an actor without one, or whose label no
   * longer fits where it is (outside its slice, or over another's or crossed by a tie: of the `touched` actors
   * only, when given). Null when every actor is where it belongs. Only a picture with the layout engine places.
   */
  placements(map: MapDocument, touched?: ReadonlySet<string>): Positions | null {
    if (!this.needsPlacing(map, touched)) return null;
    const { engine } = this;
    if (!engine) throw new Error('The layout is not loaded yet: ask needsPlacing() first.');
    const frame = this.frame(map);
    const changed = engine.changedPositions(
      map,
      engine.layoutMap(map, { frame, boxOf: boxesFor(map, frame, this.label), touched }),
    );
    return Object.keys(changed).length > 0 ? changed : null;
  }

  /**
   * Whether any actor is not where it belongs (see `placements`): what the layout engine is needed for. Without
   * it, this cannot be told (the check measures boxes and ties, and comes with the layout): true.
   */
  needsPlacing(map: MapDocument, touched?: ReadonlySet<string>): boolean {
    if (!this.engine) return true;
    const frame = this.frame(map);
    return this.engine.needsLayout(map, { frame, boxOf: boxesFor(map, frame, this.label), touched });
  }

  /**
   * What the map shows: with each actor at its position, kept for the document; or a step of an animation, with
   * the actors where `positionOf` has them (see `sceneInMotion`).
   */
  scene(map: MapDocument, positionOf?: (actor: Actor) => Point | undefined): Scene {
    if (this.sceneFor?.map !== map) {
      const { t, measure, label } = this;
      this.sceneFor = { map, scene: buildScene({ map, t, measure, label, frame: this.frame(map), centre: this.centre(map) }) };
    }
    const { scene } = this.sceneFor;
    return positionOf ? sceneInMotion(scene, map, positionOf) : scene;
  }
}
