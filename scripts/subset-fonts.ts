// Writes the ASCII cut of Sarabun (web/build/sarabun-ascii.ts) after a change of the list or of @fontsource/sarabun.
import { writeFileSync } from 'node:fs';
import { subsetAscii, subsetPath, WEIGHTS } from '../web/build/sarabun-ascii.ts';

for (const weight of WEIGHTS) {
  const font = await subsetAscii(weight);
  writeFileSync(subsetPath(weight), font);
  console.log(`${subsetPath(weight)}: ${font.length} bytes`);
}
