/**
 * Words people use for the same thing. A search for any word of a group also finds the others: someone
 * types "พม่า", the everyday word, where the directory says "เมียนมา" and an English text says "Burmese".
 * Used by the directory and the problems board (server/platform/search/synonyms.ts compiles it).
 * A word may be several words ("social development") and may carry dots ("พม."); keep groups small and
 * certain: every word added widens every search for the others.
 */
export const SEARCH_SYNONYMS: readonly (readonly string[])[] = [
  ['พม่า', 'เมียนมา', 'เมียนมาร์', 'Burmese', 'Burma', 'Myanmar'],
  ['เขมร', 'กัมพูชา', 'Khmer', 'Cambodian', 'Cambodia'],
  ['ลาว', 'Lao', 'Laos', 'Laotian'],
  ['เวียดนาม', 'ญวน', 'Vietnamese', 'Vietnam'],
  ['ไทใหญ่', 'ฉาน', 'Shan'],
  ['กะเหรี่ยง', 'Karen'],
  ['โรฮีนจา', 'โรฮิงญา', 'Rohingya'],
  ['ประมง', 'fisheries', 'fishery', 'fishing'],
  ['พม.', 'พัฒนาสังคม', 'social development', 'MSDHS'],
  ['ตม.', 'ตรวจคนเข้าเมือง', 'immigration'],
  ['ตร.', 'ตำรวจ', 'police'],
  ['ค้ามนุษย์', 'trafficking', 'TIP'],
  ['อัยการ', 'prosecutor', 'prosecutors'],
  ['ล่าม', 'interpreter', 'interpreters', 'interpretation'],
  ['ที่พักพิง', 'สถานคุ้มครอง', 'บ้านพักเด็ก', 'shelter', 'shelters'],
  ['แรงงานข้ามชาติ', 'แรงงานต่างด้าว', 'migrant workers', 'migrant worker'],
  ['แรงงาน', 'labour', 'labor'],
  ['จัดหางาน', 'employment'],
  ['ปกครอง', 'provincial administration', 'DOPA'],
  ['ผู้เสียหาย', 'เหยื่อ', 'victim', 'victims'],
  ['ไร้รัฐ', 'ไร้สัญชาติ', 'stateless'],
  ['กรุงเทพ', 'กรุงเทพมหานคร', 'กทม.', 'Bangkok'],
  ['ขอทาน', 'begging', 'beggars'],
  ['ค้าประเวณี', 'sexual exploitation', 'prostitution'],
  ['คอลเซ็นเตอร์', 'แก๊งคอลเซ็นเตอร์', 'สแกมเมอร์', 'scam', 'scammers', 'call centre', 'call center'],
  ['ลูกเรือ', 'คนประจำเรือ', 'seafarers', 'crew'],
];
