// Fictional names and tickers for demo companies: invented or place-like words with an industry's suffixes.
import type { Draft } from "./drafts";
import type { Rng } from "./rng";

const SYL_A = [
  "Al",
  "Am",
  "An",
  "Ar",
  "Ash",
  "Bel",
  "Bran",
  "Cal",
  "Cam",
  "Cor",
  "Cres",
  "Dal",
  "Dor",
  "El",
  "Em",
  "Ev",
  "Fal",
  "Fen",
  "Gal",
  "Gar",
  "Hal",
  "Hav",
  "Ir",
  "Jas",
  "Kel",
  "Ken",
  "Lan",
  "Lor",
  "Lum",
  "Mar",
  "Mer",
  "Mon",
  "Nav",
  "Nor",
  "Ost",
  "Pal",
  "Pen",
  "Quin",
  "Ral",
  "Rav",
  "Ros",
  "Sal",
  "Sel",
  "Sol",
  "Tal",
  "Ter",
  "Tor",
  "Ul",
  "Val",
  "Ven",
  "Ver",
  "Wil",
  "Wyn",
  "Xan",
  "Yar",
  "Zan",
  "Zel",
];
const SYL_B = ["", "", "", "a", "e", "i", "o", "an", "ar", "el", "en", "er", "is", "or"];
const SYL_C = [
  "ton",
  "vex",
  "ora",
  "ium",
  "ant",
  "ex",
  "ix",
  "ion",
  "ell",
  "ent",
  "ara",
  "is",
  "on",
  "ica",
  "yn",
  "ris",
  "us",
  "ia",
  "eon",
  "ade",
  "ford",
  "wick",
  "ley",
  "stead",
  "ova",
  "ith",
  "ax",
];
const PLACE_A = [
  "North",
  "South",
  "East",
  "West",
  "Pine",
  "Cedar",
  "Oak",
  "River",
  "Lake",
  "Stone",
  "Iron",
  "Silver",
  "Golden",
  "Red",
  "Blue",
  "Green",
  "High",
  "Fair",
  "Clear",
  "Bright",
  "Maple",
  "Elm",
  "Willow",
  "Ash",
  "Bay",
  "Harbor",
  "Prairie",
  "Summit",
  "Mill",
  "Spring",
  "Crystal",
  "Eagle",
  "Fox",
  "Hawk",
  "Deer",
  "Copper",
  "Granite",
  "Sandy",
  "Long",
  "Wolf",
];
const PLACE_B = [
  "field",
  "brook",
  "ridge",
  "wood",
  "ford",
  "haven",
  "crest",
  "gate",
  "view",
  "vale",
  "mont",
  "port",
  "dale",
  "stone",
  "water",
  "land",
  "bury",
  "wick",
  "hollow",
  "creek",
  "point",
  "shire",
];

function inventedWord(rng: Rng): string {
  return rng.pick(SYL_A) + rng.pick(SYL_B) + rng.pick(SYL_C);
}

function placeWord(rng: Rng): string {
  return rng.pick(PLACE_A) + rng.pick(PLACE_B);
}

export function makeName(rng: Rng, d: Draft): { name: string; root: string; suffix: string } {
  const style = d.profile.names === "mixed" ? (rng.chance(0.5) ? "place" : "invented") : d.profile.names;
  const root = style === "place" ? placeWord(rng) : inventedWord(rng);
  const suffix = rng.pick(d.industry.suffixes ?? d.profile.suffixes);
  const first = d.profile.kind === "bank" && rng.chance(0.12);
  return { name: `${first ? "First " : ""}${root} ${suffix}`, root: first ? `F${root}` : root, suffix };
}

export const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export function tickerCandidates(rng: Rng, root: string, suffix: string): string[] {
  const r = root.toUpperCase().replace(/[^A-Z]/g, "");
  const s = suffix.toUpperCase().replace(/[^A-Z]/g, "");
  const consonants = r[0] + r.slice(1).replace(/[AEIOU]/g, "");
  const out = [
    r.slice(0, 4),
    r.slice(0, 3),
    consonants.slice(0, 4),
    consonants.slice(0, 3),
    r.slice(0, 3) + s.slice(0, 1),
    r.slice(0, 2) + s.slice(0, 1),
  ];
  for (let i = 0; i < 12; i++) {
    const len = rng.chance(0.5) ? 3 : 4;
    let t = r.slice(0, 1);
    while (t.length < len) t += LETTERS[rng.int(26)];
    out.push(t);
  }
  return out.filter((t) => /^[A-Z]{3,4}$/.test(t));
}
