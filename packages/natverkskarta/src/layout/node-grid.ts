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
 * nodes; `first` and `next` skip nodes of other cells that share a bucket.
 */
export class NodeGrid {
  /** The first node (index into the nodes last filled in) of each bucket, or -1. */
  private heads = new Int32Array(0);
  /** The next node in the same bucket, or -1. */
  private chain = new Int32Array(0);
  private columns = new Int32Array(0);
  private rows = new Int32Array(0);
  private mask = 0;

  /** @param offsetY Where the cell boundaries fall vertically: a node counts as at `y + offsetY`. */
  constructor(
    private readonly cellWidth: number,
    private readonly cellHeight: number,
    private readonly offsetY = 0,
  ) {}

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
      const column = Math.floor(node.x / this.cellWidth);
      const row = Math.floor((node.y + this.offsetY) / this.cellHeight);
      this.columns[index] = column;
      this.rows[index] = row;
      const bucket = this.bucket(column, row);
      this.chain[index] = this.heads[bucket]!;
      this.heads[bucket] = index;
    }
  }

  /** The cell column and row of the node at `index`. */
  column(index: number): number {
    return this.columns[index]!;
  }

  row(index: number): number {
    return this.rows[index]!;
  }

  /** The first node in the cell, or -1. */
  first(column: number, row: number): number {
    return this.inCell(this.heads[this.bucket(column, row)]!, column, row);
  }

  /** The node after `index` in the same cell, or -1. */
  next(index: number, column: number, row: number): number {
    return this.inCell(this.chain[index]!, column, row);
  }

  private inCell(index: number, column: number, row: number): number {
    while (index >= 0 && (this.columns[index] !== column || this.rows[index] !== row)) index = this.chain[index]!;
    return index;
  }

  private bucket(column: number, row: number): number {
    return (Math.imul(column, 73856093) ^ Math.imul(row, 19349663)) & this.mask;
  }
}
