import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { catalog } from "../../runtime/catalog/catalog";
import { DirectoryObjectStore } from "../../runtime/platform/local/directory-object-store";
import { DuckDbWarehouse } from "../../runtime/platform/local/duckdb-warehouse";
import { FileDocStore } from "../../runtime/platform/local/file-doc-store";
import { InProcessBus } from "../../runtime/platform/local/in-process-bus";
import type { Warehouse } from "../../runtime/platform/ports/warehouse";
import { busContract } from "./contract/bus.contract";
import { docStoreContract } from "./contract/doc-store.contract";
import { objectStoreContract } from "./contract/object-store.contract";
import { warehouseContract } from "./contract/warehouse.contract";

/** The port contracts against the local adapters (the same suites run against GCP in contract-gcp). */
const dir = mkdtempSync(join(tmpdir(), "nba-props-contract-local-"));
const warehouses: Warehouse[] = [];
afterAll(async () => {
  for (const w of warehouses) await w.close();
  rmSync(dir, { recursive: true, force: true });
});

warehouseContract("local (DuckDB)", async () => {
  const warehouse = await DuckDbWarehouse.open({ path: ":memory:" });
  warehouses.push(warehouse);
  return warehouse;
});
docStoreContract("local (files)", () => Promise.resolve(new FileDocStore(join(dir, "docs"))));
objectStoreContract("local (directory)", () => Promise.resolve(new DirectoryObjectStore(join(dir, "objects"))));
busContract("local (in-process)", () => Promise.resolve(new InProcessBus({ topics: catalog.topics, backoffScale: 0 })));
