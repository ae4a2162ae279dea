import { expect } from 'chai';
import { checkAlignment } from '../../../server/core/checks/index.ts';
import { BEADS, EN, KO, OPTS, withKo } from './fixture.ts';
import { render } from './helpers.ts';

const one = (en: string, ko: string, check: string) =>
  checkAlignment([en], [ko], [{ src: [0], tgt: [0], confidence: 1 }], { ...OPTS, checks: [check] });

describe('core/checks acronyms', () => {
  it('accepts acronyms kept, rendered in Korean words, or glossed from spelled-out English', () => {
    expect(render(checkAlignment(EN, KO, BEADS, { ...OPTS, checks: ['acronyms'] }))).to.deep.equal([]);
    expect(render(one('the DPRK and the ROK', '북한과 한국', 'acronyms'))).to.deep.equal([]);
    expect(render(one('including Ulchi Freedom Shield', '을지 자유의 방패(UFS) 연습 등', 'acronyms'))).to.deep.equal([]);
    expect(render(one('the 26th Korea-U.S. Integrated Defense Dialogue', '제26차 한미 통합국방협의체(KIDD)', 'acronyms'))).to.deep.equal([]);
  });

  it('takes 한 joined to another party (한-아세안, 한일) for the ROK, whichever side is the source', () => {
    const en = 'Minister Cho stated that the ROK plans to expand the ROK-ASEAN Cooperation Fund to USD 48 million annually by 2027.';
    const ko = '조 장관은 한-아세안 협력기금을 2027년까지 연간 4,800만 달러로 확대할 계획이라고 밝혔다.';
    expect(render(one(en, ko, 'acronyms'), true)).to.deep.equal([]);
    const turned = checkAlignment([ko], [en], [{ src: [0], tgt: [0], confidence: 1 }], { ...OPTS, srcLang: 'ko', tgtLang: 'en', checks: ['acronyms'] });
    expect(render(turned, true)).to.deep.equal([]);
  });

  it('reports a different acronym as an error', () => {
    const fs = one('complements the Extended Deterrence Strategy and Consultation Group (EDSCG)', '한미 억제전략위원회(DSC)의 활동을 보완', 'acronyms');
    expect(render(fs)).to.deep.equal(['error acronyms 0/0']);
    expect(fs[0]!.message).to.equal('Korean has DSC where English has EDSCG');
    expect(fs[0]!.key).to.equal('acronyms:EDSCG|DSC');
  });

  it('reports a Korean gloss that does not belong to the term it follows', () => {
    const fs = one('progress under the Operational Control (OPCON) Transition Plan of the Combined Forces Command', '전시작전통제권(CFC) 전환계획에 따른 진전', 'acronyms');
    expect(render(fs)).to.deep.equal(['error acronyms 0/0']);
    expect(fs[0]!.message).to.equal('Korean glosses the term for OPCON as CFC');
  });

  it('warns about a Korean acronym the English cannot explain', () => {
    const fs = checkAlignment(EN, withKo(5, KO[5]!.replace('제5차 NCG', '제5차 SCM')), BEADS, { ...OPTS, checks: ['acronyms'] });
    expect(render(fs)).to.deep.equal(['warning acronyms 5/5']);
  });
});

describe('core/checks names', () => {
  it('matches romanized Korean names and transliterated English names', () => {
    expect(render(one('Secretary Austin met Minister of National Defense Lee Jong-sup.', '오스틴 장관은 이종섭 국방장관과 만났다.', 'names'))).to.deep.equal([]);
    expect(render(one('Secretary Austin thanked Minister Lee.', '오스틴 장관은 이 장관에게 감사를 표했다.', 'names'))).to.deep.equal([]);
    expect(render(one('Foreign Minister Park Jin met Secretary Blinken.', '박진 외교장관은 블링컨 장관과 만났다.', 'names'))).to.deep.equal([]);
  });

  it('takes a surname followed by a verb for the surname alone, not for a given name', () => {
    expect(render(one('Minister Lee welcomed the outcome.', '이종섭 장관은 결과를 환영하였다.', 'names'), true)).to.deep.equal([]);
    expect(render(one('President Yoon met at the White House.', '윤석열 대통령은 백악관에서 회담하였다.', 'names'), true)).to.deep.equal([]);
    // A given name that is there still has to match.
    expect(render(one('Minister Lee Min-su welcomed the outcome.', '이종섭 장관은 결과를 환영하였다.', 'names'))).to.deep.equal(['error names 0/0']);
  });

  it('does not take a compound of parties before a title (한일 외교장관회담) for a name', () => {
    for (const [en, ko] of [
      ["Korea-Japan Foreign Ministers' Meeting", '한일 외교장관회담'],
      ["Korea-China Defense Ministers' Talks", '한중 국방장관회담'],
    ] as const) expect(render(one(en, ko, 'names'), true), ko).to.deep.equal([]);
  });

  it('does not take glossary vocabulary before a title for a name', () => {
    expect(render(one('the Under Secretary for International Cooperation', '국무부 국제협력 차관', 'names'))).to.deep.equal([]);
  });

  it('reads given names syllable by syllable, as people spell them, and keeps a surname with its given name', () => {
    for (const [en, ko] of [
      ['President Yoon Suk Yeol met Prime Minister Han Duck-soo.', '윤석열 대통령은 한덕수 총리와 만났다.'],
      ['Foreign Minister Kang Kyung-wha met Minister Chung Eui-yong.', '강경화 외교부 장관은 정의용 장관과 만났다.'],
      ['Secretary-General Ban Ki-moon met Ambassador Wi Sung-lac.', '반기문 사무총장은 위성락 대사와 만났다.'],
      ['Ambassador Chun Yung-woo met Ambassador Kim Gunn.', '천영우 대사는 김건 대사와 만났다.'],
    ] as const) expect(render(one(en, ko, 'names'), true), ko).to.deep.equal([]);
  });

  it('notes a given name whose consonants agree but whose syllables do not (Park Jin / 박정, Kim Jin / 김정)', () => {
    const fs = one('Foreign Minister Park Jin met Secretary Blinken.', '박정 외교장관은 블링컨 장관과 만났다.', 'names');
    expect(render(fs, true)).to.deep.equal(['info names 0/0']);
    expect(fs[0]!.message).to.equal('Korean name 박정 is spelled differently in English (check the transliteration)');
    // The whole name's consonants agree too (k-m-j-n): the syllables still decide.
    for (const [en, ko] of [['Minister Kim Jin met the delegation.', '김정 장관은 대표단을 만났다.'], ['Director Kim Sung-han met the delegation.', '김성환 실장은 대표단을 만났다.']] as const) {
      expect(render(one(en, ko, 'names'), true), ko).to.deep.equal(['info names 0/0']);
    }
    // Two people of one surname: each Korean name is matched with its own.
    expect(render(one('Minister Kim Jin and Director Kim Sung-han met the delegation.', '김진 장관과 김성한 실장은 대표단을 만났다.', 'names'), true)).to.deep.equal([]);
  });

  it('matches an unhyphenated given name, and English names as Korean hears them (Carter 카터, Gates 게이츠)', () => {
    for (const [en, ko] of [
      ['President Lee Jae Myung welcomed the delegation.', '이재명 대통령은 대표단을 환영하였다.'],
      ['Secretary Carter met Minister Han Min-koo.', '카터 장관은 한민구 장관과 만났다.'],
      ['Secretary Gates met Minister Kim Tae-young.', '게이츠 장관은 김태영 장관과 만났다.'],
    ] as const) expect(render(one(en, ko, 'names'), true), ko).to.deep.equal([]);
  });

  it('matches a Japanese name in either order, its fu written 후 (Fumio Kishida, 기시다 후미오)', () => {
    expect(render(one('Prime Minister Fumio Kishida welcomed the agreement.', '기시다 후미오 일본 총리는 합의를 환영하였다.', 'names'), true)).to.deep.equal([]);
  });

  it('ends a name read back from its title at a verb before it (있었던 바이든 대통령 is 바이든)', () => {
    const fs = one('Building on the June 29 summit, Secretary Blinken met Foreign Minister Park.', '6월 29일에 있었던 바이든 대통령 정상회담을 바탕으로 블링컨 장관은 박 장관과 만났다.', 'names');
    expect(fs).to.have.length(1);
    expect(fs[0]!.tgtSpans.map((s) => s.span.text)).to.deep.equal(['바이든']);
    // A given name that ends in 은 is still a name.
    expect(render(one('Chairman Kim Jong Un inspected the site.', '김정은 국무위원장은 현장을 시찰하였다.', 'names'), true)).to.deep.equal([]);
  });

  it('takes no verb form (있던 기자) and no side (외상측 대변인, the minister\'s side) before a title for a name', () => {
    expect(render(one('Reporters at the scene described the damage.', '현장에 있던 기자는 피해 상황을 전했다.', 'names'), true)).to.deep.equal([]);
    expect(render(one('A spokesman for the foreign minister said the talks were useful.', '외상측 대변인은 회담이 유익했다고 말했다.', 'names'), true)).to.deep.equal([]);
    expect(render(one('A spokesman for the North Korean side said the talks were useful.', '북한측 대변인은 회담이 유익했다고 말했다.', 'names'), true)).to.deep.equal([]);
    // A name before the same titles is still read (for information, as the English names no one).
    expect(render(one('Reporters described the damage.', '김민수 기자는 피해 상황을 전했다.', 'names'), true)).to.deep.equal(['info names 0/0']);
    expect(render(one('A spokesman said the talks were useful.', '김민수 대변인은 회담이 유익했다고 말했다.', 'names'), true)).to.deep.equal(['info names 0/0']);
  });

  it('takes no team or sport (대표팀 감독, 축구 대표팀 감독, 국가대표 선수, 대표팀 코치) before a title for a name', () => {
    for (const ko of [
      '대표팀 감독은 선수들이 잘 싸웠다고 말했다.',
      '한국 축구 대표팀 감독은 경기에 만족한다고 말했다.',
      '국가대표 선수는 경기에 만족한다고 말했다.',
      '축구 선수가 경기에 만족한다고 말했다.',
      '대표팀 코치는 경기에 만족한다고 말했다.',
    ]) expect(render(one('The national team coach said he was satisfied with the game.', ko, 'names'), true), ko).to.deep.equal([]);
    // A name before the same titles is still read (for information, as the English names no one).
    expect(render(one('The coach said he was satisfied with the game.', '김민수 감독은 경기에 만족한다고 말했다.', 'names'), true)).to.deep.equal(['info names 0/0']);
    expect(render(one('The coach said he was satisfied with the game.', '김민수 코치는 경기에 만족한다고 말했다.', 'names'), true)).to.deep.equal(['info names 0/0']);
  });

  it('reads a name of a surname that opens common words too (이, 전, 현) before a form of address', () => {
    // 이 (Lee), 전 (Jeon) and 현 (Hyun) open 이번, 전임 and 현지 as well: the words are listed, not the syllables.
    const msgs = (en: string, ko: string) => one(en, ko, 'names').map((f) => `${f.severity}: ${f.message}`);
    expect(msgs('Professor Kim Min-ho of Seoul National University presented the findings.', '서울대 이민호 교수가 연구 결과를 발표하였다.')).to.deep.equal(['error: Name Kim does not match Korean 이민호']);
    expect(msgs('Professor Kim Min-ho of Seoul National University presented the findings.', '서울대 전민호 교수가 연구 결과를 발표하였다.')).to.deep.equal(['error: Name Kim does not match Korean 전민호']);
    expect(msgs('Professor Kim Min-ho of Seoul National University presented the findings.', '서울대 현민호 교수가 연구 결과를 발표하였다.')).to.deep.equal(['error: Name Kim does not match Korean 현민호']);
    expect(render(one('Professor Lee Min-ho presented the findings.', '이민호 교수가 연구 결과를 발표하였다.', 'names'), true)).to.deep.equal([]);
    // The common words they open are still no names.
    for (const ko of ['이번 감독은 경기에 만족한다고 말했다.', '이날 감독은 경기에 만족한다고 말했다.', '전임 감독은 경기에 만족한다고 말했다.', '현지 기자는 피해 상황을 전했다.', '그동안 감독은 말을 아꼈다.'])
      expect(render(one('The coach said he was satisfied with the game.', ko, 'names'), true), ko).to.deep.equal([]);
  });

  it('tells a name the other side does not give from one it spells differently', () => {
    const msgs = (en: string, ko: string) => one(en, ko, 'names').map((f) => `${f.severity}: ${f.message}`);
    // A participle opening a sentence is no name: 바이든 is not "Building" spelled differently.
    expect(msgs('Building on the June 29 summit, Secretary Blinken met Foreign Minister Park.', '6월 29일에 있었던 바이든 대통령 정상회담을 바탕으로 블링컨 장관은 박 장관과 만났다.'))
      .to.deep.equal(['warning: Korean name 바이든 has no counterpart in English']);
    // Two consonants that open a longer name are no near-miss of it (People's, 블링컨).
    expect(msgs('The Secretary and the Foreign Ministers condemned the Democratic People’s Republic of Korea’s missile launches.', '블링컨 장관과 외교장관들은 북한의 미사일 발사를 규탄했다.'))
      .to.deep.equal(['warning: Korean name 블링컨 has no counterpart in English']);
    // Nor is a title in the plural (the Foreign Ministers) a name.
    // A name loosely transliterated on both sides (Yoshimasa, 요시사마) is not the one swapped for a
    // name the English leaves out, nor is Fumio (후미오) a name the Korean lacks.
    expect(msgs(
      'Secretary Blinken met Foreign Minister Hayashi Yoshimasa. Building on the President’s meeting with Prime Minister Fumio Kishida, they discussed cooperation.',
      '블링컨 장관은 하야시 요시사마 외무상과 만났다. 바이든 대통령과 기시다 후미오 총리의 회담을 바탕으로 협력을 논의했다.',
    )).to.deep.equal([
      'info: Korean name 하야시 요시사마 is spelled differently in English (check the transliteration)',
      'warning: Korean name 바이든 has no counterpart in English',
      'info: English name Hayashi Yoshimasa is spelled differently in Korean (check the transliteration)',
    ]);
  });

  it('takes no name from before a plural title or across a comma (…사의를 표하였으며, 장관들은)', () => {
    const en = 'The ministers expressed their gratitude to the Government of Japan for its hospitality, and the ministers agreed to meet again next year.';
    expect(render(one(en, '장관들은 일본 정부의 환대에 사의를 표하였으며, 장관들은 내년에 다시 만나기로 합의하였다.', 'names'), true)).to.deep.equal([]);
    expect(render(one(en, '장관들은 일본 정부의 환대에 사의를 표하였으며, 장관은 내년에 다시 만나기로 합의하였다.', 'names'), true)).to.deep.equal([]);
    expect(render(one(en, '장관들은 일본 정부의 환대에 사의를 표하며 장관은 내년에 다시 만나기로 합의하였다.', 'names'), true)).to.deep.equal([]);
    // A name right before its title is still read.
    expect(one(en, '장관들은 일본 정부의 환대에 사의를 표하였으며, 김민준 장관은 내년에 다시 만나자고 하였다.', 'names').map((f) => f.message)).to.deep.equal(['Korean name 김민준 has no counterpart in English']);
  });

  it('reads a name after an office with its country ("Minister for Foreign Affairs of Japan Yoshimasa Hayashi", 외무대신)', () => {
    const en = 'Minister for Foreign Affairs of Japan Yoshimasa Hayashi welcomed the delegation.';
    expect(render(one(en, '하야시 요시마사 일본 외무대신은 대표단을 환영하였다.', 'names'), true)).to.deep.equal([]);
    expect(one(en, '가미카와 요코 일본 외무대신은 대표단을 환영하였다.', 'names').map((f) => f.severity)).to.deep.equal(['warning']);
  });

  it('reports a changed name', () => {
    const fs = one('Secretary Austin met Minister of National Defense Lee Jong-sup.', '오스틴 장관은 김민수 국방장관과 만났다.', 'names');
    expect(render(fs)).to.deep.equal(['error names 0/0']);
    expect(fs[0]!.srcSpans[0]!.span.text).to.equal('Lee Jong-sup');
    expect(fs[0]!.tgtSpans[0]!.span.text).to.equal('김민수');
  });

  it('keeps a transliteration variant at info', () => {
    const fs = one('Foreign Minister Hayashi Yoshimasa', '하야시 요시사마 일본 외무상', 'names');
    expect(render(fs)).to.deep.equal([]);
    expect(render(fs, true).length).to.be.greaterThan(0);
  });
});
