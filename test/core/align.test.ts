// Tests for server/core/align.ts.
import { expect } from 'chai';
import { buildFeatures, editorialKind, labelKind } from '../../server/core/align-features.ts';
import { alignCore, alignParagraphs, alignParagraphsWithSentences, alignSentences, DEFAULT_PARAMS, formatBeads, medianRatio, pairedLengthRatio, plausibleRatio, sentenceRatio, type AlignOptions } from '../../server/core/align.ts';
import { ADDED_PASSAGE_DOC, RATIO_DOC } from '../fixtures/ratio-doc.ts';
import { parseGlossary } from '../../server/core/glossary.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { learnLexicon } from '../../server/core/lexicon.ts';
import type { Bead } from '../../server/core/types.ts';

const glossary = parseGlossary([
  'en\tko\tnote',
  'alliance\t동맹',
  'extended deterrence\t확장억제',
  'reaffirm\t재확인',
  'Nuclear Consultative Group|NCG\t핵협의그룹',
  'DPRK|North Korea\t북한',
  'ballistic missile\t탄도미사일',
  'exercise|exercises\t연습|훈련',
  'co-chairs\t공동대표',
].join('\n'));
const opts: AlignOptions = { srcLang: 'en', tgtLang: 'ko', glossary };

/** Beads rendered as "1|1 2,3|2 4|" (1-based), the shape the bead file uses. */
const shape = (beads: Bead[]) => formatBeads(beads).replace(/\n$/, '').split('\n').map((l) => l.replace('\t', '|')).join(' ');

function assertCovering(beads: Bead[], n: number, m: number): void {
  let i = 0, j = 0;
  for (const b of beads) {
    expect(b.src.length + b.tgt.length).to.be.greaterThan(0);
    for (const x of b.src) expect(x).to.equal(i++);
    for (const y of b.tgt) expect(y).to.equal(j++);
    expect(b.confidence).to.be.within(0, 1);
  }
  expect([i, j]).to.deep.equal([n, m]);
}

const EN = [
  'Joint Press Statement on the Third Meeting of the Defense Dialogue',
  'The United States and the Republic of Korea held the third meeting of the defense dialogue in Seoul on March 14, 2024. The meeting was co-chaired by senior defense officials of both countries.',
  'The two sides condemned the DPRK\'s launch of a ballistic missile on March 10, 2024, and urged the DPRK to return to dialogue.',
  'The United States reaffirmed its extended deterrence commitment to the ROK, backed by the full range of U.S. capabilities, including nuclear.',
  'The co-chairs agreed to expand combined exercises in the second half of the year and to share information on DPRK missile launches in real time.',
  'The two sides agreed to hold the fourth meeting in Washington in 2025.',
];
const KO = [
  '제3차 국방대화 공동언론보도문',
  '한미는 2024년 3월 14일 서울에서 제3차 국방대화를 개최하였다. 이번 회의는 양국 국방 고위 당국자가 공동 주관하였다.',
  '양측은 2024년 3월 10일 북한의 탄도미사일 발사를 규탄하고, 북한이 대화에 복귀할 것을 촉구하였다.',
  '미국은 핵을 포함한 모든 범주의 미국 능력으로 뒷받침되는 대한민국에 대한 확장억제 공약을 재확인하였다.',
  '공동대표는 하반기 연합연습을 확대하고 북한 미사일 발사 정보를 실시간으로 공유하기로 합의하였다.',
  '양측은 2025년 워싱턴에서 제4차 회의를 개최하기로 합의하였다.',
];

describe('core/align', () => {
  describe('#alignParagraphs', () => {
    it('aligns a 1:1 statement', () => {
      const beads = alignParagraphs(EN, KO, opts);
      expect(shape(beads)).to.equal('1|1 2|2 3|3 4|4 5|5 6|6');
      assertCovering(beads, 6, 6);
    });

    it('finds a Korean paragraph that merges two English ones (2:1)', () => {
      const ko = [KO[0]!, KO[1]!, KO[2]! + ' ' + KO[3]!, KO[4]!, KO[5]!];
      expect(shape(alignParagraphs(EN, ko, opts))).to.equal('1|1 2|2 3,4|3 5|4 6|5');
    });

    it('finds an English paragraph split in two Korean ones (1:2)', () => {
      const ko = [KO[0]!, '한미는 2024년 3월 14일 서울에서 제3차 국방대화를 개최하였다.', '이번 회의는 양국 국방 고위 당국자가 공동 주관하였다.', ...KO.slice(2)];
      expect(shape(alignParagraphs(EN, ko, opts))).to.equal('1|1 2|2,3 3|4 4|5 5|6 6|7');
    });

    it('leaves an English paragraph with no Korean counterpart alone (omission)', () => {
      const ko = [KO[0]!, KO[1]!, KO[2]!, KO[4]!, KO[5]!];
      expect(shape(alignParagraphs(EN, ko, opts))).to.equal('1|1 2|2 3|3 4| 5|4 6|5');
    });

    it('leaves inserted Korean lines alone ("[…]" marker and a trailing link line)', () => {
      const en = [EN[0]!, EN[3]!, EN[4]!, EN[5]!];
      const ko = [KO[0]!, '[…]', KO[3]!, KO[4]!, KO[5]!, '[영문 전문 보기]'];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 |2 2|3 3|4 4|5 |6');
    });

    it('maps one English paragraph onto a □ heading and its ㅇ items (1:3)', () => {
      const en = [
        EN[0]!,
        'The two sides reviewed progress across the core lines of effort of the Nuclear Consultative Group since the last meeting. They noted advances in information-sharing and consultation procedures, and agreed to complete the next phase of this work by the end of the year.',
        EN[3]!,
        EN[5]!,
      ];
      const ko = [
        KO[0]!,
        '□ 핵협의그룹(NCG) 핵심 과업 추진 현황 점검',
        'ㅇ 양측은 지난 회의 이후 정보공유 및 협의 절차 등에서 진전이 있었음을 확인하였다.',
        'ㅇ 양측은 관련 작업의 다음 단계를 연내 완료하기로 합의하였다.',
        '□ ' + KO[3]!,
        '□ ' + KO[5]!,
      ];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 2|2,3,4 3|5 4|6');
    });

    describe('a bullet group: a □ item with three deeper items, which one paragraph renders (1:4, 4:1)', () => {
      const en = [
        EN[0]!,
        EN[1]!,
        'The co-chairs stressed that the combined exercises are defensive in nature and based on the Mutual Defense Treaty. Through the exercises, the allies will strengthen their combined defense posture by improving their response capabilities and practicing wartime transition procedures.',
        EN[5]!,
      ];
      const group = [
        '□ 공동대표는 연합연습이 한미상호방위조약에 근거한 방어적 성격의 연습임을 강조하였다.',
        'ㅇ 한미는 이번 연습을 통해 다음과 같이 연합방위태세를 강화해 나갈 것이다.',
        '- 동맹의 대응능력 향상',
        '- 전시 전환 절차 숙달',
      ];
      const ko = [KO[0]!, KO[1]!, ...group, KO[5]!];

      it('pairs the English paragraph with the whole group, its last item too', () => {
        const beads = alignParagraphs(en, ko, opts);
        expect(shape(beads)).to.equal('1|1 2|2 3|3,4,5,6 4|7');
        assertCovering(beads, 4, 7);
      });

      it('pairs the group the other way round (Korean as the source side: 4:1)', () => {
        const beads = alignParagraphs(ko, en, { ...opts, srcLang: 'ko', tgtLang: 'en', glossary: undefined });
        expect(shape(beads)).to.equal('1|1 2|2 3,4,5,6|3 7|4');
      });

      it('does not take four paragraphs as a group unless the three after the first are deeper bullets', () => {
        // The same lines, all at one level: no bullet group, so no bead of four paragraphs.
        const flat = [KO[0]!, KO[1]!, ...group.map((l) => l.replace(/^(?:□|ㅇ|-) /u, '□ ')), KO[5]!];
        const beads = alignParagraphs(en, flat, opts);
        expect(beads.every((b) => b.src.length < 4 && b.tgt.length < 4)).to.equal(true);
        assertCovering(beads, 4, 7);
      });

      it('leaves a ※ note under the item out of the group (a remark of the Korean side, not a translation)', () => {
        const noted = [KO[0]!, KO[1]!, group[0]!, group[1]!, '- 동맹의 대응능력 향상 및 전시 전환 절차 숙달', '※ 세부 훈련 일정 및 장소는 작전보안상 공개하지 않음.', KO[5]!];
        expect(shape(alignParagraphs(en, noted, opts))).to.equal('1|1 2|2 3|3,4,5 |6 4|7');
      });
    });

    describe('a fact sheet whose Korean numbers its sections and nests - items under ∙ items', () => {
      const en = [
        'Fact Sheet: Third U.S.-ROK Defense Dialogue',
        'The two sides agreed to hold the fourth meeting in Washington in 2025.',
        'Regional Cooperation',
        'The co-chairs committed to deepening U.S.-Japan-ROK trilateral cooperation, including holding the multi-domain exercise every year and improving the real-time sharing of missile warning data.',
        'The co-chairs agreed to help Pacific Island countries respond to natural disasters.',
      ];
      const ko = [
        '제3차 한미 국방대화 팩트시트',
        '양측은 2025년 워싱턴에서 제4차 회의를 개최하기로 합의함.',
        '2. 지역 협력',
        '∙ 한미일 3국 협력을 한층 심화해 나가기로 함.',
        '- 다영역 훈련의 매년 실시',
        '- 미사일 경보정보 실시간 공유 체계 개선',
        '∙ 태평양 도서국의 자연재해 대응을 지원하기로 함.',
      ];

      it('nests - under ∙ when the text uses ∙ first (the convention puts them at one level), so the item and its two sub-items render one paragraph', () => {
        expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 2|2 3|3 4|4,5,6 5|7');
      });

      it('nests ∙ under - when the text uses - first', () => {
        const swapped = ko.map((l) => l.replace(/^∙ /u, '@ ').replace(/^- /u, '∙ ').replace(/^@ /u, '- '));
        expect(shape(alignParagraphs(en, swapped, opts))).to.equal('1|1 2|2 3|3 4|4,5,6 5|7');
      });

      it('pairs a numbered section heading with the English heading, not with the items under it', () => {
        // Items under "2." are deeper than it, but a numbered heading is no bullet item they belong
        // to: neither a bullet group's head (1:4) nor a merge's first paragraph earning the bullet reward.
        const en3 = [...en.slice(0, 3), 'The co-chairs committed to deepening U.S.-Japan-ROK trilateral cooperation, to holding the multi-domain exercise every year, and to improving the real-time sharing of missile warning data.', en[4]!];
        const ko3 = [...ko.slice(0, 3), '∙ 한미일 3국 협력을 한층 심화해 나가기로 함.', '∙ 다영역 훈련을 매년 실시하기로 함.', '∙ 미사일 경보정보 실시간 공유 체계를 개선하기로 함.', ko[6]!];
        expect(shape(alignParagraphs(en3, ko3, opts))).to.match(/^1\|1 2\|2 3\|3 /u);
      });
    });

    it('does not merge an answer with the question after it (a briefing transcript whose Korean adds a question and answer)', () => {
      const en = [
        'Regular Press Briefing by the Spokesperson of the Ministry of Foreign Affairs (November 12, 2026)',
        'Q: The DPRK launched a ballistic missile this morning. What is the Government\'s response?',
        'A: The Government strongly condemns the launch, a clear violation of UN Security Council resolutions. We are sharing information on the launch with the United States and Japan in real time, and we are analysing its details. The Government will continue to respond firmly to any provocation, in close coordination with the international community.',
        'Q: Has a date been set for the next meeting of the Nuclear Consultative Group?',
        'A: The two sides are consulting on the date and will announce it when it is decided.',
      ];
      const ko = [
        '외교부 대변인 정례브리핑 (2026년 11월 12일)',
        '질문: 북한이 오늘 오전 탄도미사일을 발사했는데, 정부 입장은 무엇입니까?',
        '답변: 정부는 유엔 안보리 결의의 명백한 위반인 이번 발사를 강력히 규탄하며, 미국, 일본과 관련 정보를 실시간으로 공유하고 있습니다. 정부는 국제사회와 공조하여 도발에 단호히 대응할 것입니다.',
        '질문: 해외에서 억류된 우리 국민의 영사 조력 상황을 설명해 주시겠습니까?',
        '답변: 정부는 현지 공관을 통해 필요한 영사 조력을 제공하고 있습니다.',
        '질문: 차기 핵협의그룹(NCG) 회의 일정이 정해졌습니까?',
        '답변: 양측은 일정을 협의 중이며, 결정되는 대로 발표하겠습니다.',
      ];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 2|2 3|3 |4 |5 4|6 5|7');
    });

    describe('a sentence that moves across a paragraph boundary (2:2)', () => {
      const en = [
        'Joint Press Statement on the Fifth Korea–U.S. Cyber Policy Dialogue',
        'The Republic of Korea and the United States held the fifth Cyber Policy Dialogue in Seoul on November 24, 2026, co-chaired by Ambassador for Cyber Affairs Park Ji-won and Deputy Coordinator Emily Carter.',
        'The two sides assessed that the DPRK continues to fund its weapons programs through cryptocurrency theft, and agreed to expand joint advisories to the private sector.',
        'They also decided to set up a working group on the protection of undersea cables. The working group will meet twice a year, alternating between Seoul and Washington.',
        'The two sides welcomed the progress in cooperation on critical infrastructure and on cyber capacity building in Southeast Asia.',
        'The next dialogue will be held in Washington in 2027.',
      ];
      const ko = [
        '제5차 한미 사이버정책대화 공동보도문',
        '한국과 미국은 2026년 11월 24일 서울에서 박지원 외교부 사이버안보대사와 에밀리 카터 국무부 부조정관이 공동 주재한 가운데 제5차 사이버정책대화를 개최하였다.',
        // The Korean moves the working group's first sentence up into the paragraph before.
        '양측은 북한이 가상자산 탈취를 통해 무기 개발 자금을 계속 조달하고 있다고 평가하고, 민간 부문에 대한 합동 주의보 발령을 확대하기로 하였다. 양측은 또한 해저케이블 보호를 위한 실무그룹을 설치하기로 하였다.',
        '실무그룹은 서울과 워싱턴을 번갈아 가며 연 2회 개최될 예정이다.',
        '양측은 핵심기반시설 분야 협력과 동남아 지역 사이버 역량 강화 협력의 진전을 환영하였다.',
        '차기 대화는 2027년 워싱턴에서 개최될 예정이다.',
      ];
      it('pairs the two paragraphs with the two when their sentence counts cross (2 and 1 against 1 and 2)', () => {
        expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 2|2 3,4|3,4 5|5 6|6');
        // Without the prior for a moved sentence, the second Korean paragraph was read as an insertion.
        expect(shape(alignCore(en, ko, opts, { ...DEFAULT_PARAMS, prior22Moved: DEFAULT_PARAMS.prior22 }))).to.not.equal('1|1 2|2 3,4|3,4 5|5 6|6');
      });
      it('keeps two 1:1 beads where each pair agrees in sentences', () => {
        const kept = [...ko];
        kept[2] = '양측은 북한이 가상자산 탈취를 통해 무기 개발 자금을 계속 조달하고 있다고 평가하고, 민간 부문에 대한 합동 주의보 발령을 확대하기로 하였다.';
        kept[3] = '양측은 또한 해저케이블 보호를 위한 실무그룹을 설치하기로 하였다. 실무그룹은 서울과 워싱턴을 번갈아 가며 연 2회 개최될 예정이다.';
        expect(shape(alignParagraphs(en, kept, opts))).to.equal('1|1 2|2 3|3 4|4 5|5 6|6');
      });
    });

    describe('list items that are no sentences, which the other version renders in one sentence', () => {
      const en = [
        'Ministry Launches Three Programs to Help Small Exporters Enter the U.S. Market',
        'The Ministry of SMEs and Startups announced on June 3 that it will spend KRW 45 billion this year on three new programs for small and medium-sized exporters.',
        'The programs will cover up to 70 percent of the shipping costs of 1,200 companies, open shared warehouses in Los Angeles, Dallas and Atlanta that handle customs clearance, storage and delivery, and pay up to 80 percent of the cost of legal advice on U.S. tariffs and of product certification for 300 companies.',
        'Applications open on June 10 on the ministry\'s export support portal.',
      ];
      const ko = [
        '중기부, 중소기업 미국 시장 진출 지원 3개 신규 사업 착수',
        '□ 중소벤처기업부는 6월 3일(화) 올해 총 450억 원을 투입해 중소 수출기업을 위한 3개 신규 사업을 추진한다고 밝혔다.',
        '- (물류) 중소기업 1,200개사 대상 해상·항공 물류비 최대 70% 지원(200억 원)',
        '- (거점) 로스앤젤레스·댈러스·애틀랜타 공동물류센터 개소, 통관·보관·배송 일괄 지원(150억 원)',
        '- (인증) 300개사 대상 미국 관세·인증 관련 법률자문 및 현지 인증 취득 비용의 최대 80% 지원(100억 원)',
        '□ 신청은 6월 10일부터 중기부 수출지원 누리집에서 받는다.',
      ];
      it('pairs the English sentence with the three items (1:3)', () => {
        const data = (f: string) => parseGlossary(readFileSync(fileURLToPath(new URL(`../../data/${f}`, import.meta.url)), 'utf8'));
        expect(shape(alignParagraphs(en, ko, { ...opts, glossary: data('glossary.tsv'), vocabulary: data('vocabulary.tsv') }))).to.equal('1|1 2|2 3|3,4,5 4|6');
      });
      it('marks only items that continue a list and are no sentences', () => {
        // The first item opens the list; the last, ending as a sentence, counts as one.
        const f = buildFeatures(en, ko.map((t, k) => (k === 4 ? t.replace('지원(100억 원)', '지원한다(100억 원).') : t)), 'en', 'ko', glossary, undefined, DEFAULT_PARAMS.cues);
        expect(Array.from(f.tgt.fragment)).to.deep.equal([0, 0, 0, 1, 0, 0]);
      });
      it('leaves a heading that is no sentence to open its own point, not to continue the item before', () => {
        const en2 = [
          'Korea and Canada Hold Energy Dialogue',
          'The two sides discussed cooperation on hydrogen and on critical minerals supply chains in Ottawa on May 2.',
          'They agreed to hold the next meeting in Seoul in the autumn.',
        ];
        const ko2 = [
          '한-캐나다 에너지대화 개최',
          '□ 양측은 5월 2일 오타와에서 수소 및 핵심광물 공급망 협력을 논의하였다.',
          '□ 향후 계획',
          '□ 양측은 가을에 서울에서 차기 회의를 개최하기로 하였다.',
        ];
        expect(shape(alignParagraphs(en2, ko2, { srcLang: 'en', tgtLang: 'ko' }))).to.equal('1|1 2|2 |3 3|4');
      });
    });

    it('leaves a ※ note under an item unpaired when the English has nothing like it', () => {
      const en = [
        'ROK and U.S. Forces to Hold Combined Exercise in August',
        'The ROK and U.S. militaries will conduct their annual combined exercise from August 18 to 28, with about 18,000 ROK and U.S. service members taking part.',
        'For the first time, the exercise will include a drill against an attack by a swarm of more than 100 drones.',
      ];
      const ko = [
        '한미, 8월 연합연습 실시',
        '□ 한미 군 당국은 8월 18일부터 28일까지 한미 장병 약 1만 8천 명이 참가하는 연례 연합연습을 실시한다.',
        '※ 연습 기간 중 야외기동훈련의 세부 일정과 장소는 작전보안상 공개하지 않음.',
        '□ 이번 연습에는 처음으로 100대 이상의 무인기 떼 공격에 대응하는 훈련이 포함된다.',
      ];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 2|2 |3 3|4');
    });

    it('pairs two paragraphs the translation swapped as one 2:2 bead', () => {
      const en = [
        'Korea and the United States Pledge Support for Flood Recovery in Pakistan',
        'The Republic of Korea and the United States announced on September 9 a joint package of support for the recovery of flood-hit provinces in Pakistan.',
        'Korea will contribute USD 20 million to the reconstruction fund managed by the World Bank.',
        'The United States will send a team of 150 engineers and medical personnel to Sindh Province for six months, starting in October.',
        'Korea has provided USD 35 million in humanitarian aid to Pakistan since 2010, the Ministry of Foreign Affairs said.',
        'The two governments will review the progress of the package in March next year.',
      ];
      const ko = [
        '한미, 파키스탄 홍수 피해 복구 지원 발표',
        '한국과 미국은 9월 9일 파키스탄 홍수 피해 지역 복구를 위한 공동 지원 패키지를 발표하였다.',
        '미국은 10월부터 6개월간 공병과 의료진 150명으로 구성된 지원단을 신드주에 파견한다.',
        '한국은 세계은행이 관리하는 재건기금에 2천만 달러를 기여한다.',
        '외교부에 따르면 한국은 2010년 이후 파키스탄에 총 3,500만 달러의 인도적 지원을 제공해 왔다.',
        '양국 정부는 내년 3월 지원 패키지의 진행 상황을 점검할 예정이다.',
      ];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 2|2 3,4|3,4 5|5 6|6');
    });

    it('pairs two □ items the Korean gives in the other order as a 2:2, costed as two crossed pairs', () => {
      // Costed as one merge (its lengths, its cues, a charge for two □ items of the same rank), the
      // swap lost to leaving a paragraph out on each side.
      const en = [
        'ROK and U.S. Air Forces Conclude Combined Exercise Vigilant Shield 31-2',
        'The ROK Air Force and the U.S. Seventh Air Force concluded the combined exercise Vigilant Shield 31-2 on October 17 after two weeks of training at Gunsan and Cheongju air bases.',
        'For the first time in the series, F-35A fighters of both air forces flew mixed formations, accounting for nearly a third of the 1,100 sorties.',
        'Rescue crews of both air forces also flew HH-60 helicopters on 12 night missions to recover downed pilots in the mountains.',
        'The two air forces plan to hold the next exercise in spring 2032.',
      ];
      const ko = [
        '한미 공군, 연합훈련 「비질런트 실드 31-2」 종료',
        '□ 공군과 미 7공군은 군산·청주기지에서 2주간 진행한 연합훈련 「비질런트 실드 31-2」를 10월 17일 마무리했다고 밝혔다.',
        '□ 특히 양국 공군 탐색구조 요원들은 HH-60 헬기를 타고 산악 지역에서 12차례 야간 조종사 구조 훈련을 함께 실시했다.',
        '□ 또한 이번 훈련에서는 시리즈 사상 처음으로 양국 공군 F-35A 전투기가 혼합 편대를 이뤄 전체 출격 1,100여 회 중 3분의 1 가까이를 담당했다.',
        '□ 양국 공군은 2032년 봄에 다음 훈련을 실시할 계획이다.',
      ];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 2|2 3,4|3,4 5|5');
    });

    it('draws a subtitle into the title bead when the English headline gives its point in a few words', () => {
      // The English title is much shorter than the Korean title and subtitle together; their length
      // alone had left the subtitle out.
      const en = [
        'Korea to Help Three Mekong Countries Build Flood Warning Systems with USD 12 Million',
        'The Ministry of Foreign Affairs and KOICA will fund flood early-warning systems in Cambodia, Laos and Viet Nam from 2031 to 2034, the ministry said on March 4.',
        'The systems will link river gauges, weather radar and text alerts to village leaders along the Mekong.',
        'The first system is expected to be running in Cambodia\'s Kratie Province before the 2032 rainy season.',
      ];
      const ko = [
        '정부, 메콩 3개국 홍수 조기경보체계 구축 지원',
        '- 외교부·KOICA, 캄보디아·라오스·베트남에 2031~2034년 총 1,200만 달러 규모 무상원조 추진 -',
        '□ 외교부와 한국국제협력단(KOICA)은 2031년부터 2034년까지 캄보디아, 라오스, 베트남의 홍수 조기경보체계 구축을 지원한다고 3월 4일 밝혔다.',
        'ㅇ 이 체계는 메콩강 유역의 수위계, 기상레이더, 마을 지도자에게 보내는 문자 경보를 하나로 연결한다.',
        'ㅇ 첫 체계는 2032년 우기 이전에 캄보디아 끄라체주에서 가동될 예정이다.',
      ];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1,2 2|3 3|4 4|5');
    });

    it('pairs the two titles when both versions open with one, though the English title names whom the Korean body names', () => {
      const en = [
        'Readout of Secretary of Defense Daniel K. Reeve\'s Call With Republic of Korea Minister of National Defense Kang Min-jae',
        'Pentagon Press Secretary Laura Finch provided the following readout:',
        'Secretary of Defense Daniel K. Reeve spoke today with Republic of Korea Minister of National Defense Kang Min-jae to discuss the security situation on the Korean Peninsula.',
        'The two leaders condemned the DPRK\'s launch of a ballistic missile on March 3 and agreed to respond firmly to further provocations.',
        'Secretary Reeve reaffirmed the U.S. extended deterrence commitment to the ROK.',
      ];
      const ko = [
        '국방부 장관, 미 국방장관과 통화',
        '□ 강민재 국방부 장관은 3월 5일 대니얼 K. 리브 미 국방장관과 전화 통화를 갖고 한반도 안보 상황을 논의하였다.',
        'ㅇ 양 장관은 북한의 3월 3일 탄도미사일 발사를 규탄하고, 추가 도발에 단호히 대응하기로 하였다.',
        'ㅇ 리브 장관은 대한민국에 대한 미국의 확장억제 공약을 재확인하였다.',
      ];
      const data = (f: string) => parseGlossary(readFileSync(fileURLToPath(new URL(`../../data/${f}`, import.meta.url)), 'utf8'));
      const full = { ...opts, glossary: data('glossary.tsv'), vocabulary: data('vocabulary.tsv') };
      expect(shape(alignParagraphs(en, ko, full))).to.equal('1|1 2| 3|2 4|3 5|4');
      // A stretch re-aligned from the middle of a statement opens with no titles: there the first
      // paragraphs are paired on their own merits.
      expect(shape(alignParagraphs(en, ko, { ...full, atStart: false }))).to.not.equal('1|1 2| 3|2 4|3 5|4');
    });

    it('puts a subtitle that shares a cue with the English title into the title bead, not against the title', () => {
      const en = [
        'Korea and U.S. Customs Bust International Drug Smuggling Ring, Seize 38 kg of Methamphetamine in Joint Operation',
        'The Korea Customs Service (KCS) and U.S. Customs and Border Protection (CBP) announced on June 12 that a joint operation had seized 38 kilograms of methamphetamine bound for Busan and Los Angeles.',
        'The two agencies shared cargo screening data in real time for three months and arrested 14 people in both countries.',
        'They plan to hold a second joint operation in the first half of next year.',
      ];
      const ko = [
        '관세청, 미국 관세국경보호청과 국제 마약 밀수조직 공동 적발',
        '- 한미 합동단속으로 필로폰 38kg 압수 -',
        '□ 관세청은 6월 12일 미국 관세국경보호청(CBP)과의 합동단속을 통해 부산항과 로스앤젤레스항으로 반입될 예정이던 필로폰 38kg을 압수하였다고 밝혔다.',
        'ㅇ 양 기관은 3개월간 화물 검사 정보를 실시간으로 공유하였으며, 양국에서 모두 14명을 검거하였다.',
        '□ 양 기관은 내년 상반기 중 제2차 합동단속을 실시할 계획이다.',
      ];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1,2 2|3 3|4 4|5');
      // Only under the title: a line between dashes further down, sharing a number with the paragraph
      // before it, is still an editor's line left unpaired.
      const lower = [ko[0]!, ko[2]!, '- 필로폰 38kg 압수 -', ...ko.slice(3)];
      expect(shape(alignParagraphs(en, lower, opts))).to.match(/^1\|1 2\|2 \|3 /);
    });

    it('leaves alone a subtitle that shares with the English title only what the Korean title has too', () => {
      const en = [
        'Korea and U.S. Issue Joint Statement on Countering Illegal, Unreported and Unregulated (IUU) Fishing',
        'The Ministry of Oceans and Fisheries and NOAA held their working group on illegal, unreported and unregulated (IUU) fishing in Busan on May 14, 2030.',
        'The two sides agreed to share vessel monitoring data and to train 40 fisheries inspectors from Pacific island countries.',
        'They will meet again in Honolulu in 2031.',
      ];
      const ko = [
        '한-미, IUU 어업 근절 협력 공동성명 발표',
        '- 제4차 한-미 IUU 어업 작업반 회의 개최 결과 -',
        '□ 해양수산부와 미국 해양대기청(NOAA)은 2030년 5월 14일 부산에서 불법·비보고·비규제(IUU) 어업 작업반 회의를 개최하였다.',
        'ㅇ 양측은 선박 위치 감시 자료를 공유하고, 태평양 도서국 수산 감독관 40명을 교육하기로 합의하였다.',
        '□ 양측은 2031년 호놀룰루에서 다음 회의를 개최하기로 하였다.',
      ];
      const data = (f: string) => parseGlossary(readFileSync(fileURLToPath(new URL(`../../data/${f}`, import.meta.url)), 'utf8'));
      expect(shape(alignParagraphs(en, ko, { ...opts, glossary: data('glossary.tsv'), vocabulary: data('vocabulary.tsv') }))).to.equal('1|1 |2 2|3 3|4 4|5');
    });

    it('leaves a Korean release\'s subtitle between dashes unpaired, and pairs the titles, though the subtitle shares the English title\'s acronyms', () => {
      const en = [
        'Government to Provide USD 8.5 Million to North Korea through WFP and UNICEF',
        'The Ministry of Unification announced on December 3 that the government will provide USD 8.5 million for nutrition and health projects for children and pregnant women in North Korea.',
        'Of the total, USD 5 million will go to a WFP nutrition project and USD 3.5 million to a UNICEF project supplying vaccines and safe drinking water.',
      ];
      const ko = [
        '정부, 국제기구 통한 대북 인도적 지원 850만 달러 지원 결정',
        '- 세계식량계획(WFP)·유니세프(UNICEF)의 북한 영유아 영양 지원사업에 남북협력기금 지원 -',
        '□ 통일부는 12.3.(목) 북한 영유아와 임산부의 영양 및 보건 사업에 850만 달러를 지원한다고 밝혔다.',
        'ㅇ 이 중 500만 달러는 WFP의 영양 지원 사업에, 350만 달러는 백신과 식수를 공급하는 UNICEF 사업에 지원됨.',
      ];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 |2 2|3 3|4');
    });

    it('lets a Korean sentence that joins two clauses with a past-tense connective (…환영하였으며, …) stand for two English paragraphs (2:1)', () => {
      const en = [
        'Joint Statement on the Fourth ROK-UK Cyber Policy Dialogue',
        'The Republic of Korea and the United Kingdom held the 4th Cyber Policy Dialogue in London on 17 June 2026.',
        'The two sides shared their assessments of the cyber threat landscape, including ransomware attacks on hospitals and the theft of cryptoassets by the DPRK.',
        'Both sides also exchanged views on the security of artificial intelligence systems, and welcomed the growing cooperation between the UK AI Security Institute and the Korea AI Safety Institute.',
        'They further agreed to explore cooperation on the migration to post-quantum cryptography.',
        'Both sides agreed to hold the 5th ROK-UK Cyber Policy Dialogue in Seoul in 2027.',
      ];
      const ko = [
        '제4차 한-영 사이버정책대화 공동성명',
        '한국과 영국은 2026년 6월 17일 런던에서 제4차 사이버정책대화를 개최하였다.',
        '양측은 병원에 대한 랜섬웨어 공격과 북한의 가상자산 탈취 등 사이버 위협 동향에 대한 평가를 공유하였다.',
        '양측은 인공지능 시스템의 보안에 관해서도 의견을 교환하고 영국 AI안보연구소와 한국 AI안전연구소 간 협력 확대를 환영하였으며, 양자내성암호 전환과 관련한 협력 방안도 모색해 나가기로 하였다.',
        '양측은 제5차 한-영 사이버정책대화를 2027년 서울에서 개최하기로 하였다.',
      ];
      // Counted as one sentence against two, the second English paragraph was left out.
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 2|2 3|3 4,5|4 6|5');
      const f = buildFeatures(en, ko, 'en', 'ko', glossary, undefined, DEFAULT_PARAMS.cues);
      expect([...f.tgt.joins]).to.deep.equal([0, 0, 0, 1, 0]);
    });
    it('counts as joins a verb in the past or future tense before 으며 or 고 and a comma, not a bare 하고 or an ongoing 있으며', () => {
      const ko = ['밝혔으며, 또', '열렸으며, 또', '이뤄졌고, 또', '개최됐고, 또', '강화하겠으며, 또', '환영하였으며, 양측은 또한 협의하였고, 앞으로도', '재확인하고, 환영하였다', '협력하고 있으며, 앞으로도', '논의하였으며 또', '하였다. 또한'];
      const f = buildFeatures(ko.map(() => 'x'), ko, 'en', 'ko', undefined, undefined, DEFAULT_PARAMS.cues);
      expect([...f.tgt.joins]).to.deep.equal([1, 1, 1, 1, 1, 2, 0, 0, 0, 0]);
    });

    it('leaves a Korean photo caption and an English boilerplate paragraph at the same place unpaired, though their lengths fit', () => {
      const en = [
        'ROK, U.S. Navies Conclude Combined Mine Warfare Exercise',
        'The Republic of Korea Navy and the U.S. Navy concluded a five-day combined mine warfare exercise off Jinhae on Nov. 20, 2026.',
        'The exercise brought together 12 ships and eight aircraft, including minehunters, minesweepers and MH-60S helicopters.',
        'Capt. Jung Hyun-woo said the exercise had strengthened the combined mine countermeasures posture of the two navies.',
        'Commander, U.S. Naval Forces Korea (CNFK) is the U.S. Navy\'s representative in the Republic of Korea, providing leadership and expertise in naval matters to improve combined readiness.',
      ];
      const ko = [
        '해군, 한미 연합 기뢰전 훈련 실시',
        '해군은 11월 16일부터 20일까지 5일간 진해 인근 해상에서 미 해군과 함께 한미 연합 기뢰전 훈련을 실시했다.',
        '훈련에는 기뢰탐색함과 소해함, MH-60S 헬기 등 함정 12척과 항공기 8대가 참가했다.',
        '정현우 대령은 "이번 훈련을 통해 한미 연합 기뢰대응태세가 한층 강화됐다"고 말했다.',
        '[사진 설명] 17일 진해 인근 해상에서 한미 연합 기뢰전 훈련에 참가한 해군 소해함과 미 해군 소해함이 기동하고 있다.',
      ];
      const beads = alignParagraphs(en, ko, opts);
      expect(shape(beads)).to.equal('1|1 2|2 3|3 4|4 |5 5|');
      // Neither is sure: a reviewer sees both first.
      expect(beads.slice(-2).every((b) => b.confidence < 0.7)).to.equal(true);
      // Without the cost of pairing a caption with text, the two were paired.
      expect(shape(alignCore(en, ko, opts, { ...DEFAULT_PARAMS, editorialPair: 0 }))).to.equal('1|1 2|2 3|3 4|4 5|5');
    });

    it('pairs an English caption with the Korean one, and an English subtitle with the Korean one when they share words', () => {
      const data = (f: string) => parseGlossary(readFileSync(fileURLToPath(new URL(`../../data/${f}`, import.meta.url)), 'utf8'));
      const o = { srcLang: 'en', tgtLang: 'ko', glossary: data('glossary.tsv'), vocabulary: data('vocabulary.tsv') } as const;
      expect(shape(alignParagraphs(
        ['Navies Conclude Exercise', 'The two navies concluded the exercise off Jinhae on Nov. 20.', 'Photo: Minesweepers of the two navies maneuver.', 'The exercise involved 12 ships and eight aircraft.'],
        ['해군, 훈련 실시', '양국 해군은 11월 20일 진해 인근에서 훈련을 마쳤다.', '[사진] 양국 해군 소해함이 기동하고 있다.', '훈련에는 함정 12척과 항공기 8대가 참가했다.'], o))).to.equal('1|1 2|2 3|3 4|4');
      const en = ['ROK-U.S. Hold Supply Chain Talks', 'Two sides discuss cooperation', 'The two sides held talks in Seoul on March 3 and discussed cooperation on supply chains and critical technologies.'];
      const ko = ['한미 공급망 협의 개최', '- 양측, 협력 방안 협의 -', '양측은 3월 3일 서울에서 회담을 갖고 공급망 및 핵심기술 분야 협력 방안을 논의하였다.'];
      expect(shape(alignParagraphs(en, ko, o))).to.equal('1|1 2|2 3|3');
      // Without an English subtitle the Korean one is left unpaired.
      expect(shape(alignParagraphs([en[0]!, en[2]!], ko, o))).to.equal('1|1 |2 2|3');
    });

    it('lets a number decide which of two look-alike paragraphs was left out', () => {
      const en = [
        'Readout of the Working Group Meeting',
        'The two sides reviewed the stationing of 28,500 U.S. troops on the Peninsula and agreed to continue close consultations.',
        'The two sides reviewed the contribution of KRW 1.4 trillion for the next year and agreed to continue close consultations.',
        EN[1]!,
        EN[3]!,
        'The next meeting will take place in Seoul.',
      ];
      const koA = ['실무그룹 회의 결과', '양측은 다음 해 1조 4,000억 원의 분담금을 점검하고 긴밀한 협의를 지속하기로 하였다.', KO[1]!, KO[3]!, '다음 회의는 서울에서 열린다.'];
      const koB = ['실무그룹 회의 결과', '양측은 한반도 주둔 미군 2만 8,500명 규모를 점검하고 긴밀한 협의를 지속하기로 하였다.', KO[1]!, KO[3]!, '다음 회의는 서울에서 열린다.'];
      expect(shape(alignParagraphs(en, koA, opts))).to.equal('1|1 2| 3|2 4|3 5|4 6|5');
      expect(shape(alignParagraphs(en, koB, opts))).to.equal('1|1 2|2 3| 4|3 5|4 6|5');
    });

    it('lets general vocabulary decide which of two look-alike paragraphs was left out', () => {
      // Neither paragraph has a number, name or glossary term: only everyday words tell them apart.
      const vocabulary = parseGlossary(['en\tko', 'hospital|hospitals\t병원', 'doctor|doctors\t의사', 'school|schools\t학교', 'teacher|teachers\t교사'].join('\n'));
      const en = [
        'Readout of the Working Group Meeting',
        'The two sides discussed support for hospitals and doctors in the region and agreed to continue close consultations.',
        'The two sides discussed support for schools and teachers in the region and agreed to continue close consultations.',
        EN[1]!,
        EN[3]!,
        'The next meeting will take place in Seoul.',
      ];
      const koHospitals = ['실무그룹 회의 결과', '양측은 지역 내 병원과 의사에 대한 지원을 논의하고 긴밀한 협의를 지속하기로 하였다.', KO[1]!, KO[3]!, '다음 회의는 서울에서 열린다.'];
      const koSchools = ['실무그룹 회의 결과', '양측은 지역 내 학교와 교사에 대한 지원을 논의하고 긴밀한 협의를 지속하기로 하였다.', KO[1]!, KO[3]!, '다음 회의는 서울에서 열린다.'];
      const withVocabulary = { ...opts, vocabulary };
      expect(shape(alignParagraphs(en, koHospitals, withVocabulary))).to.equal('1|1 2|2 3| 4|3 5|4 6|5');
      expect(shape(alignParagraphs(en, koSchools, withVocabulary))).to.equal('1|1 2| 3|2 4|3 5|4 6|5');
      // Without the vocabulary the two readings are equally likely: the same path for both texts.
      expect(shape(alignParagraphs(en, koHospitals, opts))).to.equal(shape(alignParagraphs(en, koSchools, opts)));
    });

    it('counts a word in both the glossary and the vocabulary once, as a glossary term', () => {
      const vocabulary = parseGlossary(['en\tko', 'alliance\t동맹', 'hospital\t병원'].join('\n'));
      const src = ['The alliance supports the hospital.'], tgt = ['동맹은 병원을 지원한다.'];
      const both = buildFeatures(src, tgt, 'en', 'ko', glossary, undefined, DEFAULT_PARAMS.cues, vocabulary);
      const vocabOnly = buildFeatures(src, tgt, 'en', 'ko', undefined, undefined, DEFAULT_PARAMS.cues, vocabulary);
      // Two cues either way ("alliance" and "hospital"), never a third from the duplicate entry.
      expect(both.src.cues[0]!.length).to.equal(2);
      expect(vocabOnly.src.cues[0]!.length).to.equal(2);
      // Each cue's weight is its IDF (one paragraph of two per side: log 3/2) times its kind's weight,
      // the glossary's for "alliance" when the glossary has it, else the vocabulary's.
      const total = (f: typeof both) => [...f.src.cues[0]!].reduce((a, id) => a + f.weight[id]!, 0);
      const { glossary: g, vocabulary: v } = DEFAULT_PARAMS.cues;
      expect(total(both)).to.be.closeTo(Math.log(3 / 2) * (g + v), 1e-9);
      expect(total(vocabOnly)).to.be.closeTo(Math.log(3 / 2) * 2 * v, 1e-9);
    });

    it('gives confident beads on a clean document and is deterministic', () => {
      const a = alignParagraphs(EN, KO, opts);
      const b = alignParagraphs(EN, KO, opts);
      expect(a).to.deep.equal(b);
      for (const x of a) expect(x.confidence).to.be.greaterThan(0.5);
    });

    it('handles empty sides', () => {
      expect(alignParagraphs([], [], opts)).to.deep.equal([]);
      expect(shape(alignParagraphs(['Only English.'], [], opts))).to.equal('1|');
      expect(shape(alignParagraphs([], ['한국어만.', '두 줄.'], opts))).to.equal('|1 |2');
    });

    it('uses a learned lexicon when one is given', () => {
      const lex = learnLexicon(EN.slice(1).map((src, k) => ({ src, tgt: KO[k + 1]! })).concat(EN.slice(1).map((src, k) => ({ src, tgt: KO[k + 1]! }))), 'en', 'ko');
      expect(lex.entries.length).to.be.greaterThan(0);
      expect(shape(alignParagraphs(EN, KO, { ...opts, lexicon: lex }))).to.equal('1|1 2|2 3|3 4|4 5|5 6|6');
    });

    it('widens the band where the path leaves it, and finds the same path as the full table', () => {
      // 300 items; a run of 12 English items has no Korean version, and every 23rd Korean item merges two.
      const en: string[] = [], ko: string[] = [];
      for (let k = 0; k < 300; k++) {
        const src = `Item ${k}: the two sides ${'reviewed the plan and '.repeat(1 + (k % 4))}agreed.`;
        const tgt = `${k}번 항목: 양측은 ${'계획을 검토하고 '.repeat(1 + (k % 4))}합의하였다.`;
        en.push(src);
        if (k >= 140 && k < 152) continue;
        if (k % 23 === 3 && ko.length) ko[ko.length - 1] += ' ' + tgt;
        else ko.push(tgt);
      }
      const full = alignCore(en, ko, opts, { band: 100_000 });
      // A band one paragraph wide is left by every merge and by the omitted run.
      const narrow = alignCore(en, ko, opts, { band: 1 });
      expect(shape(narrow)).to.equal(shape(full));
      expect(shape(full)).to.include('141| 142| 143|');
      // Confidences differ a little: alternatives outside the band carry no probability mass.
      narrow.forEach((b, k) => expect(b.confidence).to.be.closeTo(full[k]!.confidence, 0.05));
    });
    it('aligns a short document on a band, and finds the full table\'s path when a long omission pulls it off the diagonal', () => {
      // 30 numbered items; the Korean release leaves out the first ten.
      const en: string[] = [], ko: string[] = [];
      for (let k = 0; k < 30; k++) {
        const times = 1 + (k % 4);
        en.push(`Item ${k + 1}: the two sides ${'reviewed the plan and '.repeat(times)}agreed.`);
        if (k >= 10) ko.push(`${k + 1}번 항목: 양측은 ${'계획을 검토하고 '.repeat(times)}합의하였다.`);
      }
      const expected = [...Array.from({ length: 10 }, (_, k) => `${k + 1}|`), ...Array.from({ length: 20 }, (_, k) => `${k + 11}|${k + 1}`)].join(' ');
      expect(shape(alignParagraphs(en, ko, opts))).to.equal(expected);
      expect(shape(alignCore(en, ko, opts, { band: 100_000 }))).to.equal(expected);
      // Started one paragraph wide, the band must widen around the omitted run to get there.
      expect(shape(alignCore(en, ko, opts, { band: 1 }))).to.equal(expected);
    });

    it('pairs a document whose Korean release carries a 300-line annex of its own', () => {
      // The annex puts the length totals (and so the first length ratio) far off: without other
      // starting ratios the path paired each English paragraph with three Korean ones. (The annex
      // lines are numbered from 1000: numbers shared with the items would make the pairing ambiguous.)
      const en: string[] = [], ko: string[] = [];
      for (let k = 0; k < 60; k++) {
        en.push(`Item ${k}: the two sides reviewed the plan and agreed on the next steps.`);
        ko.push(`${k}번 항목: 양측은 계획을 검토하고 다음 단계에 합의하였다.`);
        if (k === 30) for (let x = 0; x < 300; x++) ko.push(`부록 ${1000 + x}: 참고 자료로 첨부된 문서의 내용이다.`);
      }
      const beads = alignParagraphs(en, ko, opts);
      assertCovering(beads, en.length, ko.length);
      const pairs = beads.filter((b) => b.src.length && b.tgt.length);
      expect(pairs.map((b) => `${b.src}|${b.tgt}`)).to.deep.equal(en.map((_, k) => `${k}|${k <= 30 ? k : k + 300}`));
    });

    it('pairs a document whose Korean release carries a shorter annex (100 lines in 60 items, 40 in 20), in the middle or first', () => {
      // A shorter annex puts the first ratio off just enough for 1:2 beads throughout: not strange,
      // but so doubtful (mean confidence 0.02–0.07) that other starting ratios are tried.
      for (const [items, lines, at] of [[60, 100, 30], [60, 100, 0], [20, 40, 10]] as const) {
        const en: string[] = [], ko: string[] = [];
        for (let k = 0; k < items; k++) {
          en.push(`Item ${k}: the two sides reviewed the plan and agreed on the next steps.`);
          ko.push(`${k}번 항목: 양측은 계획을 검토하고 다음 단계에 합의하였다.`);
          if (k === at) for (let x = 0; x < lines; x++) ko.push(`부록 ${1000 + x}: 참고 자료로 첨부된 문서의 내용이다.`);
        }
        const beads = alignParagraphs(en, ko, opts);
        assertCovering(beads, en.length, ko.length);
        const pairs = beads.filter((b) => b.src.length && b.tgt.length);
        expect(pairs.map((b) => `${b.src}|${b.tgt}`), `${lines} lines after item ${at}`).to.deep.equal(en.map((_, k) => `${k}|${k <= at ? k : k + lines}`));
      }
    });

    it('keeps ordinary 1:2 splits in short documents and in releases that split every paragraph', () => {
      const en = ['The ministers reaffirmed their commitment to a strong alliance and pledged to deepen cooperation on regional issues of mutual concern.'];
      const ko = ['양국 장관은 굳건한 동맹에 대한 공약을 재확인하였다.', '또한 상호 관심사인 역내 문제에 대한 협력을 심화하기로 하였다.'];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1,2');
      // 30 paragraphs, each split into two lines in the Korean release.
      const en30: string[] = [], ko60: string[] = [];
      for (let k = 1; k <= 30; k++) {
        en30.push(`On item ${k}, the two sides reviewed the combined plan in detail and agreed to report the results to the ministers by the end of the year.`);
        ko60.push(`양측은 제${k}항에 대해 연합 계획을 상세히 검토하였다.`, `양측은 그 결과를 연말까지 장관들에게 보고하기로 합의하였다.`);
      }
      expect(shape(alignParagraphs(en30, ko60, opts))).to.equal(en30.map((_, k) => `${k + 1}|${2 * k + 1},${2 * k + 2}`).join(' '));
    });

    it('returns a valid covering for a 20,000-paragraph document', () => {
      const en: string[] = [], ko: string[] = [];
      for (let k = 0; k < 20000; k++) {
        const src = `Item ${k}: the two sides met.`, tgt = `${k}번 항목: 양측이 만났다.`;
        // Every 97th Korean paragraph is left out, every 89th merged with the one before.
        if (k % 97 === 5) {
          en.push(src);
          continue;
        }
        if (k % 89 === 7 && ko.length) {
          en.push(src);
          ko[ko.length - 1] += ' ' + tgt;
          continue;
        }
        en.push(src);
        ko.push(tgt);
      }
      const beads = alignParagraphs(en, ko, opts);
      assertCovering(beads, en.length, ko.length);
    });
  });

  describe('content one side has nowhere (orphan cues)', () => {
    it('leaves out the paragraph whose terms the other version never mentions, though its length fits better', () => {
      // The glossary and vocabulary twintext ships (data/), as the aligner uses them.
      const data = (f: string) => parseGlossary(readFileSync(fileURLToPath(new URL(`../../data/${f}`, import.meta.url)), 'utf8'));
      const g = data('glossary.tsv'), vocabulary = data('vocabulary.tsv');
      const en = [
        'The Ministers discussed regional security issues, including the situation in the Taiwan Strait, and emphasized the importance of peace and stability across the Taiwan Strait.',
        'The Ministers opposed any unilateral attempts to change the status quo by force or coercion in the Indo-Pacific.',
      ];
      const ko = ['3국 장관은 인도태평양 지역에서 힘 또는 강압에 의한 일방적인 현상 변경 시도에 반대하였다.'];
      const o = { srcLang: 'en', tgtLang: 'ko', glossary: g, vocabulary } as const;
      expect(shape(alignParagraphs(en, ko, o))).to.equal('1| 2|1');
      // The features that say so: the first paragraph has more glossary terms (the Taiwan Strait…)
      // that the Korean never has than the second.
      const f = buildFeatures(en, ko, 'en', 'ko', g, undefined, DEFAULT_PARAMS.cues, vocabulary);
      expect(f.src.orphan[0]).to.be.greaterThan(f.src.orphan[1]! + 1);
      // Without the cost the length wins and the wrong paragraph is the omission.
      expect(shape(alignCore(en, ko, o, { ...DEFAULT_PARAMS, orphan: 0 }))).to.equal('1|1 2|');
    });
  });

  describe('a version abridged as a whole (summary beads)', () => {
    const data = (f: string) => parseGlossary(readFileSync(fileURLToPath(new URL(`../../data/${f}`, import.meta.url)), 'utf8'));
    const o = { srcLang: 'en', tgtLang: 'ko', glossary: data('glossary.tsv'), vocabulary: data('vocabulary.tsv') } as const;
    const noSummaries = { ...DEFAULT_PARAMS, summaryCover: Infinity };
    const en = [
      "Joint Statement on the Fourth U.S.-ROK Energy Security Dialogue",
      "The United States and the Republic of Korea held the fourth Energy Security Dialogue in Washington on March 12, 2030, co-chaired by Assistant Secretary of State Laura Whitcombe and Deputy Minister for Energy Policy Han Seung-woo.",
      "The two sides reviewed progress on the commitments made at the third dialogue, including the expansion of liquefied natural gas trade and joint investment in hydrogen production.",
      "They noted that U.S. LNG exports to Korea reached 9.4 million tons in 2029, the highest level on record, and welcomed new long-term contracts between Korean utilities and U.S. suppliers.",
      "The two sides committed to deepen cooperation on civil nuclear energy, including small modular reactors, and to coordinate on nuclear fuel supply chains with like-minded partners.",
      "They also agreed to launch a joint working group on the export of advanced reactors to third countries, which will hold its first meeting in Seoul in the autumn.",
      "Both delegations discussed the security of critical mineral supply chains and the protection of energy infrastructure against cyber threats.",
      "The two sides decided to hold the fifth Energy Security Dialogue in Seoul in 2031.",
    ];

    it('pairs a Korean "(요약)" paragraph with the two English paragraphs it sums up, though it is half their length', () => {
      const ko = [
        "제4차 한미 에너지안보대화 개최 (요약)",
        "한미 양국은 2030년 3월 12일 워싱턴에서 한승우 산업통상자원부 에너지정책실장과 로라 위트컴 국무부 차관보를 수석대표로 제4차 에너지안보대화를 개최하였다.",
        "양측은 수소 생산 공동투자 등 제3차 대화 합의사항의 이행을 점검하고, 2029년 미국산 LNG 대한 수출이 940만 톤으로 역대 최대를 기록한 것을 평가하였다.",
        "양측은 소형모듈원자로(SMR) 등 원자력 협력을 심화하고, 제3국 원전 수출을 위한 공동 작업반을 출범시키기로 하였다.",
        "양측은 제5차 대화를 2031년 서울에서 개최하기로 하였다.",
      ];
      const beads = alignParagraphs(en, ko, o);
      assertCovering(beads, en.length, ko.length);
      expect(shape(beads)).to.equal('1|1 2|2 3,4|3 5,6|4 7| 8|5');
      // Without summary beads the length says the second summary renders the first paragraph alone.
      expect(shape(alignCore(en, ko, o, noSummaries))).to.equal('1|1 2|2 3,4|3 5|4 6| 7| 8|5');
    });

    it('leaves out an English paragraph that gives the summary beside it nothing, though the version is abridged', () => {
      // The seventh paragraph's terms (LNG, hydrogen, energy security) are elsewhere in the Korean, not in the
      // summary of the eighth; the eighth is longer than its summary, so a 2:1 fits the lengths.
      const en2 = [...en.slice(0, 6), "Both delegations also discussed how liquefied natural gas and hydrogen contribute to the energy security of the two countries.", "The two sides decided to hold the fifth Energy Security Dialogue in Seoul in 2031, on dates to be set through diplomatic channels, and to report its results to their leaders."];
      const ko = ["제4차 한미 에너지안보대화 개최 (요약)", "한미 양국은 2030년 3월 12일 워싱턴에서 한승우 산업통상자원부 에너지정책실장과 로라 위트컴 국무부 차관보를 수석대표로 제4차 에너지안보대화를 개최하였다.", "양측은 수소 생산 공동투자 등 제3차 대화 합의사항의 이행을 점검하고, 2029년 미국산 LNG 대한 수출이 940만 톤으로 역대 최대를 기록한 것을 평가하였다.", "양측은 소형모듈원자로(SMR) 등 원자력 협력을 심화하고, 제3국 원전 수출을 위한 공동 작업반을 출범시키기로 하였다.", "양측은 제5차 대화를 2031년 서울에서 개최하기로 하였다."];
      expect(shape(alignParagraphs(en2, ko, o))).to.equal('1|1 2|2 3,4|3 5,6|4 7| 8|5');
      // Without asking that each paragraph of the run share something with the summary, it is merged.
      expect(shape(alignCore(en2, ko, o, { ...DEFAULT_PARAMS, summaryCover: 0 }))).to.equal('1|1 2|2 3,4|3 5,6|4 7,8|5');
    });

    it('leaves a paragraph out of a full translation that is as long as its ratio says, instead of merging it', () => {
      const ko = [
        "제4차 한미 에너지안보대화 공동성명",
        "미국과 대한민국은 2030년 3월 12일 워싱턴에서 로라 위트컴 국무부 차관보와 한승우 산업통상자원부 에너지정책실장이 공동 주재한 가운데 제4차 에너지안보대화를 개최하였다.",
        "양측은 액화천연가스(LNG) 교역 확대와 수소 생산 공동투자 등 제3차 대화에서 합의한 사항의 이행 현황을 점검하였다.",
        "양측은 2029년 미국산 LNG의 대한 수출이 940만 톤으로 역대 최고치를 기록하였음에 주목하고, 한국 발전사와 미국 공급사 간 신규 장기계약 체결을 환영하였다.",
        "양측은 소형모듈원자로(SMR)를 포함한 민간 원자력 협력을 심화하고, 뜻을 같이하는 협력국들과 핵연료 공급망에 대해 공조하기로 하였다.",
        "양 대표단은 핵심광물 공급망 안보와 사이버 위협으로부터의 에너지 기반시설 보호 방안에 대해서도 논의하였다.",
        "양측은 제5차 에너지안보대화를 2031년 서울에서 개최하기로 하였다.",
      ];
      expect(shape(alignParagraphs(en, ko, o))).to.equal('1|1 2|2 3|3 4|4 5|5 6| 7|6 8|7');
    });

    it('pairs an English summary paragraph with the two paragraphs of a Korean-first release it sums up', () => {
      const enShort = [
        "Korea and U.S. Hold Fourth Energy Security Dialogue",
        "Deputy Minister for Energy Policy Han Seung-woo and Assistant Secretary of State Laura Whitcombe held the fourth Korea-U.S. Energy Security Dialogue in Washington on March 12, 2030.",
        "The two sides reviewed the commitments of the third dialogue, noting record U.S. LNG exports to Korea of 9.4 million tons in 2029.",
        "They agreed to deepen civil nuclear cooperation, including on small modular reactors, and to launch a joint working group on reactor exports to third countries.",
        "The fifth dialogue will be held in Seoul in 2031.",
      ];
      const ko = [
        "제4차 한미 에너지안보대화 개최",
        "산업통상자원부 한승우 에너지정책실장은 2030년 3월 12일 워싱턴에서 로라 위트컴 국무부 에너지자원 담당 차관보와 제4차 한미 에너지안보대화를 개최하였다.",
        "양측은 액화천연가스(LNG) 교역 확대와 수소 생산 공동투자 등 제3차 대화에서 합의한 사항의 이행 현황을 점검하였다.",
        "특히 2029년 미국산 LNG의 대한 수출이 940만 톤으로 역대 최고치를 기록하였으며, 양측은 한국 발전사와 미국 공급사 간 신규 장기계약 체결을 환영하였다.",
        "양측은 소형모듈원자로(SMR)를 포함한 민간 원자력 협력을 심화하고, 뜻을 같이하는 협력국들과 핵연료 공급망에 대해 공조하기로 하였다.",
        "아울러 제3국 원전 수출을 위한 공동 작업반을 출범시키고, 올해 가을 서울에서 첫 회의를 개최하기로 하였다.",
        "한 실장은 \"이번 대화를 통해 양국 에너지 협력이 공급망과 원전 수출 분야로 확대되었다\"고 평가하였다.",
        "한편, 양국은 2027년 에너지안보대화 출범 이후 매년 수석대표 회의를 개최해 오고 있으며, 이번 대화에는 양국 관계부처와 공공기관 관계자 30여 명이 참석하였다.",
        "양측은 제5차 에너지안보대화를 2031년 서울에서 개최하기로 하였다.",
        "※ 붙임: 제4차 한미 에너지안보대화 결과 공동보도문(국문·영문) 각 1부. 끝.",
      ];
      expect(shape(alignParagraphs(enShort, ko, o))).to.equal('1|1 2|2 3|3,4 4|5,6 |7 |8 5|9 |10');
      expect(shape(alignCore(enShort, ko, o, noSummaries))).to.equal('1|1 2|2 |3 3|4 4|5,6 |7 |8 5|9 |10');
    });
  });

  describe('section headings', () => {
    it('pairs an English heading in capitals with the Korean □ heading, not the □ heading with the ㅇ item under it', () => {
      const en = [
        "Joint Advisory on a Phishing Campaign Targeting Shipbuilders",
        "The Korea Coast Guard and the U.S. Coast Guard Cyber Command are releasing this advisory to warn shipyards and their suppliers of a phishing campaign that began in January 2031.",
        "The campaign has reached at least 45 companies in both countries, most of them subcontractors that design hull and engine parts.",
        "HOW THE ATTACKS WORK",
        "The attackers send emails that imitate purchase orders from well-known shipyards. The attached spreadsheet installs a remote access tool when it is opened.",
        "Once inside, they copy design drawings and search mailboxes for bids and delivery schedules.",
        "WHAT TO DO",
        "Companies should block macros in files received by email and require two-factor authentication for remote access. Suspicious messages should be reported to the authorities at once.",
      ];
      const ko = [
        "조선업계 대상 피싱 공격 합동 보안권고",
        "ㅇ 해양경찰청과 미국 해안경비대 사이버사령부는 2031년 1월부터 이어지고 있는 피싱 공격에 대해 조선소와 협력업체에 경고하기 위해 이번 권고문을 발표한다.",
        "ㅇ 이번 공격으로 양국의 최소 45개 기업이 피해를 입었으며, 대부분 선체 및 엔진 부품을 설계하는 협력업체이다.",
        "□ 공격 방식",
        "ㅇ 공격자는 유명 조선소의 구매 주문서로 위장한 이메일을 보내며, 첨부된 스프레드시트를 열면 원격 접속 도구가 설치된다.",
        "ㅇ 침투 후에는 설계 도면을 복사하고, 메일함에서 입찰 및 납기 일정을 검색한다.",
        "□ 대응 방안",
        "ㅇ 기업은 이메일로 받은 파일의 매크로를 차단하고, 원격 접속 시 2단계 인증을 적용하며, 의심스러운 메일은 즉시 당국에 신고해야 한다.",
      ];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 2|2 3|3 4|4 5|5 6|6 7|7 8|8');
      // Without the reward the English heading is left out: the □ heading and its item have two
      // "sentences", as the English paragraph has, and a deeper item earns the bullet reward.
      expect(shape(alignCore(en, ko, opts, { ...DEFAULT_PARAMS, headingPair: 0 }))).to.equal('1|1 2|2 3|3 4| 5|4,5 6|6 7| 8|7,8');
    });

    it('reads a short line that is no sentence, over a paragraph that is one, as a heading or a date line', () => {
      const en = ['Advisory on Phishing', 'The campaign began in January.', 'HOW THE ATTACKS WORK', 'Background', 'They send emails.', 'Contact: press@example.org', 'The following steps apply:', 'Block macros.', 'Next steps', 'Report at once.', 'London, 24 June 2031', 'They met.', 'See the annex'];
      const ko = ['피싱 주의 권고', '□ 공격 방식', 'ㅇ 공격자는 이메일을 보낸다.', '- 첨부 파일 주의', 'ㅇ 매크로를 차단해야 한다.', '2. 향후 계획', '양측은 다시 만난다.', '2031. 6. 24.(화)', '양측이 만났다.', '※ 세부 내용 별첨'];
      const f = buildFeatures(en, ko, 'en', 'ko', glossary, undefined, DEFAULT_PARAMS.cues);
      // Not the title, nor a heading over another heading, a labelled line, a lead-in or the last line; a
      // heading in capitals or sentence case, a date line.
      expect([...f.src.heading]).to.deep.equal([0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 2, 0, 0]);
      // A deeper "- " item is a list item, not a heading, and a ※ note is a note; a numbered heading, a date line.
      expect([...f.tgt.heading]).to.deep.equal([0, 1, 0, 0, 0, 1, 0, 2, 0, 0]);
    });

    it('reads numbered headings in English, Korean and Japanese: "1. Regional Cooperation", "가. 추진 배경", "１．概要"', () => {
      const f = buildFeatures(['Title', '1. Regional Cooperation', 'They agreed.'], ['제목', '가. 추진 배경', '양측은 합의하였다.'], 'en', 'ko', glossary, undefined, DEFAULT_PARAMS.cues);
      expect([f.src.heading[1], f.tgt.heading[1]]).to.deep.equal([1, 1]);
      const j = buildFeatures(['Title', 'Overview', 'They agreed.'], ['題名', '１．概要', '両国は合意した。'], 'en', 'ja', glossary, undefined, DEFAULT_PARAMS.cues);
      expect(j.tgt.heading[1]).to.equal(1);
    });

    it('reads no heading in a byline, a table row, a speaker\'s label, a sentence without its stop or an unmarked Korean note', () => {
      const en = ['Title', 'By Jim Garamone', 'He wrote it.', 'Total | 45 companies', 'They counted.', 'Q: Will you meet?', 'We will.', 'The two sides met to discuss the following', 'They agreed.', 'Read the full statement at www.state.gov', 'It is long.', 'Ladies and gentlemen,', 'Welcome.', 'Thank you', 'It was good.', 'Minister Park said', 'He spoke.', 'Today we announce', 'A plan.', 'WASHINGTON —', 'The talks ended.'];
      const ko = ['제목', '양측은 만나 협력 방안을 논의', '양측은 합의하였다.', '질문', '만날 것입니다.'];
      const f = buildFeatures(en, ko, 'en', 'ko', glossary, undefined, DEFAULT_PARAMS.cues);
      expect([...f.src.heading]).to.deep.equal(en.map(() => 0));
      expect([...f.tgt.heading]).to.deep.equal(ko.map(() => 0));
    });
  });

  describe('glossary terms that share a form', () => {
    it('gives the English of each of two terms that list the same Korean form the cue that form gives', () => {
      const data = (f: string) => parseGlossary(readFileSync(fileURLToPath(new URL(`../../data/${f}`, import.meta.url)), 'utf8'));
      const g = data('glossary.tsv'), vocabulary = data('vocabulary.tsv');
      // 국방부 장관 is the Secretary of Defense and the Minister of National Defense; 회담, a meeting and talks;
      // 훈련, an exercise and training. The search reads each Korean form as one of its terms.
      const en = ['The Minister of National Defense held talks on the training of reserve forces.'];
      const ko = ['국방부 장관은 예비전력 훈련에 관한 회담을 가졌다.'];
      const f = buildFeatures(en, ko, 'en', 'ko', g, undefined, DEFAULT_PARAMS.cues, vocabulary);
      const shared = [...f.src.cues[0]!].filter((id) => f.tgt.cues[0]!.includes(id));
      expect(shared.length).to.be.at.least(3);
    });

    it('joins terms only through the forms they list, not meanings one word carries apart', () => {
      const data = (f: string) => parseGlossary(readFileSync(fileURLToPath(new URL(`../../data/${f}`, import.meta.url)), 'utf8'));
      const g = data('glossary.tsv'), vocabulary = data('vocabulary.tsv');
      const sharedCues = (en: string, other: string, lang: 'ko' | 'ja') => {
        const f = buildFeatures([en], [other], 'en', lang, g, undefined, DEFAULT_PARAMS.cues, vocabulary);
        return [...f.src.cues[0]!].filter((id) => f.tgt.cues[0]!.includes(id)).length;
      };
      // An assessment is no gratitude (사의), nuclear safety no national security (安全保障), and the U.S.
      // Secretary of Defense no Japanese defense minister (防衛大臣).
      expect(sharedCues('their assessment', '사의를 표명하였다', 'ko')).to.equal(0);
      expect(sharedCues('nuclear safety', '安全保障', 'ja')).to.equal(0);
      expect(sharedCues('the Secretary of Defense', '防衛大臣', 'ja')).to.equal(0);
      expect(sharedCues('their assessment', '평가하였다', 'ko')).to.equal(1);
    });
  });

  describe('a line that names the kind of release', () => {
    it('leaves an English "Press Release" above the title out, and pairs the titles below it', () => {
      const en = [
        "Press Release",
        "South Korean National Extradited to the United States to Face Investment Fraud Charges",
        "WASHINGTON — A South Korean national was extradited from the Republic of Korea on Sept. 15 to face charges for his role in a cryptocurrency investment fraud scheme that cost victims more than $60 million.",
        "The defendant made his initial appearance in federal court in Manhattan on Sept. 16.",
      ];
      const ko = [
        "법무부, 6,000만 달러 규모 가상자산 투자사기 피의자 미국에 인도",
        "□ 법무부는 가상자산 투자사기 혐의를 받는 우리 국민 A씨를 9월 15일 미국에 범죄인 인도하였다고 밝혔다.",
        "□ A씨는 9월 16일 뉴욕 맨해튼 연방법원에 처음 출석하였다.",
      ];
      // Read as a title, the label drew the real title into the opening bead with it.
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1| 2|1 3|2 4|3');
    });

    it('pairs the delivery notes of a speech and of its translation ("As Prepared for Delivery" ↔ "(연설문 원고)")', () => {
      const en = [
        "Ambassador Brennan's Remarks at the Korea-U.S. Alumni Association Gala",
        "As Prepared for Delivery",
        "Thank you all for coming tonight, and congratulations to the Korea-U.S. Alumni Association on its 30th anniversary.",
        "For three decades, your members have built bridges between our two countries in business, science and the arts.",
        "Thank you.",
      ];
      const ko = [
        "브레넌 대사 한미동문회 기념 만찬 축사",
        "(연설문 원고)",
        "오늘 밤 함께해 주신 모든 분께 감사드리며, 한미동문회 창립 30주년을 축하드립니다.",
        "지난 30년간 회원 여러분은 경제, 과학, 예술 분야에서 양국을 잇는 가교 역할을 해 오셨습니다.",
        "감사합니다.",
      ];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 2|2 3|3 4|4 5|5');
    });

    it('gives the title reward to the titles under a header line, not to the header', () => {
      const data = (f: string) => parseGlossary(readFileSync(fileURLToPath(new URL(`../../data/${f}`, import.meta.url)), 'utf8'));
      const o = { srcLang: 'en', tgtLang: 'ko', glossary: data('glossary.tsv'), vocabulary: data('vocabulary.tsv') } as const;
      const en = [
        "MEDIA NOTE",
        "Deputy Secretary Harlan’s Meeting with Vice Minister Jeong",
        "Deputy Secretary of State Thomas Harlan met Vice Foreign Minister Jeong Min-ho in Washington today to discuss supply chain cooperation.",
      ];
      const ko = [
        "정민호 외교부 차관, 하랜 국무부 부장관 면담",
        "정민호 외교부 제1차관은 오늘 워싱턴에서 토머스 하랜 국무부 부장관과 면담하고 공급망 협력 방안을 논의하였다.",
      ];
      const beads = alignParagraphs(en, ko, o);
      expect(shape(beads)).to.equal('1| 2|1 3|2');
      // Rewarded at the first cell, "MEDIA NOTE" against the Korean title, the titles' bead was less sure (0.94).
      expect(beads[1]!.confidence).to.be.above(0.99);
    });

    it('charges a caption and an attachment line merged into text, though both are editor\'s lines', () => {
      const en = [
        "Korea and U.S. Delegations Tour Hydrogen Sites",
        "The Korean hydrogen industry delegation began a three-day visit to the United States on March 12.",
        "The delegation discussed supply chains for electrolyzers with officials of the Department of Energy.",
        "On March 13, the delegations visited a hydrogen plant in Virginia and met executives of 12 companies.",
      ];
      const ko = [
        "한미 수소 대표단, 미국 수소 현장 방문",
        "한국 수소산업 대표단은 3월 12일 사흘 일정으로 미국 방문을 시작하였다.",
        "대표단은 에너지부 관계자들과 수전해 설비 공급망에 대해 논의하였다.",
        "[사진] 3월 13일 버지니아 수소 플랜트를 시찰하는 양국 대표단",
        "붙임: 12개 기업 명단 1부",
      ];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 2|2 3|3 4|4 |5');
    });

    it('pairs two such lines at the same place, and the titles under them', () => {
      const en = [
        "JOINT PRESS RELEASE",
        "Korea and Viet Nam Coast Guards Rescue 42 Fishermen in First Joint Operation",
        "HAIPHONG, Viet Nam (May 3, 2031) — The Korea Coast Guard and the Viet Nam Coast Guard rescued 42 fishermen from two sinking fishing vessels on May 2.",
        "The operation was the first joint rescue since the two agencies signed a memorandum of understanding in 2029.",
      ];
      const ko = [
        "해양경찰청·베트남 해안경비대 공동 보도자료",
        "한-베트남 해경, 첫 합동 구조작전으로 어민 42명 구조",
        "□ 해양경찰청과 베트남 해안경비대는 5월 2일 침몰 중이던 어선 2척에서 어민 42명을 구조하였다고 3일 밝혔다.",
        "□ 이번 작전은 양 기관이 2029년 양해각서를 체결한 이후 첫 합동 구조작전이다.",
      ];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 2|2 3|3 4|4');
      const f = buildFeatures(en, ko, 'en', 'ko', glossary, undefined, DEFAULT_PARAMS.cues);
      expect([f.src.title, f.src.titleAt, f.tgt.title, f.tgt.titleAt]).to.deep.equal([1, 1, 1, 1]);
    });
  });

  describe('a dateline one version has', () => {
    it('gives no cue to the place of an English release\'s dateline ("JINHAE, Republic of Korea —"), which the Korean never carries', () => {
      const en = ['JINHAE, Republic of Korea — The two navies concluded the exercise on Nov. 20.'];
      const ko = ['양국 해군은 11월 20일 훈련을 마쳤다.'];
      const f = buildFeatures(en, ko, 'en', 'ko', glossary, undefined, DEFAULT_PARAMS.cues);
      // Read as text, "JINHAE" is an acronym the Korean lacks: content one side has nowhere.
      expect(f.src.orphan[0]).to.equal(0);
    });
  });

  describe('a lead-in that the translation folds into the next paragraph', () => {
    it('pairs an attribution line ending on a colon, with the paragraph it opens, to the one Korean sentence that holds both', () => {
      const data = (f: string) => parseGlossary(readFileSync(fileURLToPath(new URL(`../../data/${f}`, import.meta.url)), 'utf8'));
      const o = { srcLang: 'en', tgtLang: 'ko', glossary: data('glossary.tsv'), vocabulary: data('vocabulary.tsv') } as const;
      const en = [
        'Deputy Secretary Harlan’s Call with Republic of Korea First Vice Foreign Minister Yoon',
        'The following is attributable to Deputy Spokesperson Dana Whitfield:',
        'Deputy Secretary of State Thomas Harlan spoke today with Republic of Korea First Vice Foreign Minister Yoon Ji-hoon. The two discussed preparations for the upcoming trilateral meeting with Japan and the importance of close coordination on the DPRK.',
        'The Deputy Secretary and the First Vice Foreign Minister also welcomed progress on supply chain cooperation and agreed to meet again in Seoul next month.',
      ];
      const ko = [
        '하랜 국무부 부장관과 윤지훈 외교부 제1차관 통화',
        '데이나 휘트필드 국무부 부대변인에 따르면, 토머스 하랜 국무부 부장관은 오늘 윤지훈 대한민국 외교부 제1차관과 통화하고 일본과의 3자 회의 준비와 북한 문제에 대한 긴밀한 공조의 중요성을 논의하였다.',
        '부장관과 제1차관은 또한 공급망 협력의 진전을 환영하고 다음 달 서울에서 다시 만나기로 하였다.',
      ];
      const beads = alignParagraphs(en, ko, o);
      assertCovering(beads, en.length, ko.length);
      expect(shape(beads)).to.equal('1|1 2,3|2 4|3');
      // Counted as a sentence of its own, the lead-in made the Korean one sentence short and was left out.
      const f = buildFeatures(en, ko, 'en', 'ko', o.glossary, undefined, DEFAULT_PARAMS.cues, o.vocabulary);
      expect([...f.src.leadIn]).to.deep.equal([0, 1, 0, 0]);
    });

    it('does not let a colon excuse a sentence left out when the lead-in is the last paragraph of the bead', () => {
      const en = ['The two sides agreed on the following:', 'First, to hold the next meeting in Seoul in the spring.'];
      const ko = ['양측은 다음과 같이 합의하였다:', '첫째, 차기 회의를 봄에 서울에서 개최한다.'];
      expect(shape(alignParagraphs(en, ko, opts))).to.equal('1|1 2|2');
    });
  });

  describe('#alignSentences', () => {
    it('aligns the sentences inside a paragraph pair', () => {
      const en = ['The meeting was held in Seoul on March 14, 2024.', 'It was co-chaired by senior officials.', 'The two sides agreed to meet again in 2025.'];
      const ko = ['회의는 2024년 3월 14일 서울에서 개최되었다.', '이번 회의는 고위 당국자가 공동 주관하였으며, 양측은 2025년에 다시 만나기로 합의하였다.'];
      expect(shape(alignSentences(en, ko, opts))).to.equal('1|1 2,3|2');
    });

    // The length ratio a document's paragraph beads give (alignParagraphsWithSentences passes it).
    const atRatio: AlignOptions = { ...opts, lengthRatio: 0.47 };

    it('pairs one English sentence with the three short Korean sentences it was split into', () => {
      const en = [
        'The ministers met in Jakarta on Monday.',
        'For the first time, the three navies will hold a combined search and rescue exercise, which will take place near Jeju in the autumn.',
        'They welcomed the new hotline between the coast guards.',
        'The next meeting will be held in Canberra.',
      ];
      const ko = [
        '장관들은 월요일 자카르타에서 회담하였다.',
        '3국 해군은 연합 수색구조훈련을 실시한다.',
        '이는 처음이다.',
        '훈련은 올가을 제주 인근에서 열린다.',
        '장관들은 해경 간 핫라인 개설을 환영하였다.',
        '차기 회의는 캔버라에서 개최된다.',
      ];
      // A length spread that grew for short sentences made the 1:2 fit as well as the 1:3, and
      // "이는 처음이다." (for "For the first time") was left out as an addition.
      for (const o of [opts, atRatio]) expect(shape(alignSentences(en, ko, o))).to.equal('1|1 2|2,3,4 3|5 4|6');
    });

    it('pairs two English sentences with three Korean ones when a clause moves across the boundary (2:3)', () => {
      const en = [
        'The two ministers met in Seoul on Tuesday for the fourth round of the economic security dialogue.',
        'They reviewed the action plan adopted in April 2024 and welcomed the launch of the Early Warning System (EWS) for supply chains.',
        'They agreed to fund 12 joint research projects on critical minerals and to set up a working group in Busan by September.',
        'The next dialogue will take place in Washington in 2026.',
      ];
      const ko = [
        '양국 장관은 화요일 서울에서 제4차 경제안보대화를 개최하였다.',
        '양 장관은 2024년 4월 채택된 행동계획의 이행 현황을 점검하였다.',
        // The welcome of the EWS (first English sentence) and the 12 projects (second) in one sentence.
        '양 장관은 공급망 조기경보시스템(EWS) 출범을 환영하고, 핵심광물 분야 공동연구 과제 12건을 지원하기로 합의하였다.',
        '또한 9월까지 부산에 실무그룹을 설치하기로 하였다.',
        '차기 대화는 2026년 워싱턴에서 개최된다.',
      ];
      // Any 1:1 + 1:2 split cuts the EWS or the 12 projects off from its counterpart.
      for (const o of [opts, atRatio]) expect(shape(alignSentences(en, ko, o))).to.equal('1|1 2,3|2,3,4 4|5');
    });

    it('pairs two English sentences with a □ heading and its two ㅇ items (2:3)', () => {
      const en = [
        'The two sides reviewed the progress of the joint maritime security projects since the second meeting in June.',
        'They noted advances in information sharing, coast guard training and port inspections, and agreed to complete the next phase of these projects by the end of the year.',
      ];
      const ko = [
        '□ 해양안보 협력사업 추진 현황 점검',
        'ㅇ 양측은 지난 6월 제2차 회의 이후 정보공유, 해경 교육훈련, 항만 검색 등 해양안보 협력사업 전반에서 진전이 있었음을 확인하였다.',
        'ㅇ 양측은 이들 사업의 다음 단계를 연내 완료하기로 합의하였다.',
      ];
      // Without the 2:3 shape the last item, which translates the end of the second sentence, was left out.
      for (const o of [opts, atRatio]) expect(shape(alignSentences(en, ko, o))).to.equal('1,2|1,2,3');
    });

    it('lets a quotation or a question decide which of two sentences the Korean left out', () => {
      const quote = [
        'The minister opened the meeting with a short speech.',
        '"Our alliance has never been stronger," she told the delegates.',
        'The delegates then discussed the agenda and the venue of the next session in detail.',
      ];
      const quoteKo = ['장관은 짧은 연설로 회의를 시작하였다.', '그는 대표단에게 “우리 동맹은 그 어느 때보다 강력하다”고 말하였다.'];
      // By length alone the Korean quotation fits the third sentence better.
      expect(shape(alignSentences(quote, quoteKo, atRatio))).to.equal('1|1 2|2 3|');
      const question = [
        'Reporters asked about the timing of the next meeting.',
        'Will the leaders meet again before the summit in the autumn?',
        'The spokesperson said that the date and the venue had not been decided yet.',
      ];
      const questionKo = ['기자들은 다음 회의의 시기에 대해 질문하였다.', '양국 정상이 올가을 정상회의에 앞서 다시 한번 만날 계획이 있는가?'];
      expect(shape(alignSentences(question, questionKo, atRatio))).to.equal('1|1 2|2 3|');
    });

    it('keeps punctuation and the 2:3 shape out of paragraph alignment', () => {
      const en = ['"We will meet again," the minister said.', 'Is the alliance ready?'];
      const ko = ['장관은 “다시 만나겠다”고 말하였다.', '동맹은 준비되었는가?'];
      const para = buildFeatures(en, ko, 'en', 'ko', undefined, undefined, DEFAULT_PARAMS.cues);
      expect(para.weight).to.have.length(0);
      const sent = buildFeatures(en, ko, 'en', 'ko', undefined, undefined, { ...DEFAULT_PARAMS.cues, punct: 1 });
      expect(sent.weight).to.have.length(2);
      expect(sent.src.cues[0]).to.deep.equal(sent.tgt.cues[0]);
      expect(DEFAULT_PARAMS.prior23).to.equal(Infinity);
    });
  });

  describe('#alignParagraphsWithSentences', () => {
    it('aligns each bead\'s sentences at the document\'s length ratio, so a sentence one side adds is left unpaired', () => {
      const en = [...RATIO_DOC.en], ko = [...RATIO_DOC.ko];
      const out = alignParagraphsWithSentences(en, ko, { srcLang: 'en', tgtLang: 'ko' });
      expect(shape(out.map((x) => x.bead))).to.equal('1|1 2|2 3|3 4|4 5|5');
      const last = out[4]!.sentences;
      expect(shape(last.beads)).to.equal('1|1 2|2 |3 3|4');
      // The bead's own totals, thrown off by the long added sentence, would pair it instead.
      expect(shape(alignSentences(last.src, last.tgt, { srcLang: 'en', tgtLang: 'ko' }))).to.not.equal('1|1 2|2 |3 3|4');
      expect(pairedLengthRatio(en, ko, out.map((x) => x.bead), 'en', 'ko')).to.be.within(0.4, 0.6);
    });

    it('aligns paragraphs, then the sentences inside each paragraph bead', () => {
      const ko = [KO[0]!, KO[1]!, KO[2]!, KO[4]!, KO[5]!];
      const out = alignParagraphsWithSentences(EN, ko, opts);
      expect(out.map((o) => shape([o.bead])).join(' ')).to.equal('1|1 2|2 3|3 4| 5|4 6|5');
      expect(out[1]!.sentences.src).to.have.length(2);
      expect(shape(out[1]!.sentences.beads)).to.equal('1|1 2|2');
      expect(shape(out[3]!.sentences.beads)).to.equal('1|');
    });
  });

  describe('#formatBeads', () => {
    const beads: Bead[] = [
      { src: [0], tgt: [0], confidence: 0.98765 },
      { src: [1, 2], tgt: [1], confidence: 0.5 },
      { src: [3], tgt: [], confidence: 1 },
      { src: [], tgt: [2, 3], confidence: 0 },
    ];
    it('renders 1-based numbers, tab-separated, one bead per line', () => {
      expect(formatBeads(beads)).to.equal('1\t1\n2,3\t2\n4\t\n\t3,4\n');
    });
    it('adds the confidence with three decimals', () => {
      expect(formatBeads(beads, true)).to.equal('1\t1\t0.988\n2,3\t2\t0.500\n4\t\t1.000\n\t3,4\t0.000\n');
    });
    it('renders nothing for no beads', () => {
      expect(formatBeads([])).to.equal('');
    });
  });
});

describe('core/align-features #labelKind', () => {
  it('tells what a labelled line announces: a caption, a note, an attachment or a contact', () => {
    expect(['[사진] 부산세관 직원이 압수한 필로폰을 살펴보고 있다.', 'Photo: Minesweepers off Jinhae.', '<참고> 연도별 실적', 'Note: figures are provisional.',
      '붙임 서명식 사진 1부. 끝.', 'Annex: Questions and Answers', 'The full text of the joint statement is attached.', 'Media contact: Public Affairs Office', '문의: 국방부 국제정책과']
      .map(labelKind)).to.deep.equal([1, 1, 2, 2, 3, 3, 3, 4, 4]);
  });
  it('pairs two labelled lines only when they announce the same', () => {
    const en = [
      'Korea and U.S. Customs Seize Smuggled Cigarettes',
      'The Korea Customs Service and U.S. Customs and Border Protection seized 1.2 million smuggled cigarettes at the Port of Busan on April 3.',
      'Media contact: International Cooperation Bureau, Korea Customs Service, +82-42-481-7640',
    ];
    const ko = [
      '관세청, 미국 관세국경보호청과 밀수 담배 적발',
      '관세청은 미국 관세국경보호청과 함께 4월 3일 부산항에서 밀수 담배 120만 갑을 적발하였다.',
      '[사진] 세관 직원들이 부산항에서 컨테이너를 검사하고 있다.',
    ];
    const beads = shape(alignParagraphs(en, ko, opts));
    expect(beads).to.match(/^1\|1 2\|2 /);
    // The English contact line and the Korean photo caption are each left unpaired, in either order.
    expect(beads.split(' ').slice(2).sort()).to.deep.equal(['3|', '|3']);
  });
  it('pairs an English line saying whom to ask with the Korean ※ 문의 line, and leaves a ※ photo caption unpaired beside English boilerplate', () => {
    const en = [
      'ROK and U.S. Air Forces Wrap Up Combined Search and Rescue Drill',
      'The ROK Air Force and the U.S. Seventh Air Force wrapped up a combined search and rescue drill over Gangwon Province on May 14, with 12 helicopters taking part.',
      'Seventh Air Force, headquartered at Osan Air Base, plans and directs air component operations for the defense of the Republic of Korea.',
      'For more information, please contact the ROK Air Force Public Affairs Office or the Seventh Air Force Public Affairs Office.',
    ];
    const ko = [
      '한미 공군, 연합 탐색구조훈련 종료',
      '공군과 미 7공군은 5월 14일 강원도 일대에서 헬기 12대가 참가한 가운데 연합 탐색구조훈련을 마무리했다.',
      '※ 사진설명: 14일 강원도 상공에서 연합 탐색구조훈련에 참가한 한미 공군 헬기가 편대 비행을 하고 있다.',
      '※ 문의: 공군본부 정훈공보실, 미 7공군 공보실',
    ];
    const beads = shape(alignParagraphs(en, ko, opts)).split(' ');
    expect([beads.slice(0, 2), beads.slice(2, 4).sort(), beads.slice(4)]).to.deep.equal([['1|1', '2|2'], ['3|', '|3'], ['4|4']]);
  });
});

describe('core/align-features #editorialKind', () => {
  it('reads a note on the translation as a labelled note, not a sentence about translating', () => {
    for (const t of ['※ 본 번역문은 참고용으로 제공되며, 영문 원문과 차이가 있을 경우 원문이 우선합니다.', 'Unofficial translation', 'This is a courtesy translation.', '※ This is an unofficial translation.', 'Provisional Translation', '（仮訳）', '(국문 가번역)', 'In case of discrepancy, the English text of this translation prevails.']) {
      expect(editorialKind(t), t).to.equal(2);
      expect(labelKind(t), t).to.equal(2);
    }
    for (const t of ['The two sides agreed on the translation of the treaty.', '번역 지원 사업을 확대하기로 하였다.', '번역문학 지원 사업을 확대하기로 하였다.', '국문 번역본 발간을 계기로 양국은 문화 교류를 확대한다.', '번역문 작성 지침을 마련하였다.', 'Courtesy translation is available in Korean, Japanese and Chinese at the venue.']) expect(editorialKind(t), t).to.equal(0);
  });

  it('reads a line that only names the kind of release, or says when it may be published, as an editor\'s mark, not a sentence that mentions one', () => {
    for (const t of ['JOINT PRESS RELEASE', 'Media Note', 'OFFICE OF THE SPOKESPERSON', 'Release No. 2031-047', 'Event Summary', '보도참고자료', '해양경찰청·필리핀 해안경비대 공동 보도자료', '미 국무부 대변인실 보도자료', '보도시점: 2031. 2. 12.(수) 조간 / 배포: 2031. 2. 11.(화) 14:00', 'EMBARGOED UNTIL 0900 KST, MARCH 3', 'Embargoed: 09:00', '보도시점 2031. 2. 12.', 'Release No: 2031-047', '報道発表', 'FOR RELEASE UPON DELIVERY', '(원고)', '※ 실제 연설 내용과 다를 수 있음']) expect(editorialKind(t), t).to.equal(1);
    // Titles that end on 보도문 or 보도자료 name a meeting or a date; a bare 원고 is a word (a plaintiff).
    for (const t of ['The ministry issued a press release on Monday.', 'Korea Issues Press Release on Drills', '법무부는 보도자료를 배포하였다.', '한일 외교장관회담 공동 보도문', '제3차 한미 공급망 대화 결과 보도자료', '2031년 2월 12일 보도자료', '원고', '원고 측은 항소하였다.']) expect(editorialKind(t), t).to.equal(0);
  });

  it('reads editor\'s marks, a subtitle between dashes and labelled captions, notes and attachments as editorial lines', () => {
    for (const t of ['[…]', '* * *', '[영문 전문 보기]', '- 공급망·핵심기술·방산 분야 실질협력 확대 방안 협의 -',
      '[사진 설명] 17일 진해 인근 해상에서 훈련에 참가한 소해함이 기동하고 있다.', '<참고> 연도별 국제기구 경유 대북 지원 실적: 2019년 1,350만 달러',
      '(붙임) 회의 결과 문서 1부.', '[Photo] Sailors of the two navies aboard USS Pioneer.']) expect(editorialKind(t) > 0, t).to.equal(true);
  });
  it('reads text as text: a bullet item, a wire dateline in brackets, a sentence in brackets, words that only open like a label', () => {
    for (const t of ['- 공병: 굴착기·덤프트럭 등 중장비 운용 요원 25명', '[서울=뉴시스] 홍길동 기자 = 한미 양국은 오늘 회담을 가졌다.',
      '(The Korean text is a translation; the English text is authoritative.) The two sides met in Seoul.', '참고로 양측은 내년에 다시 만나기로 하였다.',
      '(참고로) 양측은 내년에 다시 만나기로 하였다.', '(참고로 말씀드리면) 양국은 협력을 계속할 것이다.', '(참고인 신분으로 출석한) 김 전 차관은 답변하였다.',
      '- The two sides agreed to strengthen - not weaken - cooperation -', 'Notes on the talks were exchanged.']) expect(editorialKind(t), t).to.equal(0);
  });
  it('tells a labelled caption, note or attachment (2) from a mark or a subtitle (1)', () => {
    expect(['[사진 설명] 소해함이 기동하고 있다.', 'Photo: Minesweepers maneuver off Jinhae.', '붙임: 훈련 사진 3매. 끝.', '<참고> 연도별 실적', 'Note: figures are provisional.']
      .map(editorialKind)).to.deep.equal([2, 2, 2, 2, 2]);
    // A release's contact line is one too: "Media contact:" and "문의:" render each other, not a paragraph of text.
    expect(['Media contact: Public Affairs Office, +82-2-748-1234', 'Press contacts: press@example.go.kr', '문의: 국방부 국제정책과 (02-748-6123)', '담당 부서: 해양경찰청 국제협력담당관실']
      .map(editorialKind)).to.deep.equal([2, 2, 2, 2]);
    expect(['Contacts between the two militaries will expand.', '문의가 잇따르자 정부는 안내문을 배포하였다.'].map(editorialKind)).to.deep.equal([0, 0]);
    // A labelled line under a ※ mark, and a line that only says whom to ask, without a label.
    const asks = ['※ 문의: 주시드니 총영사관 재외선거관', '※ 사진설명: 훈련에 참가한 양국 공군 F-35A 전투기가 편대 비행을 하고 있다.',
      'For more information, please visit the U.S. Embassy\'s website or contact the visa call center.', 'For media inquiries, please contact the Public Affairs Office.',
      '자세한 내용은 대사관 홈페이지 또는 비자 안내 콜센터(02-3275-4100)로 문의하시기 바랍니다.'];
    expect(asks.map(editorialKind)).to.deep.equal([2, 2, 2, 2, 2]);
    expect(asks.map(labelKind)).to.deep.equal([4, 1, 4, 4, 4]);
    expect(['※ 세부 일정은 작전보안상 공개하지 않음.', 'For more information on the designations, see the Treasury press release.', '관련 문의가 많아 안내드립니다.',
      'For information security, the agencies will hold a call every quarter.', 'For further information sharing, the two sides agreed to establish a hotline and stay in close contact.',
      '긴급 여행증명서 발급은 영사과로 문의하시기 바랍니다.', '여권을 분실한 경우 먼저 현지 경찰에 신고해야 합니다. 자세한 사항은 영사과로 문의하시기 바랍니다.']
      .map(editorialKind)).to.deep.equal([0, 0, 0, 0, 0, 0, 0]);
    // So is an attachment line without a colon, as releases write it, and the English line that says what is attached.
    expect(['붙임 서명식 사진 1부. 끝.', '붙임 1. 공동성명 전문', 'Annex: Questions and Answers on the Resumption of Imports', 'The full text of the joint statement is attached.']
      .map(editorialKind)).to.deep.equal([2, 2, 2, 2]);
    expect(['붙임성 있는 태도로 협상에 임하였다.', 'Great importance is attached.', 'The annex was signed separately.'].map(editorialKind)).to.deep.equal([0, 0, 0]);
    expect(['[…]', '- 공급망 분야 협력 확대 방안 협의 -', '* * *'].map(editorialKind)).to.deep.equal([1, 1, 1]);
    // A speech's delivery note is a mark of the English edition, in brackets or not.
    expect(['As Prepared for Delivery', '(As Delivered)', 'Check against delivery'].map(editorialKind)).to.deep.equal([1, 1, 1]);
    expect(editorialKind('As prepared for delivery, the speech was to run twenty minutes.')).to.equal(0);
  });
});

describe('core/align: a starting length ratio the language pair makes plausible', () => {
  it('keeps a document\'s totals unless they stray beyond a factor of about 1.8 from the pair\'s typical ratio', () => {
    expect(plausibleRatio(0.35, 'en', 'ko')).to.equal(0.35);
    expect(plausibleRatio(1.13, 'en', 'ko')).to.be.closeTo(0.47 * Math.exp(0.6), 1e-9);
    expect(plausibleRatio(0.1, 'en', 'ko')).to.be.closeTo(0.47 * Math.exp(-0.6), 1e-9);
    // The other way round, the inverse; a pair without a measured ratio keeps its totals.
    expect(plausibleRatio(0.9, 'ko', 'en')).to.be.closeTo(Math.exp(0.6) / 0.47 / Math.exp(1.2), 1e-9);
    expect(plausibleRatio(5, 'en', 'ja')).to.equal(5);
  });

  it('aligns a short release whose Korean adds a long passage to one paragraph without merging the others', () => {
    const opts: AlignOptions = { srcLang: 'en', tgtLang: 'ko', glossary: parseGlossary('en\tko\nenergy\t에너지\n') };
    const beads = alignParagraphs([...ADDED_PASSAGE_DOC.en], [...ADDED_PASSAGE_DOC.ko], opts);
    const rows = beads.map((b) => `${b.src.map((i) => i + 1)}|${b.tgt.map((i) => i + 1)}`);
    // The rows before and after the long paragraph pair one to one (the totals alone merged 2|2,3 and 3,4|4).
    expect(rows.slice(0, 3)).to.deep.equal(['1|1', '2|2', '3|3']);
    expect(rows.at(-1)).to.equal('5|5');
    // The long paragraph itself is for review: not confidently paired.
    for (const b of beads.filter((x) => x.src.includes(3) || x.tgt.includes(3))) expect(b.confidence).to.be.below(0.9);
  });
});

describe('core/align #medianRatio', () => {
  it('takes the length-weighted median of the beads\' ratios, so one bead with an added passage does not move it', () => {
    const ordinary = [{ src: 100, tgt: 45 }, { src: 80, tgt: 38 }, { src: 120, tgt: 50 }, { src: 60, tgt: 30 }];
    const m = medianRatio(ordinary)!;
    expect(m).to.be.within(0.4, 0.5);
    // A bead whose target adds 300 characters: the sum's ratio jumps, the median stays.
    const skewed = [...ordinary, { src: 70, tgt: 330 }];
    expect(skewed.reduce((a, x) => a + x.tgt, 0) / skewed.reduce((a, x) => a + x.src, 0)).to.be.above(0.9);
    expect(medianRatio(skewed)).to.be.within(0.4, 0.5);
    expect(medianRatio([])).to.equal(undefined);
    // The same rows turned round give the inverse (an exact half: the geometric mean of the middle two).
    const two = [{ src: 100, tgt: 40 }, { src: 80, tgt: 60 }];
    expect(medianRatio(two)! * medianRatio(two.map((x) => ({ src: x.tgt, tgt: x.src })))!).to.be.closeTo(1, 1e-9);
    expect(medianRatio([{ src: 0, tgt: 10 }])).to.equal(undefined);
  });
});

describe('core/align #sentenceRatio', () => {
  it('takes the pair\'s typical ratio when fewer than three rows are paired (the one row may be the one that adds a passage)', () => {
    expect(sentenceRatio([{ src: 150, tgt: 210 }], 'en', 'ko')).to.equal(0.47);
    expect(sentenceRatio([{ src: 150, tgt: 210 }], 'ko', 'en')).to.be.closeTo(1 / 0.47, 1e-9);
    // A pair without a measured ratio has only its rows to go by.
    expect(sentenceRatio([{ src: 150, tgt: 210 }], 'en', 'ja')).to.be.closeTo(1.4, 1e-9);
    // Enough rows: their median, kept plausible.
    expect(sentenceRatio([{ src: 100, tgt: 35 }, { src: 90, tgt: 30 }, { src: 120, tgt: 40 }], 'en', 'ko')).to.be.within(0.33, 0.36);
    expect(sentenceRatio([], 'en', 'fr')).to.equal(undefined);
  });

  it('pairs the sentences of a one-paragraph statement whose Korean adds two long sentences', () => {
    const en = ['The two sides signed an agreement on safety training. They agreed to cooperate on offshore wind power. The next dialogue will take place in Seoul in 2027.'];
    const ko = ['양측은 안전 교육에 관한 협정을 체결하였다. 이번 협정에 따라 양측 기관은 향후 5년간 규제 인력을 대상으로 안전 심사, 방사선 방호, 비상 대응 분야의 교육 과정을 운영하며, 매년 두 차례 현장 실습을 실시한다. 또한 양측은 교육 성과를 점검하기 위한 공동 평가단을 구성하고, 그 결과를 차기 대화에서 보고하기로 하였다. 양측은 해상풍력 분야에서 협력하기로 하였다. 차기 대화는 2027년 서울에서 개최된다.'];
    const out = alignParagraphsWithSentences(en, ko, { srcLang: 'en', tgtLang: 'ko' });
    // Its own ratio (the one row's, about 1.4) paired every sentence wrongly.
    expect(shape(out[0]!.sentences.beads)).to.equal('1|1 |2 |3 2|4 3|5');
  });
});
