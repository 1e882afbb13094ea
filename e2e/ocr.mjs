// Reads a share card back with something that did not draw it: Debian's Tesseract, with each
// language's trained data (e2e/install installs them), and compares what it reads with the
// words the card must show. The comparison is tolerant of what OCR gets wrong (case,
// punctuation, Arabic's optional marks, a letter misread in a long word) but not of what a
// wrong card would get wrong: every word must be there, in reading order.

import { spawnSync } from "node:child_process";

/** Tesseract's models per language; Arabic cards carry Latin names too. */
const MODELS = { en: "eng", ar: "ara+eng", tr: "tur", id: "ind", fr: "fra" };

/** What Tesseract reads on the PNG at `file`, for a card in `lang`. Throws if it cannot run. */
export function readCard(file, lang) {
  // --psm 4: one column of lines of several sizes, as a card is.
  const run = spawnSync("tesseract", [file, "-", "-l", MODELS[lang], "--psm", "4"], { encoding: "utf8" });
  if (run.error) throw new Error(`tesseract cannot run (${run.error.message}); e2e/install installs it`);
  if (run.status !== 0) throw new Error(`tesseract failed on ${file}: ${run.stderr}`);
  return run.stdout;
}

/** `text` as words to compare: case folded in the language's way, punctuation and marks out. */
export function words(text, lang) {
  return text
    .normalize("NFC")
    .toLocaleLowerCase(lang)
    // Bidi marks (Tesseract puts LRM/RLM around Latin words in Arabic), Arabic's short vowels
    // and tatweel, which OCR reads or not.
    .replace(/[\u200e\u200f\u2066-\u2069\u064b-\u0652\u0640]/g, "")
    // Arabic letters whose forms OCR confuses: alef with hamza or madda, alef maqsura, ta marbuta.
    .replace(/[أإآ]/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه")
    .replace(/[\p{P}\p{S}]/gu, " ")
    .split(/\s+/u)
    .filter((word) => word.length > 0);
}

function distance(a, b) {
  const [x, y] = [[...a], [...b]];
  let row = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[y.length];
}

/** Whether OCR's `read` is the word `expected`: exactly for short words and numbers, with one
 * misread letter in five for longer ones. */
function same(expected, read) {
  if (expected === read) return true;
  const length = [...expected].length;
  if (length < 4 || /\d/.test(expected)) return false;
  return distance(expected, read) <= Math.floor(length / 5);
}

/**
 * The words of `expected` that are not in `read`, in order: each expected word must come
 * after the one before it.
 */
export function missingWords(expected, read, lang) {
  const found = words(read, lang);
  const missing = [];
  let at = 0;
  for (const word of words(expected, lang)) {
    const index = found.findIndex((candidate, i) => i >= at && same(word, candidate));
    if (index < 0) missing.push(word);
    else at = index + 1;
  }
  return missing;
}
