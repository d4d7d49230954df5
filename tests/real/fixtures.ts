// Real files live beside the project in ../shared/fixtures and are read in place, never copied in.
import { existsSync } from "fs";
import path from "path";

export const FIXTURES = path.resolve(__dirname, "../../../shared/fixtures");

export function fixture(rel: string): string {
  const file = path.join(FIXTURES, rel);
  if (!existsSync(file))
    throw new Error(`${file} is missing: npm run test:real needs ../shared/fixtures beside the project`);
  return file;
}
