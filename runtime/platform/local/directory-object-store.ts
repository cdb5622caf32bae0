import { mkdir, readFile, readdir, writeFile, rename } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { assertObjectPath, type ObjectStore } from "../ports/object-store";

/** Objects as files under a root directory. Writes go through a temp file and a rename. */
export class DirectoryObjectStore implements ObjectStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private file(path: string): string {
    assertObjectPath(path);
    return join(this.root, ...path.split("/"));
  }

  async put(path: string, body: Buffer | string): Promise<void> {
    const file = this.file(path);
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.tmp-${process.pid}`;
    await writeFile(temp, body);
    await rename(temp, file);
  }

  async get(path: string): Promise<Buffer> {
    return readFile(this.file(path));
  }

  async list(prefix: string): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
        throw err;
      }
      for (const entry of entries) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (!entry.name.includes(".tmp-")) out.push(relative(this.root, full).split(sep).join("/"));
      }
    };
    await walk(this.root);
    return out.filter((p) => p.startsWith(prefix)).sort();
  }

  uri(path: string): string {
    return pathToFileURL(this.file(path)).href;
  }
}
