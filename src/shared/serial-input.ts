/**
 * Ways to name many serials at once: a range `SN-001::SN-010` (or its two ends), or a
 * first serial and a count. Both keep zero padding and count in the LAST run of digits,
 * so `BAV023B00001` + 3 gives BAV023B00001, BAV023B00002, BAV023B00003.
 */

import { cleanSerial } from "./serial-text"

export const MAX_RANGE_SIZE = 100_000

export class SerialInputError extends Error {}

type Split = { head: string; digits: string; tail: string }

function splitLastDigits(serial: string): Split | null {
  const m = /^(.*?)(\d+)(\D*)$/.exec(serial)
  return m ? { head: m[1], digits: m[2], tail: m[3] } : null
}

function build(split: Split, value: bigint, width: number): string {
  return `${split.head}${value.toString().padStart(width, "0")}${split.tail}`
}

/** `first` plus the next `count - 1` values. */
export function expandFirstCount(first: string, count: number): string[] {
  const t = cleanSerial(first)
  if (!Number.isInteger(count) || count < 1 || count > MAX_RANGE_SIZE) {
    throw new SerialInputError(`count must be a whole number from 1 to ${MAX_RANGE_SIZE}, got ${count}`)
  }
  const split = splitLastDigits(t)
  if (!split) {
    throw new SerialInputError(`serial "${t}" has no digits to count from`)
  }
  const start = BigInt(split.digits)
  const out: string[] = []
  for (let k = 0n; k < BigInt(count); k++) {
    out.push(build(split, start + k, split.digits.length))
  }
  return out
}

/** Every serial from `from` to `to` inclusive; both must differ only in their last number. */
export function expandRange(from: string, to: string): string[] {
  const a = cleanSerial(from)
  const b = cleanSerial(to)
  const sa = splitLastDigits(a)
  const sb = splitLastDigits(b)
  if (!sa || !sb) {
    throw new SerialInputError(`range "${a}::${b}" needs a number at the end of both serials`)
  }
  if (sa.head.toUpperCase() !== sb.head.toUpperCase() || sa.tail.toUpperCase() !== sb.tail.toUpperCase()) {
    throw new SerialInputError(`range "${a}::${b}": both ends must differ only in their last number`)
  }
  const start = BigInt(sa.digits)
  const end = BigInt(sb.digits)
  if (end < start) {
    throw new SerialInputError(`range "${a}::${b}" runs backwards`)
  }
  const count = end - start + 1n
  if (count > BigInt(MAX_RANGE_SIZE)) {
    throw new SerialInputError(`range "${a}::${b}" has ${count} serials; the limit is ${MAX_RANGE_SIZE}`)
  }
  return expandFirstCount(a, Number(count))
}

/** Parses `A::B` text into its range, or returns null when the text is not a range. */
export function parseRangeText(text: string): { from: string; to: string } | null {
  const parts = text.split("::")
  if (parts.length !== 2) {
    return null
  }
  return { from: parts[0], to: parts[1] }
}

/** Splits pasted text: one serial per line, or separated by commas; blank entries dropped. */
export function splitSerialList(text: string): string[] {
  return text
    .split(/[\r\n,]+/)
    .map(cleanSerial)
    .filter(Boolean)
}
