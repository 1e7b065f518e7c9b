/**
 * The values a process has learnt to be secret, found in any text in one pass whose cost depends on the
 * text's length, not on how many values are known: runs remember one more token with every API exchange,
 * so a matcher that grows with the set (one big alternation) would make every test slower than the last.
 *
 * Values are bucketed by their first `prefixLength` characters and, inside a bucket, by length. At each
 * position of a text the prefix is looked up; on a hit, one set lookup per distinct length decides. Access
 * tokens share their JWT header, so a bucket may hold thousands of values but only a few lengths.
 */
interface Bucket {
  /** Distinct lengths of the bucket's values, longest first: the longest value at a position wins. */
  readonly lengths: number[];
  readonly values: Set<string>;
}

export class SecretIndex {
  private readonly buckets = new Map<string, Bucket>();
  private count = 0;

  constructor(private readonly prefixLength: number) {}

  get size(): number {
    return this.count;
  }

  /** Adds a value of at least `prefixLength` characters; shorter ones are ignored. */
  add(value: string): void {
    if (value.length < this.prefixLength) return;
    const prefix = value.slice(0, this.prefixLength);
    let bucket = this.buckets.get(prefix);
    if (!bucket) {
      bucket = { lengths: [], values: new Set() };
      this.buckets.set(prefix, bucket);
    }
    if (bucket.values.has(value)) return;
    bucket.values.add(value);
    if (!bucket.lengths.includes(value.length)) {
      bucket.lengths.push(value.length);
      bucket.lengths.sort((a, b) => b - a);
    }
    this.count++;
  }

  clear(): void {
    this.buckets.clear();
    this.count = 0;
  }

  /** `text` with every occurrence of a known value replaced by `replacement`. */
  replaceIn(text: string, replacement: string): string {
    if (this.count === 0 || text.length < this.prefixLength) return text;
    let result = '';
    let copiedUpTo = 0;
    const last = text.length - this.prefixLength;
    for (let at = 0; at <= last; ) {
      const length = this.matchAt(text, at);
      if (length === 0) {
        at++;
        continue;
      }
      result += text.slice(copiedUpTo, at) + replacement;
      at += length;
      copiedUpTo = at;
    }
    return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
  }

  /** The length of the longest known value starting at `at`, or 0. */
  private matchAt(text: string, at: number): number {
    const bucket = this.buckets.get(text.slice(at, at + this.prefixLength));
    if (!bucket) return 0;
    for (const length of bucket.lengths) {
      if (at + length <= text.length && bucket.values.has(text.slice(at, at + length))) return length;
    }
    return 0;
  }
}
