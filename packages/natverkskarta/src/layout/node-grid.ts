/** Where a node is: all the grid needs of it. */
interface Placed {
  x: number;
  y: number;
}

/**
 * Nodes sorted into a grid of equal cells, so that a force looks only at the nodes in the cells around a node
 * instead of at every node. The forces run it every tick of a layout; it keeps its arrays from tick to tick and
 * allocates only when the map grows, because the allocations of a tree rebuilt each tick (d3's quadtree) cost a
 * first layout more in garbage collection than the forces themselves.
 *
 * Cells are hashed into a table of a power-of-two size, so a map of any extent needs no more memory than its
 * nodes; the pairs leave out nodes of other cells that share a bucket.
 */
export class NodeGrid {
  /** The first node (index into the nodes last filled in) of each bucket, or -1. */
  private heads = new Int32Array(0);
  /** The next node in the same bucket, or -1. */
  private chain = new Int32Array(0);
  private columns = new Int32Array(0);
  private rows = new Int32Array(0);
  private mask = 0;

  /** `offsetX` and `offsetY` say where a node (by index) counts as being: at its box's middle. */
  constructor(
    private readonly cellWidth: number,
    private readonly cellHeight: number,
    private readonly offsetX: (index: number) => number = () => 0,
    private readonly offsetY: (index: number) => number = () => 0,
  ) {}

  /**
   * Calls `visit(a, b)` for every two nodes (by index, `a < b`) in the same or neighbouring cells: each pair once,
   * in a fixed order (by `a`, then by cell, then by `b`). The loops are written out here rather than behind a
   * method per cell or per node, because a first layout runs them before V8 has optimised anything.
   */
  forEachNearPair(nodes: readonly Placed[], visit: (a: number, b: number) => void): void {
    this.fill(nodes);
    const { heads, chain, columns, rows, mask } = this;
    for (let a = 0; a < nodes.length; a++) {
      const column = columns[a]!;
      const row = rows[a]!;
      for (let i = -1; i <= 1; i++)
        for (let j = -1; j <= 1; j++) {
          const c = column + i;
          const r = row + j;
          for (let b = heads[bucketOf(c, r, mask)]!; b >= 0; b = chain[b]!)
            // The bucket may also hold nodes of other cells.
            if (b > a && columns[b] === c && rows[b] === r) visit(a, b);
        }
    }
  }

  /**
   * Visits (by index into the nodes last filled in, see `fill`), once each, every node in the cells within one cell
   * of a line segment, so that a long tie looks at the boxes along it, not at all. Row by row: the part of the
   * segment within a row's band of three rows gives the row's cells to look in, each cell once.
   */
  forEachNearSegment(x1: number, y1: number, x2: number, y2: number, visit: (index: number) => void): void {
    const { heads, chain, columns, rows, mask, cellWidth, cellHeight } = this;
    const top = Math.min(y1, y2);
    const bottom = Math.max(y1, y2);
    const firstRow = Math.floor(top / cellHeight) - 1;
    const lastRow = Math.floor(bottom / cellHeight) + 1;
    for (let r = firstRow; r <= lastRow; r++) {
      // The segment between the top of the row above and the bottom of the row below: where x is along it there.
      const from = Math.max(top, (r - 1) * cellHeight);
      const to = Math.min(bottom, (r + 2) * cellHeight);
      if (from > to) continue;
      let left = Math.min(x1, x2);
      let right = Math.max(x1, x2);
      if (y1 !== y2) {
        const xFrom = x1 + ((x2 - x1) * (from - y1)) / (y2 - y1);
        const xTo = x1 + ((x2 - x1) * (to - y1)) / (y2 - y1);
        left = Math.min(xFrom, xTo);
        right = Math.max(xFrom, xTo);
      }
      const lastColumn = Math.floor(right / cellWidth) + 1;
      for (let c = Math.floor(left / cellWidth) - 1; c <= lastColumn; c++)
        for (let b = heads[bucketOf(c, r, mask)]!; b >= 0; b = chain[b]!) if (columns[b] === c && rows[b] === r) visit(b);
    }
  }

  /** Sorts the nodes into their cells (each at its point plus its offsets). */
  fill(nodes: readonly Placed[]): void {
    const count = nodes.length;
    if (this.chain.length < count) {
      const capacity = Math.max(16, count);
      this.chain = new Int32Array(capacity);
      this.columns = new Int32Array(capacity);
      this.rows = new Int32Array(capacity);
      let buckets = 16;
      while (buckets < 2 * capacity) buckets *= 2;
      this.heads = new Int32Array(buckets);
      this.mask = buckets - 1;
    }
    this.heads.fill(-1);
    // Backwards, so that each bucket lists its nodes in the order given.
    for (let index = count - 1; index >= 0; index--) {
      const node = nodes[index]!;
      const column = Math.floor((node.x + this.offsetX(index)) / this.cellWidth);
      const row = Math.floor((node.y + this.offsetY(index)) / this.cellHeight);
      this.columns[index] = column;
      this.rows[index] = row;
      const bucket = bucketOf(column, row, this.mask);
      this.chain[index] = this.heads[bucket]!;
      this.heads[bucket] = index;
    }
  }
}

const bucketOf = (column: number, row: number, mask: number) => (Math.imul(column, 73856093) ^ Math.imul(row, 19349663)) & mask;
