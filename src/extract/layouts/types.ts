/**
 * The one small interface every layout of commitments implements. A layout says which
 * blocks it claims (a table, or the blocks that open a commitment in the running text)
 * and reads them into drafts through the shared record builder; the driver in ./index.ts
 * runs the layouts of the registry and reconciles their claims.
 */
import type { Block, TableModel } from "../blocks.js";
import type { ColourKey } from "../colour-key.js";
import type { CommitmentBuilder, Draft, Section } from "../record-builder.js";
import type { ColumnPlan } from "../tables.js";

/** What a layout is given for one document. */
export interface LayoutContext {
  builder: CommitmentBuilder;
  /** The status section the running text is in ("Engagements réalisés"), which commitments opened now share. */
  section(): Section | null;
  /** What the document's status colours mean, from its own legend. */
  colourKey: ColourKey;
}

/** A commitment a layout opened: its draft, and the block that opened it (what ends the commitment depends on it). */
export interface Opened {
  draft: Draft;
  start: Block;
  /** The opening block says all there is on the commitment (one item of a review list): what follows is not its content. */
  whole?: boolean;
}

/** A layout of tables: the first layout of the registry that claims a table reads all of it. */
export interface TableLayout {
  readonly name: string;
  claims(table: TableModel, plan: ColumnPlan | null): boolean;
  read(table: TableModel, plan: ColumnPlan | null, ctx: LayoutContext): void;
}

/** A layout of the running text, read once per document in reading order. */
export interface FlowLayout {
  readonly name: string;
  /** A reader for one document (it may remember what it judged: a list is judged once, not once per item). */
  reader(flow: readonly Block[], ctx: LayoutContext): FlowReader;
}

export interface FlowReader {
  /** Opens a commitment at flow[k] even while another is being read: a new heading ends the one before. */
  interrupt?(k: number): Opened | null;
  /** Opens a commitment at flow[k] when none is being read (the block ended the one before, or none was open). */
  open?(k: number): Opened | null;
}
