import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseGlossary } from '../../../server/core/glossary.ts';
import { checkAlignment, checkConsistency } from '../../../server/core/checks/index.ts';
import { BEADS, EN, KO, OPTS, withKo } from './fixture.ts';
import { render } from './helpers.ts';

/** The terminology findings (info included) of one English–Korean pair, with the shipped glossary. */
const withDefaultGlossary = (en: string, ko: string) => {
  const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));
  return render(checkAlignment([en], [ko], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ko', glossary, checks: ['terminology'] }), true);
};

/** The terminology messages (info included) of one pair, English with Korean or Japanese, with the shipped glossary. */
const withDefaultGlossaryMessages = (en: string, other: string, lang = 'ko') => {
  const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));
  return checkAlignment([en], [other], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: lang, glossary, checks: ['terminology'] }).map((f) => f.message);
};

const one = (en: string, ko: string, check: string) =>
  checkAlignment([en], [ko], [{ src: [0], tgt: [0], confidence: 1 }], { ...OPTS, checks: [check] });

describe('core/checks terminology', () => {
  it('takes a Korean release\'s 우리 (우리 기업, 우리 정부) and a Japanese one\'s 我が国 for the country writing', () => {
    const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));
    const ko = (en: string, k: string) => checkAlignment([en], [k], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ko', glossary, checks: ['terminology'] })
      .filter((f) => f.message.includes('"Korean"'));
    expect(ko('The two sides agreed to support Korean firms investing in the United States.', '양측은 미국에 투자하는 우리 기업들을 지원하기로 하였다.')).to.deep.equal([]);
    // Without it, the country is missing; and 우리 alone ("we") is no country.
    expect(ko('The two sides agreed to support Korean firms investing in the United States.', '양측은 미국에 투자하는 기업들을 지원하기로 하였다.')).to.have.length(1);
    expect(ko('Korean firms will invest more.', '우리는 투자를 확대할 것이다.')).to.have.length(1);
    const ja = (ja: string) => checkAlignment(['Japan will contribute to regional stability.'], [ja], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ja', glossary, checks: ['terminology'] })
      .filter((f) => f.message.includes('"Japan"'));
    expect(ja('我が国は地域の安定に貢献する。')).to.deep.equal([]);
    expect(ja('地域の安定に貢献する。')).to.have.length(1);
  });

  it('accepts listed translations', () => {
    expect(render(checkAlignment(EN, KO, BEADS, { ...OPTS, checks: ['terminology'] }))).to.deep.equal([]);
  });

  it('warns when a named body is rendered with another term', () => {
    const fs = checkAlignment(EN, withKo(5, KO[5]!.replace('핵협의그룹(NCG)', '확장억제전략협의체')), BEADS, { ...OPTS, checks: ['terminology'] })
      .filter((f) => f.severity !== 'info');
    // The substitute names a body the English document never mentions: that is reported too.
    expect(render(fs)).to.deep.equal(['warning terminology 5/5', 'warning terminology 5/5']);
    const src = fs.find((f) => f.key.startsWith('terminology:src:'))!;
    expect(src.message).to.equal('English "Nuclear Consultative Group" should be rendered as "핵협의그룹" in Korean, which is missing');
    expect(src.key).to.equal('terminology:src:nuclear consultative group');
    expect(fs.map((f) => f.key)).to.include('terminology:tgt:확장억제전략협의체');
  });

  it('takes "U.S." before a hyphen or a space for the country it is, with the default glossary', () => {
    // There the hit is "U.S" (the dot is not part of the word), which looked up by its surface found nothing.
    const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));
    for (const [en, ko] of [
      ['The Korea-U.S. working group met in Seoul.', '한미 실무그룹은 서울에서 회의를 가졌다.'],
      ['The U.S. and Korea working groups met in Seoul.', '한미 실무그룹들은 서울에서 회의를 가졌다.'],
    ] as const) {
      const fs = checkAlignment([en], [ko], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ko', glossary, checks: ['terminology'] });
      expect(render(fs), en).to.deep.equal([]);
    }
    // A sentence's end is no join: Korea is named on its own here, and 한미 does not render it.
    const apart = checkAlignment(['The minister visited Korea. The United States sent a delegation.'], ['장관은 한미를 방문하였다. 대표단이 파견되었다.'], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ko', glossary, checks: ['terminology'] });
    expect(render(apart)).to.deep.equal(['warning terminology 0/0']);
  });

  it('takes 훈련 as well as 연습 for "exercise" in the default glossary, as US–ROK releases write both', () => {
    expect(withDefaultGlossary('The exercise will be held in the East Sea.', '훈련은 동해에서 실시된다.')).to.deep.equal([]);
    expect(withDefaultGlossary('The two sides will expand combined exercises.', '양측은 연합훈련을 확대할 것이다.')).to.deep.equal([]);
    expect(withDefaultGlossary('The two sides will expand combined exercises.', '양측은 연합연습을 확대할 것이다.')).to.deep.equal([]);
    expect(withDefaultGlossary('The training will be held in the East Sea.', '훈련은 동해에서 실시된다.')).to.deep.equal([]);
    // Neither rendering is still a missing term.
    expect(withDefaultGlossary('The exercise will be held in the East Sea.', '행사는 동해에서 실시된다.')).to.deep.equal(['info terminology 0/0']);
  });

  it('reads a term the texts do render: 핵 before a comma, a name with a curly apostrophe, Assistant Secretary of Defense', () => {
    expect(withDefaultGlossary("The two sides discussed North Korea's nuclear and ballistic missile issues.", '양측은 북한의 핵, 탄도 미사일 문제를 논의하였다.')).to.deep.equal([]);
    expect(withDefaultGlossary('The ministers condemned the launch by the Democratic People’s Republic of Korea.', '장관들은 북한의 발사를 규탄하였다.')).to.deep.equal([]);
    expect(withDefaultGlossary('The meeting was led by the Acting Assistant Secretary of Defense for Space Policy.', '회의는 우주정책차관보 대행이 주관하였다.')).to.deep.equal([]);
    // Still missing where it is missing.
    expect(withDefaultGlossary("The two sides discussed North Korea's nuclear and ballistic missile issues.", '양측은 북한의 탄도 미사일 문제를 논의하였다.')).to.deep.equal(['info terminology 0/0']);
  });

  it('accepts a compound of party abbreviations (한미, 한·일, 한미일) for countries named together, not 북한, 한 alone, or a country named alone', () => {
    const ok: [string, string][] = [
      ['The Republic of Korea and the United States reaffirmed the alliance.', '한미 양국은 동맹을 재확인하였다.'],
      ['Japan and the Republic of Korea agreed to meet again.', '한·일 양국은 다시 만나기로 합의하였다.'],
      ['The Republic of Korea, the United States and Japan held a trilateral meeting.', '한미일 3자 회의가 개최되었다.'],
      // One abbreviation joined to a country written out, for a hyphenated relation.
      ["The 3rd Republic of Korea–Australia Defence Ministers' Meeting was held in Canberra.", '제3차 한-호주 국방장관회담이 캔버라에서 개최되었다.'],
      ['The Australia-Korea partnership has grown.', '한·호주 동반자 관계는 성장하였다.'],
    ];
    for (const [en, ko] of ok) expect(render(one(en, ko, 'terminology')), ko).to.deep.equal([]);
    // 북한 is North Korea, and 한 alone is "one": neither renders "Republic of Korea".
    expect(render(one('The Republic of Korea condemned the launch.', '북한의 발사를 규탄하였다.', 'terminology'))).to.deep.equal(['warning terminology 0/0']);
    expect(render(one('The Republic of Korea condemned the launch.', '한 관계자는 발사를 규탄하였다.', 'terminology'))).to.deep.equal(['warning terminology 0/0']);
    // Named on its own, the country needs its own name: a 한미 elsewhere in the paragraph is not it.
    expect(render(one('The Republic of Korea hosted the talks on the alliance.', '미측은 한미 동맹에 관한 회담을 주최하였다.', 'terminology'))).to.deep.equal(['warning terminology 0/0']);
    // A hyphenated relation whose Korean leaves Korea out entirely still misses it.
    expect(render(one('The Republic of Korea-Australia partnership has grown.', '호주와의 동반자 관계는 성장하였다.', 'terminology'))).to.deep.equal(['warning terminology 0/0']);
  });

  it('does not take a short Korean term inside a longer word (축하 in 감축하기로) for the term', () => {
    const glossary = { ...OPTS.glossary, terms: [...OPTS.glossary.terms, { terms: { en: ['congratulate', 'congratulated'], ko: ['축하'] } }] };
    const fs = checkAlignment(['The two sides agreed to reduce greenhouse gas emissions.'], ['양측은 온실가스 배출량을 감축하기로 합의하였다.'], [{ src: [0], tgt: [0], confidence: 1 }], { ...OPTS, glossary, checks: ['terminology'] });
    expect(fs.filter((f) => f.message.includes('축하'))).to.deep.equal([]);
    // Standing on its own, it is the term.
    const alone = checkAlignment(['The two sides agreed to reduce emissions.'], ['양측은 축하 메시지를 교환하였다.'], [{ src: [0], tgt: [0], confidence: 1 }], { ...OPTS, glossary, checks: ['terminology'] });
    expect(alone.filter((f) => f.message.includes('축하'))).to.have.length(1);
  });

  it('does not take a country\'s name for the Korean word it opens (인도 in 인도적, 인도주의, 인도하기로) or a counter for a term (명의 in 세 명의)', () => {
    const about = (en: string, ko: string, word: string) => withDefaultGlossaryMessages(en, ko).filter((m) => m.includes(`"${word}"`));
    // 인도 "humanity, handing over" makes adjectives, -isms and verbs; India does not.
    expect(about('The two sides agreed to expand humanitarian cooperation.', '양측은 인도적 협력을 확대하기로 하였다.', '인도')).to.deep.equal([]);
    expect(about('The ministers reaffirmed their commitment to humanitarian principles.', '장관들은 인도주의 원칙에 대한 공약을 재확인하였다.', '인도')).to.deep.equal([]);
    expect(about('The two governments agreed to hand over the detained crew.', '양국 정부는 억류된 선원들을 인도하기로 하였다.', '인도')).to.deep.equal([]);
    expect(about('The crew were handed over on Friday.', '선원들은 금요일 인도되었다.', '인도')).to.deep.equal([]);
    // -분, a portion: "9월 인도분" is the September delivery.
    expect(about('Crude for September delivery fell $3.', '9월 인도분 원유는 3달러 하락하였다.', '인도')).to.deep.equal([]);
    // The country itself, with a particle or before a noun, is still India.
    expect(about('The ministers welcomed the participation of Australia.', '장관들은 인도의 참여를 환영하였다.', '인도')).to.have.length(1);
    expect(about('The ministers welcomed the participation of Australia.', '장관들은 인도 해군의 참여를 환영하였다.', '인도')).to.have.length(1);
    expect(about("The ministers welcomed India's participation.", '장관들은 인도의 참여를 환영하였다.', '인도')).to.deep.equal([]);
    expect(about('The ministers welcomed the Indian navy\'s participation.', '장관들은 인도 해군의 참여를 환영하였다.', '인도')).to.deep.equal([]);
    // 명 counting people, then 의 "of": no 명의 "attributable to".
    expect(about('Three crew members were rescued.', '세 명의 선원이 구조되었다.', '명의')).to.deep.equal([]);
    expect(about('Twelve crew members were rescued.', '12명의 선원이 구조되었다.', '명의')).to.deep.equal([]);
    for (const n of ['2 명의', '수백 명의', '90여 명의', '600만 명의']) expect(about('Many people were rescued.', `${n} 사람들이 구조되었다.`, '명의'), n).to.deep.equal([]);
    expect(about('Statement by the Spokesperson on the launch', '대변인 명의 성명', '명의')).to.have.length(1);
  });

  it('expects 통화 only for a call on the phone, not for "called on … to" (urged), "called for", naming or a visit', () => {
    const call = (en: string, ko: string, lang = 'ko') => withDefaultGlossaryMessages(en, ko, lang).filter((m) => /"call/i.test(m));
    for (const [en, ko] of [
      ['The ministers called on North Korea to return to dialogue.', '장관들은 북한이 대화에 복귀할 것을 촉구하였다.'],
      ['The ministers called upon all countries to implement the resolutions.', '장관들은 모든 국가들이 결의를 이행할 것을 촉구하였다.'],
      ['The two sides called for the full implementation of the resolutions.', '양측은 결의의 완전한 이행을 촉구하였다.'],
      ['The Minister calls for restraint.', '장관은 자제를 촉구한다.'],
      ['The Secretary called the launch a grave threat to regional peace.', '장관은 이번 발사를 역내 평화에 대한 중대한 위협이라고 규정하였다.'],
      ['The Secretary called it "a reckless act".', '장관은 이를 "무모한 행위"라고 하였다.'],
      ['The President called a meeting of the National Security Council.', '대통령은 국가안전보장회의를 소집하였다.'],
      ['The ministers launched a so-called "trilateral hotline".', '장관들은 이른바 "3자 핫라인"을 개설하였다.'],
      ['The group is called the Freedom Edge working group.', '이 그룹의 명칭은 프리덤 엣지 실무그룹이다.'],
      ['Secretary Blinken called on President Yoon at the presidential office.', '블링컨 장관은 대통령실에서 윤 대통령을 예방하였다.'],
      ['Secretary Blinken paid a courtesy call on President Yoon.', '블링컨 장관은 윤 대통령을 예방하였다.'],
      ['The ministers issued a call for restraint.', '장관들은 자제를 촉구하였다.'],
      ['The suspects belong to an alleged terror group called Ergenekon.', '용의자들은 에르게네콘이라는 테러 단체 소속이다.'],
      ['The residence, called Blair House, hosts visiting leaders.', '블레어 하우스라 불리는 이 관저는 방문 정상들이 묵는 곳이다.'],
      ['The Minister calls the abduction of Japanese citizens a grave violation of human rights.', '장관은 일본인 납치를 중대한 인권 침해로 규정한다.'],
      ["It's called the Freedom Edge exercise.", '이 훈련의 명칭은 프리덤 엣지이다.'],
      ['Called Freedom Edge, the exercise will be held annually.', '프리덤 엣지라는 이 훈련은 매년 실시된다.'],
      ['The police called in additional officers.', '경찰은 추가 인력을 요청하였다.'],
      ['The talks stalled despite repeated calls by the South for the North to return.', '남측의 거듭된 복귀 요청에도 회담은 교착되었다.'],
    ] as const) expect(call(en, ko), en).to.deep.equal([]);
    expect(call('The ministers called on North Korea to return to dialogue.', '閣僚は北朝鮮に対話への復帰を求めた。', 'ja')).to.deep.equal([]);
    // A call on the phone, by noun or by verb, still expects 통화 (or 電話会談).
    for (const en of [
      'The two leaders held a call on Tuesday.',
      'In a call with Foreign Minister Park, the Secretary discussed the situation.',
      'President Biden called President Yoon to congratulate him.',
      'President Biden called President Yoon on Tuesday.',
      'President Yoon, who took office in May, called President Biden.',
      'The President held a meeting and called President Yoon.',
      'The President called on Monday to offer condolences.',
      "During today's call, the two leaders discussed the alliance.",
    ]) expect(call(en, '양 정상은 화요일 회담하였다.'), en).to.have.length(1);
    expect(call('The two leaders held a call on Tuesday.', '양 정상은 화요일 통화하였다.')).to.deep.equal([]);
    // The other way, a Korean 통화 is a call that English writes as speaking with someone, or by phone.
    const tonghwa = (en: string) => withDefaultGlossaryMessages(en, '블링컨 장관은 11월 1일 박진 외교장관과 통화하였다.').filter((m) => m.includes('"통화"'));
    expect(tonghwa('Secretary Blinken spoke on November 1 with Foreign Minister Park Jin.')).to.deep.equal([]);
    expect(tonghwa('Secretary Blinken talked by phone with Foreign Minister Park Jin on November 1.')).to.deep.equal([]);
    expect(tonghwa('Secretary Blinken met Foreign Minister Park Jin on November 1.')).to.have.length(1);
    expect(call('The two leaders held a call on Tuesday.', '両首脳は火曜日に会談した。', 'ja')).to.have.length(1);
  });

  it('expects 발사 only for the launch of a missile, rocket or satellite, not of a dialogue, an initiative or an investigation', () => {
    const launch = (en: string, ko: string, lang = 'ko') => withDefaultGlossaryMessages(en, ko, lang).filter((m) => /"launch/i.test(m));
    for (const [en, ko] of [
      ['The two sides launched a new dialogue on supply chains.', '양측은 공급망에 관한 새로운 대화를 출범시켰다.'],
      ['The ministers welcomed the launch of the Trilateral Secretariat.', '장관들은 3국 사무국 출범을 환영하였다.'],
      ['The two countries will launch a joint campaign against online scams.', '양국은 온라인 사기에 대응하는 공동 캠페인을 개시할 것이다.'],
      ['The police launched an investigation into the attack.', '경찰은 공격에 대한 조사에 착수하였다.'],
      ['The leaders launched the Indo-Pacific Economic Framework in May.', '정상들은 5월 인도태평양 경제 프레임워크를 출범시켰다.'],
      ['Since launching the initiative, the partners have met twice.', '이니셔티브를 개시한 이래 협력국들은 두 차례 만났다.'],
      ['An investigation has been launched.', '조사가 착수되었다.'],
      ['Users are backing a new campaign launched by the foundation.', '이용자들은 재단이 시작한 새 캠페인을 지지하고 있다.'],
      ['The police launched a probe into the incident.', '경찰은 사건에 대한 조사에 착수하였다.'],
      ['The allies launched a new dialogue on missile defense.', '동맹국들은 미사일 방어에 관한 새로운 대화를 출범시켰다.'],
    ] as const) expect(launch(en, ko), en).to.deep.equal([]);
    expect(launch('The two sides launched a new dialogue on supply chains.', '双方はサプライチェーンに関する新たな対話を立ち上げた。', 'ja')).to.deep.equal([]);
    // A missile, rocket or satellite, named or implied ("the launch by the DPRK"), still expects 발사 (発射).
    for (const en of [
      'North Korea launched two short-range ballistic missiles.',
      'The ministers condemned the launch by the DPRK.',
      'The ministers condemned the DPRK\'s launch of a Hwasong-18.',
      'The ministers condemned the launch of a so-called "military reconnaissance satellite".',
      'The ministers condemned the recent missile launches.',
      'The DPRK launched from the Pyongyang area on Monday.',
      'North Korea launched what appeared to be a ballistic missile.',
      'North Korea launched a barrage of rockets into the sea.',
    ]) expect(launch(en, '장관들은 북한의 도발을 규탄하였다.'), en).to.have.length(1);
    expect(launch('North Korea launched two short-range ballistic missiles.', '北朝鮮は短距離弾道ミサイル2発を撃った。', 'ja')).to.have.length(1);
  });

  it('takes "fired" for 발사 when a missile or rocket is fired, not when someone is dismissed', () => {
    const fire = (en: string, ko: string) => withDefaultGlossaryMessages(en, ko).filter((m) => /"(?:fired|firing|발사)"/.test(m));
    // Either way round: the English "fired" is rendered by 발사, and 발사 by "fired".
    expect(fire('North Korea fired two short-range ballistic missiles into the sea.', '북한은 단거리 탄도미사일 2발을 바다로 발사했다.')).to.deep.equal([]);
    expect(fire('The missiles were fired from the Pyongyang area.', '미사일은 평양 일대에서 발사되었다.')).to.deep.equal([]);
    // The missile firing is still expected to be rendered.
    expect(fire('North Korea fired two short-range ballistic missiles into the sea.', '북한은 단거리 탄도미사일 2발을 바다로 쐈다.')).to.have.length(1);
    expect(fire('The missiles were fired from the Pyongyang area.', '미사일은 평양 일대에서 날아왔다.')).to.have.length(1);
    // Dismissed, or shots and a fire: no 발사 is expected.
    for (const [en, ko] of [
      ['The president fired the defense minister on Monday.', '대통령은 월요일 국방장관을 경질하였다.'],
      ['The minister was fired after the scandal.', '장관은 스캔들 이후 해임되었다.'],
      ['Police fired on the crowd.', '경찰이 군중을 향해 발포하였다.'],
      ['The company is firing 300 workers.', '그 회사는 직원 300명을 해고한다.'],
    ] as const) expect(fire(en, ko), en).to.deep.equal([]);
  });

  it('does not take "America" in the name of a continent or region (Latin American, the Americas) for the United States', () => {
    const us = (en: string, ko: string) => withDefaultGlossaryMessages(en, ko).filter((m) => m.includes('"미국"'));
    expect(us('The EU offered to cut tariffs on Latin American bananas.', 'EU는 중남미산 바나나에 대한 관세를 인하하겠다고 제안하였다.')).to.deep.equal([]);
    expect(us('The forum brought together leaders from across the Americas.', '이 포럼에는 미주 전역의 정상들이 모였다.')).to.deep.equal([]);
    expect(us('South American and North American ministers met in Lima.', '남미와 북미의 장관들이 리마에서 만났다.')).to.deep.equal([]);
    // The country itself is still expected.
    expect(us('The EU offered to cut tariffs on American bananas.', 'EU는 중남미산 바나나에 대한 관세를 인하하겠다고 제안하였다.')).to.have.length(1);
  });

  it('keeps a common word that is missing at info', () => {
    const fs = one('They discussed ways to expand cooperation.', '확대하는 방안을 논의하였다.', 'terminology');
    expect(render(fs)).to.deep.equal([]);
    expect(render(fs, true)).to.deep.equal(['info terminology 0/0']);
  });

  it('does nothing without a glossary', () => {
    const fs = checkAlignment(EN, withKo(5, '양측은 회의를 환영하였다.'), BEADS, { srcLang: 'en', tgtLang: 'ko', checks: ['terminology'] });
    expect(fs).to.deep.equal([]);
  });
});

describe('core/checks modality', () => {
  it('accepts wording of the same strength', () => {
    expect(render(checkAlignment(EN, KO, BEADS, { ...OPTS, checks: ['modality'] }))).to.deep.equal([]);
    expect(render(one('Both officials strongly condemned the launches.', '양국 장관은 발사를 강력히 규탄했다.', 'modality'))).to.deep.equal([]);
    expect(render(one('The two sides strongly condemned the launches.', '양측은 발사를 규탄했다.', 'modality'))).to.deep.equal([]);
    expect(render(one('The United States reaffirmed its commitment.', '미국은 공약을 재확인하였다.', 'modality'))).to.deep.equal([]);
  });

  it('warns when the Korean weakens a commitment', () => {
    const cases: [string, string][] = [
      ['The two sides agreed to expand cooperation.', '양측은 협력 확대를 논의하였다.'],
      ['The two sides agreed to expand cooperation.', '양측은 협력 확대 방안을 모색하였다.'],
      ['The ministers condemned the launches.', '장관들은 발사에 우려를 표명했다.'],
      ['The United States reaffirmed its commitment.', '미국은 공약을 확인하였다.'],
      ['The United States will enhance the visibility of strategic assets.', '미국은 전략자산의 가시성을 증진하도록 노력한다.'],
    ];
    for (const [en, ko] of cases) expect(render(one(en, ko, 'modality')), ko).to.deep.equal(['warning modality 0/0']);
    const fs = one('The two sides agreed to expand cooperation.', '양측은 협력 확대를 논의하였다.', 'modality');
    expect(fs[0]!.message).to.equal('English "agreed" (agreement) is rendered with weaker wording in Korean: "논의"');
    expect(fs[0]!.tgtSpans[0]!.span.text).to.equal('논의');
  });

  it('warns when the Korean strengthens a concern into a condemnation', () => {
    expect(render(one('The ministers expressed concern over the launches.', '장관들은 발사를 규탄했다.', 'modality'))).to.deep.equal(['warning modality 0/0']);
  });
});

describe('core/checks #checkConsistency', () => {
  const pairs = [
    { statementId: 1, date: '2023-09-18', src: 'They welcomed the Nuclear Consultative Group.', tgt: '양측은 핵협의그룹을 환영하였다.' },
    { statementId: 2, date: '2024-01-10', src: 'The Nuclear Consultative Group met in Seoul.', tgt: '핵협의체가 서울에서 회의를 가졌다.' },
    { statementId: 3, date: null, src: 'They discussed the EDSCG and the Extended Deterrence Strategy and Consultation Group.', tgt: '확장억제전략협의체를 논의하였다.' },
  ];

  it('reports one term rendered differently across statements, listing statements and dates', () => {
    const glossary = { ...OPTS.glossary, terms: [...OPTS.glossary.terms, { terms: { en: ['Nuclear Consultative Group'], ko: ['핵협의그룹', '핵협의체'] } }] };
    const fs = checkConsistency(pairs, { ...OPTS, glossary });
    expect(fs.map((f) => `${f.severity} ${f.check} ${f.src.join(',')}`)).to.deep.equal(['warning consistency 0,1']);
    expect(fs[0]!.message).to.equal('English "Nuclear Consultative Group" is rendered differently in Korean: "핵협의그룹" in statement 1 (2023-09-18); "핵협의체" in statement 2 (2024-01-10)');
    expect(fs[0]!.tgtSpans.map((s) => s.span.text)).to.deep.equal(['핵협의그룹', '핵협의체']);
  });

  it('names statements by number, title (cut at 50 characters) and date', () => {
    const glossary = { ...OPTS.glossary, terms: [...OPTS.glossary.terms, { terms: { en: ['Nuclear Consultative Group'], ko: ['핵협의그룹', '핵협의체'] } }] };
    const titled = [
      { ...pairs[0]!, title: 'Joint Press Statement of the\nFourth NCG Meeting' },
      { ...pairs[1]!, title: 'Readout of the Nuclear Consultative Group Working Session Held in Seoul in January', date: null },
    ];
    expect(checkConsistency(titled, { ...OPTS, glossary })[0]!.message).to.equal(
      'English "Nuclear Consultative Group" is rendered differently in Korean: "핵협의그룹" in statement 1 “Joint Press Statement of the Fourth NCG Meeting” (2023-09-18); ' +
        '"핵협의체" in statement 2 “Readout of the Nuclear Consultative Group Working…”',
    );
  });

  it('notes, without warning, a country written in its context\'s short forms (미국, 미측, 미; 대한민국, 한국)', () => {
    const forms = [
      { statementId: 1, date: null, src: 'The United States reaffirmed its commitment to the Republic of Korea.', tgt: '미국은 대한민국에 대한 공약을 재확인하였다.' },
      { statementId: 2, date: null, src: 'The United States side proposed a joint study with the Republic of Korea.', tgt: '미측은 한국과 공동연구를 제안하였다.' },
    ];
    const fs = checkConsistency(forms, OPTS);
    expect(fs.length).to.be.greaterThan(0);
    expect(fs.map((f) => f.severity)).to.deep.equal(fs.map(() => 'info'));
  });

  it('is silent when every statement uses the same rendering', () => {
    expect(checkConsistency(pairs.slice(0, 1).concat(pairs.slice(2)), OPTS)).to.deep.equal([]);
  });
});

describe('core/checks #checkConsistency: acronyms the glossary does not list', () => {
  const p = (statementId: number, src: string, tgt: string) => ({ statementId, date: null, src, tgt });

  it('warns when two statements gloss one acronym with different names', () => {
    const fs = checkConsistency([
      p(1, 'They held the 26th Korea-U.S. Integrated Defense Dialogue (KIDD).', '양측은 제26차 한미 통합국방협의체(KIDD)를 개최하였다.'),
      p(2, 'The two sides will hold the 27th KIDD in Seoul.', '양측은 서울에서 제27차 통합국방대화(KIDD)를 개최할 예정이다.'),
      p(3, 'The KIDD reviewed the alliance.', '통합국방협의체(KIDD)는 동맹 현안을 점검하였다.'),
    ], OPTS);
    expect(fs.map((f) => `${f.severity} ${f.src.join(',')}`)).to.deep.equal(['warning 0,1,2']);
    expect(fs[0]!.message).to.equal('KIDD is glossed differently in Korean: "통합국방협의체" in statement 1, statement 3; "통합국방대화" in statement 2');
    expect(fs[0]!.tgtSpans.map((s) => s.span.text)).to.deep.equal(['통합국방협의체', '통합국방대화', '통합국방협의체']);
  });

  it('takes a rendering written with more words, or spaced, as the same one', () => {
    expect(checkConsistency([
      p(1, 'the Space Cooperation Working Group (SCWG)', '한미 우주협력 실무단(SCWG)'),
      p(2, 'the SCWG', '우주협력실무단(SCWG)'),
      p(3, 'the SCWG', '실무단(SCWG)'),
    ], OPTS)).to.deep.equal([]);
  });

  it('reads Japanese glosses, brackets full-width or not', () => {
    const fs = checkConsistency([
      p(1, 'the Trilateral Security Dialogue (TSD)', '日米韓安全保障会議（TSD）を開催した。'),
      p(2, 'the TSD', '日米韓安全保障対話(TSD)において'),
    ], { ...OPTS, tgtLang: 'ja' });
    expect(fs.map((f) => f.message)).to.deep.equal(['TSD is glossed differently in Japanese: "日米韓安全保障会議" in statement 1; "日米韓安全保障対話" in statement 2']);
  });

  it('leaves the glossary\'s acronyms to the glossary, and one statement\'s variation alone', () => {
    const glossary = { ...OPTS.glossary, terms: [...OPTS.glossary.terms, { terms: { en: ['KIDD'], ko: ['통합국방협의체'] } }] };
    expect(checkConsistency([p(1, 'the KIDD', '통합국방협의체(KIDD)'), p(2, 'the KIDD', '통합국방대화(KIDD)')], { ...OPTS, glossary })
      .filter((f) => f.message.includes('glossed'))).to.deep.equal([]);
    expect(checkConsistency([p(1, 'the KIDD', '통합국방협의체(KIDD)'), p(1, 'the KIDD', '통합국방대화(KIDD)')], OPTS)).to.deep.equal([]);
  });
});

describe('core/checks #checkConsistency: acronym glosses, what is the same rendering (QA cases)', () => {
  const p = (statementId: number, src: string, tgt: string) => ({ statementId, date: null, src, tgt });
  const glossWarnings = (a: string, b: string, tgtLang = 'ko') =>
    checkConsistency([p(1, 'the ABC', a), p(2, 'the ABC', b)], { ...OPTS, tgtLang }).filter((f) => f.message.includes('glossed'));

  it('takes a gloss in quotation marks, or written with a middle dot, for the same gloss', () => {
    expect(glossWarnings('‘프리덤 에지’(XFE) 훈련', '프리덤 에지(XFE) 훈련')).to.deep.equal([]);
    expect(glossWarnings('「한미 핵협의그룹」(XNCG)', '핵협의그룹(XNCG)')).to.deep.equal([]);
    expect(glossWarnings('"핵협의그룹"(XNCG)', '핵협의그룹(XNCG)')).to.deep.equal([]);
    expect(glossWarnings('인도·태평양경제프레임워크(IPEFX)', '인도태평양경제프레임워크(IPEFX)')).to.deep.equal([]);
    expect(glossWarnings('フリーダム・エッジ（XFE）', 'フリーダムエッジ（XFE）', 'ja')).to.deep.equal([]);
  });

  it('does not read a quantity before a unit symbol as a gloss', () => {
    expect(glossWarnings('1,400메가와트(MW) 규모', '1,000메가와트(MW) 규모')).to.deep.equal([]);
    expect(glossWarnings('10억달러(USD)', '5억달러(USD)')).to.deep.equal([]);
    expect(glossWarnings('１００万ドル（USD）', '１０億ドル（USD）', 'ja')).to.deep.equal([]);
    expect(glossWarnings('約１０００キロメートル（KM）', '約８００キロ（KM）', 'ja')).to.deep.equal([]);
  });

  it('still tells two names apart, quoted or not', () => {
    expect(glossWarnings('‘통합국방협의체’(XKIDD)', '통합국방대화(XKIDD)').map((f) => f.message)).to.deep.equal(['XKIDD is glossed differently in Korean: "통합국방협의체" in statement 1; "통합국방대화" in statement 2']);
  });
});
