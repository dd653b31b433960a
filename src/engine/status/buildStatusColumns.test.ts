import type { TrackerTable } from "../tables/TrackerTable";
import { buildStatusColumns } from "./buildStatusColumns";
import { STATUS_BLOCK_MARKER } from "./StatusColumnsModel";
import { withColumns } from "../tables/tableColumns";

const table: TrackerTable = withColumns({
  sheetKey: "jointTracker",
  sheetName: "Joint Tracker",
  headerRow: 1,
  columns: [],
  rows: [{ rowNumber: 2, values: {} }],
});

describe("buildStatusColumns", () => {
  it("puts a new block in the first free column right of everything in the table's rows", () => {
    const built = buildStatusColumns({
      snapshot: {
        name: "Joint Tracker",
        values: [
          ["Child ID", "Notes"],
          ["C001", null, "aside"],
        ],
        merges: [],
        protected: false,
      },
      table,
      rows: [],
      standards: [],
    });
    expect(built.ok && [built.model.firstColumn, built.model.headers[0], built.model.clear.columns]).toEqual([
      4,
      STATUS_BLOCK_MARKER,
      0,
    ]);
  });

  it("writes over an earlier block found by its marker, and reports a user's cell in the way of a wider one", () => {
    const earlier = [["Child ID", STATUS_BLOCK_MARKER, "▸ RAG next due date", "Mine"], ["C001"]];
    const snapshot = { name: "Joint Tracker", values: earlier, merges: [], protected: false };
    const built = buildStatusColumns({ snapshot, table, rows: [], standards: [] });
    // Three headers (overall, next due date, next due standard) but the earlier block owns two columns.
    expect(built.ok ? built.model : built.problem).toEqual(
      expect.objectContaining({ code: "columns-in-use", message: expect.stringContaining("D1 holds data") }),
    );
    const clear = buildStatusColumns({
      snapshot: { ...snapshot, values: [earlier[0]?.slice(0, 3) ?? [], ["C001"]] },
      table,
      rows: [],
      standards: [],
    });
    expect(clear.ok && [clear.model.firstColumn, clear.model.clear]).toEqual([2, { columns: 2, lastRow: 2 }]);
  });
});
