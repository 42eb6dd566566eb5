import { constants, crc32, deflateRawSync } from 'node:zlib';

const SYNC = { level: 1, finishFlush: constants.Z_SYNC_FLUSH };
/** The empty final deflate block that ends a stream of sync-flushed pieces. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
/** 1980-01-01 00:00, the earliest DOS date: entries carry no meaningful time. */
const DOS_DATE = 0x0021;

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

/**
 * A ZIP archive written as a stream, one entry at a time, each deflated by Node's zlib piece by
 * piece: every piece is compressed on its own and sync-flushed, so the pieces concatenate into one
 * valid deflate stream without keeping the entry in memory. Sizes and CRC follow each entry in a
 * data descriptor (flag bit 3). No ZIP64: an entry must stay under 4 GiB.
 */
export class ZipStream {
  private readonly out: Buffer[] = [];
  private readonly entries: Entry[] = [];
  private current: Entry | null = null;
  private offset = 0;

  private push(b: Buffer): void {
    this.out.push(b);
    this.offset += b.length;
  }

  begin(name: string): void {
    if (this.current) this.end();
    const n = Buffer.from(name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4); // version needed
    h.writeUInt16LE(0x0808, 6); // data descriptor + UTF-8 names
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt16LE(0, 10);
    h.writeUInt16LE(DOS_DATE, 12);
    h.writeUInt16LE(n.length, 26);
    this.current = { name: n, offset: this.offset, crc: 0, compressed: 0, size: 0 };
    this.push(h);
    this.push(n);
  }

  write(data: Buffer): void {
    const e = this.current;
    if (!e) throw new RangeError('ZipStream.write before begin');
    if (data.length === 0) return;
    e.crc = crc32(data, e.crc);
    e.size += data.length;
    const z = deflateRawSync(data, SYNC);
    e.compressed += z.length;
    this.push(z);
  }

  end(): void {
    const e = this.current;
    if (!e) return;
    this.push(FINAL_BLOCK);
    e.compressed += FINAL_BLOCK.length;
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc >>> 0, 4);
    d.writeUInt32LE(e.compressed, 8);
    d.writeUInt32LE(e.size, 12);
    this.push(d);
    this.entries.push(e);
    this.current = null;
  }

  /** Ends the archive: the central directory and its end record. */
  finish(): void {
    this.end();
    const start = this.offset;
    for (const e of this.entries) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0808, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt16LE(DOS_DATE, 14);
      c.writeUInt32LE(e.crc >>> 0, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      this.push(c);
      this.push(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.push(end);
  }

  /** The bytes produced since the last call. */
  take(): Buffer[] {
    return this.out.splice(0, this.out.length);
  }
}
