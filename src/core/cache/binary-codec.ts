import { UNPACED, type Pacer } from '../pace.js';

/**
 * A compact binary form for plain data (what JSON holds, plus typed arrays and shared references), made
 * for one job: saving a built index and bringing it back quickly, in a fresh process or from a worker.
 *
 * Why not JSON or MessagePack: an index is millions of small strings (one per term occurrence) and small
 * integers. JSON and MessagePack decoders create each string separately and repeat every object's keys.
 * Here every distinct string is stored once and all of them come back from a single Latin-1 (or UTF-16)
 * decode of one buffer, so a term that occurs a million times is one string in memory; objects of the
 * same keys share one key list; numbers go in typed arrays; and big number arrays are stored raw.
 * Decoding is a loop over a tag stream with its own stack, so it can pause between slices (see Pacer)
 * and let a bot answer questions while a reloaded index is brought in.
 *
 * Layout: u32 magic, u32 meta length, meta JSON, then 8-byte aligned sections (tags, ints, floats,
 * string ids, string lengths, string chunks, user typed arrays) that the meta lists in order.
 */

const MAGIC = 0xcafe_f11e;
// Small enough that decoding one chunk (a single call) stays a few milliseconds on the main thread.
const MAX_CHUNK_CHARS = 4 * 1024 * 1024;
const LATIN1 = /^[\0-\xff]*$/;
// Decoding: strings are made from groups of about this many characters, typed arrays copied in steps
// of this many bytes: small steps, since a pacer looks at the clock only every few hundred of them.
const STRING_GROUP_CHARS = 64 * 1024;
const COPY_STEP_BYTES = 4 * 1024;

const T_NULL = 0;
const T_UNDEFINED = 1;
const T_FALSE = 2;
const T_TRUE = 3;
const T_INT = 4;
const T_FLOAT = 5;
const T_STRING = 6;
const T_ARRAY = 7;
const T_OBJECT = 8;
const T_SHARED_ARRAY = 9;
const T_SHARED_OBJECT = 10;
const T_REF = 11;
const T_TYPED = 12;

const TYPED = {
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Int32Array,
  Float64Array,
} as const;
type TypedKind = keyof typeof TYPED;
type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

interface Meta {
  readonly shapes: string[][];
  /** Byte length of each section, in the order written. */
  readonly sections: { readonly kind: TypedKind | 'bytes'; readonly bytes: number }[];
  /** String chunks: how many strings each holds and whether it is Latin-1 (else UTF-16LE). */
  readonly chunks: { readonly count: number; readonly latin1: boolean }[];
}

class Grow<A extends Uint8Array | Int32Array | Uint32Array> {
  length = 0;
  constructor(
    public data: A,
    private readonly make: (n: number) => A,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  done(): A {
    return this.data.subarray(0, this.length) as A;
  }
}

/** Plain data to bytes. Maps, Sets and class instances are refused: convert them first. */
export function encode(value: unknown): Uint8Array {
  const tags = new Grow(new Uint8Array(1024), (n) => new Uint8Array(n));
  const ints = new Grow(new Int32Array(1024), (n) => new Int32Array(n));
  const strs = new Grow(new Uint32Array(1024), (n) => new Uint32Array(n));
  const floats: number[] = [];
  const typed: Typed[] = [];
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  // Where each container's tag is, so a second sighting can mark it shared and point at it.
  const seen = new Map<object, number>();

  const put = (v: unknown, path: string): void => {
    switch (typeof v) {
      case 'string': {
        let id = stringIds.get(v);
        if (id === undefined) {
          id = strings.length;
          strings.push(v);
          stringIds.set(v, id);
        }
        tags.push(T_STRING);
        strs.push(id);
        return;
      }
      case 'number':
        if (Number.isInteger(v) && v >= -0x8000_0000 && v <= 0x7fff_ffff && !Object.is(v, -0)) {
          tags.push(T_INT);
          ints.push(v);
        } else {
          tags.push(T_FLOAT);
          floats.push(v);
        }
        return;
      case 'boolean':
        tags.push(v ? T_TRUE : T_FALSE);
        return;
      case 'undefined':
        tags.push(T_UNDEFINED);
        return;
      case 'object':
        break;
      default:
        throw new TypeError(`cannot encode a ${typeof v} at ${path}`);
    }
    if (v === null) {
      tags.push(T_NULL);
      return;
    }
    const at = seen.get(v);
    if (at !== undefined) {
      tags.data[at] = Array.isArray(v) ? T_SHARED_ARRAY : T_SHARED_OBJECT;
      tags.push(T_REF);
      ints.push(at);
      return;
    }
    if (ArrayBuffer.isView(v)) {
      const kind = v.constructor.name as TypedKind;
      if (!(kind in TYPED)) throw new TypeError(`cannot encode a ${kind} at ${path}`);
      tags.push(T_TYPED);
      ints.push(typed.length);
      typed.push(v as Typed);
      return;
    }
    seen.set(v, tags.length);
    if (Array.isArray(v)) {
      tags.push(T_ARRAY);
      ints.push(v.length);
      for (let k = 0; k < v.length; k++) put(v[k], path);
      return;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(
        `cannot encode a ${(v as { constructor?: { name: string } }).constructor?.name ?? 'object'} at ${path}`,
      );
    }
    const record = v as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined);
    if (keys.includes('__proto__')) throw new TypeError(`cannot encode a "__proto__" key at ${path}`);
    const signature = keys.join('\0');
    let shape = shapeIds.get(signature);
    if (shape === undefined) {
      shape = shapes.length;
      shapes.push(keys);
      shapeIds.set(signature, shape);
    }
    tags.push(T_OBJECT);
    ints.push(shape);
    for (const key of keys) put(record[key], `${path}.${key}`);
  };
  put(value, 'value');

  // Latin-1 strings first (one byte a character in memory), then the rest, in chunks V8 can hold.
  const order = strings.map((_, id) => id);
  const latin1 = strings.map((s) => LATIN1.test(s));
  order.sort((a, b) => Number(latin1[b]) - Number(latin1[a]) || a - b);
  const newId = new Uint32Array(strings.length);
  order.forEach((old, id) => (newId[old] = id));
  const stringIdStream = strs.done();
  for (let k = 0; k < stringIdStream.length; k++) stringIdStream[k] = newId[stringIdStream[k]!]!;
  const lengths = new Uint32Array(order.map((id) => strings[id]!.length));
  const chunks: Meta['chunks'] = [];
  const chunkBytes: Uint8Array[] = [];
  for (let start = 0; start < order.length;) {
    const isLatin1 = latin1[order[start]!]!;
    let end = start;
    let chars = 0;
    while (
      end < order.length &&
      latin1[order[end]!] === isLatin1 &&
      (chars < MAX_CHUNK_CHARS || end === start)
    ) {
      chars += strings[order[end]!]!.length;
      end++;
    }
    const text = order
      .slice(start, end)
      .map((id) => strings[id])
      .join('');
    chunkBytes.push(Buffer.from(text, isLatin1 ? 'latin1' : 'utf16le'));
    chunks.push({ count: end - start, latin1: isLatin1 });
    start = end;
  }

  const sections: Uint8Array[] = [];
  const kinds: Meta['sections'] = [];
  const add = (view: Typed, kind: TypedKind | 'bytes') => {
    sections.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    kinds.push({ kind, bytes: view.byteLength });
  };
  add(tags.done(), 'Uint8Array');
  add(ints.done(), 'Int32Array');
  add(Float64Array.from(floats), 'Float64Array');
  add(stringIdStream, 'Uint32Array');
  add(lengths, 'Uint32Array');
  for (const bytes of chunkBytes) add(bytes, 'bytes');
  for (const t of typed) add(t, t.constructor.name as TypedKind);

  const meta = Buffer.from(JSON.stringify({ shapes, sections: kinds, chunks } satisfies Meta));
  const align = (n: number) => (n + 7) & ~7;
  let size = align(8 + meta.length);
  for (const s of sections) size = align(size + s.byteLength);
  const out = new Uint8Array(size);
  const head = new DataView(out.buffer);
  head.setUint32(0, MAGIC, true);
  head.setUint32(4, meta.length, true);
  out.set(meta, 8);
  let at = align(8 + meta.length);
  for (const s of sections) {
    out.set(s, at);
    at = align(at + s.byteLength);
  }
  return out;
}

/** Thrown for bytes that are not a whole encoding: the caller treats the cache as corrupt. */
export class DecodeError extends Error {}

interface Frame {
  readonly c: unknown[] | Record<string, unknown>;
  readonly keys: string[] | null;
  readonly n: number;
  k: number;
}

export interface DecodeOptions {
  /**
   * Typed arrays in the value as views of `bytes` (where aligned) instead of copies: nothing to copy,
   * but the value keeps all of `bytes` alive, and `bytes` must never change. Worth it when most of
   * `bytes` is number arrays that live as long as the value (a loaded index).
   */
  readonly views?: boolean;
}

/**
 * Bytes back to the data `encode` was given. Typed arrays come back as copies (unless `options.views`),
 * so nothing keeps the (large) input buffer alive; the input must not change until the returned
 * promise settles. With a pacer, yields to the event loop between slices.
 */
export async function decode(
  bytes: Uint8Array,
  pace: Pacer = UNPACED,
  options: DecodeOptions = {},
): Promise<unknown> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 8 || buffer.readUInt32LE(0) !== MAGIC) throw new DecodeError('not an encoded value');
  const metaLength = buffer.readUInt32LE(4);
  let meta: Meta;
  try {
    meta = JSON.parse(buffer.toString('utf8', 8, 8 + metaLength)) as Meta;
  } catch {
    throw new DecodeError('damaged header');
  }
  // Assigning this key would replace an object's prototype; encode never writes it.
  if (!Array.isArray(meta.shapes) || meta.shapes.some((keys) => keys.includes('__proto__'))) {
    throw new DecodeError('bad shapes');
  }
  const align = (n: number) => (n + 7) & ~7;
  let at = align(8 + metaLength);
  const views: Array<{ kind: TypedKind | 'bytes'; start: number; bytes: number }> = [];
  for (const s of meta.sections) {
    if (at + s.bytes > buffer.length) throw new DecodeError('truncated');
    views.push({ kind: s.kind, start: at, bytes: s.bytes });
    at = align(at + s.bytes);
  }
  const kindOf = (k: number) => {
    const v = views[k];
    if (!v || v.kind === 'bytes') throw new DecodeError('missing section');
    // The kind was read from the file: an unknown one is a damaged cache, not a type error.
    const Kind = Object.hasOwn(TYPED, v.kind) ? TYPED[v.kind] : undefined;
    if (!Kind) throw new DecodeError('unknown section kind');
    return { v, Kind };
  };
  // The streams below are read once and dropped: viewed in place when aligned (an index that came
  // from a worker is), so decoding starts without copying megabytes in one go.
  const stream = (k: number): Typed => {
    const { v, Kind } = kindOf(k);
    const start = buffer.byteOffset + v.start;
    if (start % Kind.BYTES_PER_ELEMENT === 0) {
      return new Kind(buffer.buffer as ArrayBuffer, start, v.bytes / Kind.BYTES_PER_ELEMENT);
    }
    const out = new Kind(v.bytes / Kind.BYTES_PER_ELEMENT);
    new Uint8Array(out.buffer).set(buffer.subarray(v.start, v.start + v.bytes));
    return out;
  };
  // Typed arrays in the value are copies, so nothing keeps the input alive; copied in steps between
  // which the pacer may pause. Or views, when asked for and aligned.
  const copy = async (k: number): Promise<Typed> => {
    const { v, Kind } = kindOf(k);
    const start = buffer.byteOffset + v.start;
    if (options.views && start % Kind.BYTES_PER_ELEMENT === 0) {
      return new Kind(buffer.buffer as ArrayBuffer, start, v.bytes / Kind.BYTES_PER_ELEMENT);
    }
    const out = new Kind(v.bytes / Kind.BYTES_PER_ELEMENT);
    const into = new Uint8Array(out.buffer);
    for (let at = 0; at < v.bytes; at += COPY_STEP_BYTES) {
      const end = Math.min(v.bytes, at + COPY_STEP_BYTES);
      into.set(buffer.subarray(v.start + at, v.start + end), at);
      if (pace.due()) await pace.pause();
    }
    return out;
  };
  const tags = stream(0) as Uint8Array;
  const ints = stream(1) as Int32Array;
  const floats = stream(2) as Float64Array;
  const strIds = stream(3) as Uint32Array;
  const lengths = stream(4) as Uint32Array;

  // Unpaced (nothing else waits on this thread), strings come from whole chunks: Node keeps a string
  // of over a megabyte outside the JavaScript heap, where the collector neither copies nor scans it.
  const groupChars = pace === UNPACED ? MAX_CHUNK_CHARS : STRING_GROUP_CHARS;
  const strings: string[] = new Array<string>(lengths.length);
  let made = 0;
  let section = 5;
  for (const chunk of meta.chunks) {
    const v = views[section++];
    if (!v) throw new DecodeError('missing strings');
    const width = chunk.latin1 ? 1 : 2;
    const encoding = chunk.latin1 ? 'latin1' : 'utf16le';
    const end = made + chunk.count;
    if (end > lengths.length) throw new DecodeError('string lengths do not match');
    // Decoded a group of strings at a time (one string alone when it is longer): one call on a
    // whole chunk took tens of milliseconds that nothing could interrupt.
    let at = v.start;
    while (made < end) {
      let last = made;
      let chars = lengths[last++]!;
      while (last < end && chars + lengths[last]! <= groupChars) chars += lengths[last++]!;
      if (at + chars * width > v.start + v.bytes) throw new DecodeError('string lengths do not match');
      const text = buffer.toString(encoding, at, at + chars * width);
      at += chars * width;
      let pos = 0;
      for (; made < last; made++) {
        const len = lengths[made]!;
        strings[made] = text.slice(pos, pos + len);
        pos += len;
        if (pace.due()) await pace.pause();
      }
    }
    if (at !== v.start + v.bytes) throw new DecodeError('string lengths do not match');
  }
  if (made !== lengths.length) throw new DecodeError('string lengths do not match');
  const typedBase = section;

  let ti = 0;
  let ii = 0;
  let fi = 0;
  let si = 0;
  const shared = new Map<number, unknown>();
  const stack: Frame[] = [];
  for (;;) {
    if (pace.due()) await pace.pause();
    if (ti >= tags.length) throw new DecodeError('truncated value');
    const tagAt = ti;
    const tag = tags[ti++];
    let v: unknown;
    switch (tag) {
      case T_NULL:
        v = null;
        break;
      case T_UNDEFINED:
        v = undefined;
        break;
      case T_FALSE:
        v = false;
        break;
      case T_TRUE:
        v = true;
        break;
      case T_INT:
        v = ints[ii++];
        break;
      case T_FLOAT:
        v = floats[fi++];
        break;
      case T_STRING:
        v = strings[strIds[si++]!];
        if (v === undefined) throw new DecodeError('bad string id');
        break;
      case T_REF:
        v = shared.get(ints[ii++]!);
        if (v === undefined) throw new DecodeError('bad reference');
        break;
      case T_TYPED:
        v = await copy(typedBase + ints[ii++]!);
        break;
      case T_ARRAY:
      case T_SHARED_ARRAY: {
        const n = ints[ii++]!;
        // Sized once: growing millions of small arrays by push left as much garbage as data.
        const a: unknown[] = new Array<unknown>(n);
        if (tag === T_SHARED_ARRAY) shared.set(tagAt, a);
        if (n > 0) {
          stack.push({ c: a, keys: null, n, k: 0 });
          continue;
        }
        v = a;
        break;
      }
      case T_OBJECT:
      case T_SHARED_OBJECT: {
        const keys = meta.shapes[ints[ii++]!];
        if (!keys) throw new DecodeError('bad shape');
        const o: Record<string, unknown> = {};
        if (tag === T_SHARED_OBJECT) shared.set(tagAt, o);
        if (keys.length > 0) {
          stack.push({ c: o, keys, n: keys.length, k: 0 });
          continue;
        }
        v = o;
        break;
      }
      default:
        throw new DecodeError('bad tag');
    }
    // Put the value in its container; a container that is now full is itself the next value to place.
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) {
        if (ti !== tags.length) throw new DecodeError('trailing data');
        return v;
      }
      if (top.keys) (top.c as Record<string, unknown>)[top.keys[top.k]!] = v;
      else (top.c as unknown[])[top.k] = v;
      if (++top.k < top.n) break;
      stack.pop();
      v = top.c;
    }
  }
}
