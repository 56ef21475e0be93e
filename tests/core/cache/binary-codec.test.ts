import { describe, expect, it } from 'vitest';
import { decode, DecodeError, encode } from '../../../src/core/cache/binary-codec.js';
import { pacer } from '../../../src/core/pace.js';

const roundTrip = async (value: unknown) => decode(encode(value));

describe('binary codec', () => {
  it('GIVEN plain data of every kind THEN it comes back equal', async () => {
    const value = {
      text: 'Levashov, café, 東京, emoji 🙂, NUL \u0000 inside',
      numbers: [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 40, 0.1, -0, 1e-300],
      flags: [true, false, null],
      nested: { list: [[], {}, [['a']]], optional: undefined },
      typed: {
        u32: Uint32Array.of(0, 4_000_000_000),
        i32: Int32Array.of(-5, 7),
        f64: Float64Array.of(Math.PI),
        u8: Uint8Array.of(255),
      },
    };
    const back = (await roundTrip(value)) as typeof value;
    expect(back).toEqual({ ...value, nested: { list: [[], {}, [['a']]] } });
    expect(Object.is(back.numbers[8], -0)).toBe(true);
    expect(back.typed.u32).toBeInstanceOf(Uint32Array);
    expect('optional' in back.nested).toBe(false);
  });

  it('GIVEN the same array twice THEN it comes back as one shared array, and repeated strings are stored once', async () => {
    const shared = ['title', 'terms'];
    const back = (await roundTrip({ a: shared, b: shared, c: ['title'] })) as Record<string, string[]>;
    expect(back.a).toBe(back.b);
    expect(back.c).not.toBe(back.a);
    const once = encode(Array.from({ length: 1000 }, () => 'detention')).length;
    const distinct = encode(Array.from({ length: 1000 }, (_, k) => `detention${k}`)).length;
    expect(once).toBeLessThan(distinct / 2);
  });

  it('GIVEN a Map, a class instance or a "__proto__" key THEN encoding refuses it with the path', () => {
    expect(() => encode({ x: new Map() })).toThrow(/Map at value\.x/);
    expect(() => encode(JSON.parse('{"__proto__": {"polluted": true}}'))).toThrow(/__proto__/);
  });

  it('GIVEN damaged or truncated bytes THEN decoding fails with a DecodeError, never a wrong value', async () => {
    const bytes = encode({
      passages: Array.from({ length: 200 }, (_, k) => ({ id: k, text: `sentence ${k}` })),
    });
    await expect(decode(bytes.subarray(0, bytes.length / 2))).rejects.toBeInstanceOf(DecodeError);
    await expect(decode(new Uint8Array(16))).rejects.toBeInstanceOf(DecodeError);
  });

  it('GIVEN a pacer THEN decoding yields to the event loop and still returns the same value', async () => {
    const value = Array.from({ length: 5_000 }, (_, k) => [`t${k % 97}`, k]);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const back = await decode(encode(value), pacer(0));
    clearInterval(timer);
    expect(back).toEqual(value);
    expect(ticks).toBeGreaterThan(0);
  });

  it('GIVEN encoded bytes at any offset, or strings longer than a decoding group THEN the same value comes back', async () => {
    const value = {
      long: 'a'.repeat(200_000),
      wide: 'ж'.repeat(70_000),
      many: Array.from({ length: 20_000 }, (_, k) => `word${k}`),
      ints: [1, -2, 3],
    };
    // Many copying steps, compared as bytes: toEqual walks typed arrays slowly.
    const numbers = Float64Array.from({ length: 150_000 }, (_, k) => k / 3);
    const same = (a: unknown): boolean =>
      Buffer.from((a as Float64Array).buffer).equals(Buffer.from(numbers.buffer));
    const bytes = encode({ ...value, numbers });
    for (const offset of [0, 1, 3, 4, 8]) {
      const shifted = new Uint8Array(bytes.length + offset);
      shifted.set(bytes, offset);
      const { numbers: backNumbers, ...back } = (await decode(shifted.subarray(offset), pacer(0))) as {
        numbers: unknown;
      };
      expect(back).toEqual(value);
      // The result never shares the input's memory: the caller may reuse it.
      shifted.fill(0);
      expect(back).toEqual(value);
      expect(same(backNumbers)).toBe(true);
    }
  });
});
