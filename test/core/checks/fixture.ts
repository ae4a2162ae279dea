// A hand-written US–ROK statement pair (fictional) and its glossary, shared by the checks tests.
import { parseGlossary } from '../../../server/core/glossary.ts';
import type { Bead } from '../../../server/core/types.ts';

export const EN: string[] = [
  'Joint Statement on the Seventh Meeting of the Alliance Deterrence Forum',
  'The United States and the Republic of Korea (ROK) held the seventh meeting of the Alliance Deterrence Forum in Seoul on September 18, 2023. The meeting was co-chaired by the ROK Vice Minister of National Defense and the U.S. Under Secretary of Defense for Policy.',
  'The two sides condemned the Democratic People\'s Republic of Korea\'s (DPRK) launches of ballistic missiles this year and agreed to strengthen information sharing. They noted that the DPRK has conducted more than 30 launches since January 2023.',
  'The ROK will contribute KRW 1.5192 trillion to the combined defense posture in 2024, an increase of 5.2 percent over the previous year. The United States reaffirmed that its commitment to the defense of the ROK is ironclad.',
  'The co-chairs reviewed preparations for Ulchi Freedom Shield and agreed to hold the exercise in the second half of 2024. They also agreed to conduct two combined tabletop exercises by the end of this year.',
  'Both sides welcomed the progress of the Nuclear Consultative Group (NCG) and noted that the fifth NCG meeting will take place in Washington, D.C. The delegations discussed ways to expand trilateral cooperation with Japan.',
  'The two sides agreed to hold the eighth meeting of the forum in Washington, D.C., in the first half of 2024.',
];

export const KO: string[] = [
  '제7차 동맹억제포럼 공동성명',
  '한미는 2023년 9월 18일 서울에서 제7차 동맹억제포럼을 개최하였다. 이번 회의는 한국 국방차관과 미국 국방부 정책차관이 공동 주관하였다.',
  '양측은 올해 북한의 탄도미사일 발사를 규탄하고, 정보 공유를 강화하기로 합의하였다. 양측은 북한이 2023년 1월 이후 30여 차례 발사를 감행하였다는 점에 주목하였다.',
  '한국은 2024년 연합방위태세에 1조 5,192억 원을 기여하며, 이는 전년 대비 5.2% 증가한 것이다. 미국은 한국 방위에 대한 공약이 철통같다는 것을 재확인하였다.',
  '공동대표는 을지 자유의 방패(UFS) 연습 준비 상황을 점검하고, 2024년 하반기에 연습을 실시하기로 합의하였다. 또한 연내에 두 차례의 연합 도상연습을 실시하기로 합의하였다.',
  '양측은 핵협의그룹(NCG)의 진전을 환영하고, 제5차 NCG 회의가 워싱턴 D.C.에서 개최될 것임에 주목하였다. 양측 대표단은 일본과의 3자 협력을 확대하는 방안을 논의하였다.',
  '양측은 2024년 상반기 워싱턴 D.C.에서 제8차 포럼 회의를 개최하기로 합의하였다.',
];

export const BEADS: Bead[] = EN.map((_, i) => ({ src: [i], tgt: [i], confidence: 0.9 }));

export const GLOSSARY = parseGlossary([
  'en\tko\tnote',
  'United States|U.S.|US\t미국|미측|미\t',
  'Republic of Korea|ROK\t대한민국|한국|한측\t',
  "Democratic People's Republic of Korea|DPRK|North Korea\t북한\t",
  'Nuclear Consultative Group|NCG\t핵협의그룹\t',
  'Extended Deterrence Strategy and Consultation Group|EDSCG\t확장억제전략협의체\t',
  'Deterrence Strategy Committee|DSC\t억제전략위원회\t',
  'Ulchi Freedom Shield|UFS\t을지 자유의 방패\t',
  'tabletop exercise|TTX\t도상연습\t',
  'combined defense posture\t연합방위태세\t',
  'information sharing\t정보 공유|정보공유\t',
  'ballistic missile\t탄도미사일\t',
  'co-chair|co-chairs|co-chaired\t공동대표|공동 주관\t',
  'cooperation\t협력\t',
  'welcome|welcomed\t환영\t',
  'Japan\t일본\t',
  'Seoul\t서울\t',
].join('\n'));

export const OPTS = { srcLang: 'en', tgtLang: 'ko', glossary: GLOSSARY };

/** The pair with one Korean paragraph replaced. */
export function withKo(k: number, text: string): string[] {
  return KO.map((t, i) => (i === k ? text : t));
}
