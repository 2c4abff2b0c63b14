/**
 * Thailand's 77 provinces as a tile-grid cartogram: one equal square per province, laid out roughly where
 * the province lies (north at the top, Isan to the right, the peninsula running down the left), so that
 * small central provinces are as easy to tap as large ones. Hand-made; no boundary data, no map tiles.
 * Short labels are the official Thai province abbreviations and three-letter English ones.
 */
import type { ProvinceCode } from '../../common/directory-taxonomies.ts';

export interface ProvinceTile {
  code: ProvinceCode;
  /** 0-based column (west → east) and row (north → south). */
  col: number;
  row: number;
  short: { th: string; en: string };
}

type Row = [ProvinceCode, number, number, string, string];

// In reading order (row by row), which is also the keyboard order of the tiles.
const ROWS: Row[] = [
  ['TH-57', 3, 0, 'ชร', 'CRI'],
  ['TH-56', 4, 0, 'พย', 'PYO'],
  ['TH-58', 2, 1, 'มส', 'MSN'],
  ['TH-50', 3, 1, 'ชม', 'CMI'],
  ['TH-52', 4, 1, 'ลป', 'LPG'],
  ['TH-55', 5, 1, 'นน', 'NAN'],
  ['TH-43', 7, 1, 'นค', 'NKI'],
  ['TH-38', 8, 1, 'บก', 'BKN'],
  ['TH-63', 2, 2, 'ตก', 'TAK'],
  ['TH-51', 3, 2, 'ลพ', 'LPN'],
  ['TH-54', 4, 2, 'พร', 'PRE'],
  ['TH-53', 5, 2, 'อต', 'UTD'],
  ['TH-42', 6, 2, 'ลย', 'LEI'],
  ['TH-41', 7, 2, 'อด', 'UDN'],
  ['TH-47', 8, 2, 'สน', 'SNK'],
  ['TH-48', 9, 2, 'นพ', 'NPM'],
  ['TH-62', 2, 3, 'กพ', 'KPT'],
  ['TH-64', 3, 3, 'สท', 'SKT'],
  ['TH-65', 4, 3, 'พล', 'PLK'],
  ['TH-67', 5, 3, 'พช', 'PNB'],
  ['TH-39', 6, 3, 'นภ', 'NBP'],
  ['TH-40', 7, 3, 'ขก', 'KKN'],
  ['TH-46', 8, 3, 'กส', 'KSN'],
  ['TH-49', 9, 3, 'มห', 'MDH'],
  ['TH-61', 2, 4, 'อน', 'UTI'],
  ['TH-60', 3, 4, 'นว', 'NSN'],
  ['TH-66', 4, 4, 'พจ', 'PCT'],
  ['TH-36', 5, 4, 'ชย', 'CPM'],
  ['TH-44', 6, 4, 'มค', 'MKM'],
  ['TH-45', 7, 4, 'รอ', 'RET'],
  ['TH-35', 8, 4, 'ยส', 'YST'],
  ['TH-37', 9, 4, 'อจ', 'ACR'],
  ['TH-18', 2, 5, 'ชน', 'CNT'],
  ['TH-17', 3, 5, 'สห', 'SBR'],
  ['TH-16', 4, 5, 'ลบ', 'LRI'],
  ['TH-30', 5, 5, 'นม', 'NMA'],
  ['TH-31', 6, 5, 'บร', 'BRM'],
  ['TH-32', 7, 5, 'สร', 'SRN'],
  ['TH-33', 8, 5, 'ศก', 'SSK'],
  ['TH-34', 9, 5, 'อบ', 'UBN'],
  ['TH-71', 1, 6, 'กจ', 'KRI'],
  ['TH-72', 2, 6, 'สพ', 'SPB'],
  ['TH-15', 3, 6, 'อท', 'ATG'],
  ['TH-14', 4, 6, 'อย', 'AYA'],
  ['TH-19', 5, 6, 'สบ', 'SRI'],
  ['TH-25', 6, 6, 'ปจ', 'PRI'],
  ['TH-27', 7, 6, 'สก', 'SKW'],
  ['TH-70', 1, 7, 'รบ', 'RBR'],
  ['TH-73', 2, 7, 'นฐ', 'NPT'],
  ['TH-12', 3, 7, 'นบ', 'NBI'],
  ['TH-13', 4, 7, 'ปท', 'PTE'],
  ['TH-26', 5, 7, 'นย', 'NYK'],
  ['TH-75', 1, 8, 'สส', 'SKM'],
  ['TH-74', 2, 8, 'สค', 'SKN'],
  ['TH-10', 3, 8, 'กทม', 'BKK'],
  ['TH-11', 4, 8, 'สป', 'SPK'],
  ['TH-24', 5, 8, 'ฉช', 'CCO'],
  ['TH-76', 1, 9, 'พบ', 'PBI'],
  ['TH-20', 5, 9, 'ชบ', 'CBI'],
  ['TH-77', 1, 10, 'ปข', 'PKN'],
  ['TH-21', 5, 10, 'รย', 'RYG'],
  ['TH-22', 6, 10, 'จบ', 'CTI'],
  ['TH-23', 7, 10, 'ตร', 'TRT'],
  ['TH-85', 0, 11, 'รน', 'RNG'],
  ['TH-86', 1, 11, 'ชพ', 'CPN'],
  ['TH-82', 0, 12, 'พง', 'PNA'],
  ['TH-84', 1, 12, 'สฎ', 'SNI'],
  ['TH-83', 0, 13, 'ภก', 'PKT'],
  ['TH-81', 1, 13, 'กบ', 'KBI'],
  ['TH-80', 2, 13, 'นศ', 'NRT'],
  ['TH-92', 1, 14, 'ตง', 'TRG'],
  ['TH-93', 2, 14, 'พท', 'PLG'],
  ['TH-91', 1, 15, 'สต', 'STN'],
  ['TH-90', 2, 15, 'สข', 'SKA'],
  ['TH-94', 3, 15, 'ปน', 'PTN'],
  ['TH-95', 3, 16, 'ยล', 'YLA'],
  ['TH-96', 4, 16, 'นธ', 'NWT'],
];

export const PROVINCE_TILES: readonly ProvinceTile[] = ROWS.map(([code, col, row, th, en]) => ({
  code,
  col,
  row,
  short: { th, en },
}));

export const GRID_COLUMNS = Math.max(...PROVINCE_TILES.map((t) => t.col)) + 1;
export const GRID_ROWS = Math.max(...PROVINCE_TILES.map((t) => t.row)) + 1;
