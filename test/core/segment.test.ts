// Tests for server/core/segment.ts.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countSentences, detectMarker, preSplitLines, singleSpaced, splitParagraphs, splitSentences, sideHasWords, withoutListMarker } from '../../server/core/segment.ts';
import { columns } from '../../server/core/wrap.ts';
import { greedyWrap as wrap } from '../greedy-wrap.ts';

const render = (ps: { text: string; marker: string | null; level: number }[]) =>
  ps.map((p) => `${p.level}|${p.marker ?? ''}|${p.text}`);

describe('core/segment', () => {
  describe('#splitSentences (English)', () => {
    const cases: [string, string[]][] = [
      ['The two sides met. They agreed to meet again.', ['The two sides met.', 'They agreed to meet again.']],
      ['Secretary Lloyd J. Austin III met the Minister.', ['Secretary Lloyd J. Austin III met the Minister.']],
      // A name suffix before a capitalised word is part of the name; before a sentence opener, an end.
      ['The office is closed on Martin Luther King Jr. Day and reopens on Tuesday.', ['The office is closed on Martin Luther King Jr. Day and reopens on Tuesday.']],
      ['The statement was signed by Joseph R. Biden Jr. The ministers welcomed it.', ['The statement was signed by Joseph R. Biden Jr.', 'The ministers welcomed it.']],
      ['U.S. Forces Korea hosted the event. It went well.', ['U.S. Forces Korea hosted the event.', 'It went well.']],
      ['He thanked the U.S. delegation.', ['He thanked the U.S. delegation.']],
      ['The talks were held in Washington, D.C. The ministers then left.', ['The talks were held in Washington, D.C.', 'The ministers then left.']],
      ['They met in Washington, D.C. on Monday.', ['They met in Washington, D.C. on Monday.']],
      ['The meeting took place on Sept. 18 in Seoul.', ['The meeting took place on Sept. 18 in Seoul.']],
      ['It was held in Jan. The next one is in June.', ['It was held in Jan.', 'The next one is in June.']],
      ['Dr. Kim and Mr. Smith spoke. Gen. Lee agreed.', ['Dr. Kim and Mr. Smith spoke.', 'Gen. Lee agreed.']],
      ['Lt. Gen. Park and Adm. Aquilino met Amb. Goldberg.', ['Lt. Gen. Park and Adm. Aquilino met Amb. Goldberg.']],
      ['See Resolution No. 2397 for details.', ['See Resolution No. 2397 for details.']],
      ['Growth was 1.5 percent. Exports rose.', ['Growth was 1.5 percent.', 'Exports rose.']],
      ['The U.N. Security Council met.', ['The U.N. Security Council met.']],
      ['He said, "We stand together." The Minister agreed.', ['He said, "We stand together."', 'The Minister agreed.']],
      ['Is the alliance strong? Yes! It is ironclad.', ['Is the alliance strong?', 'Yes!', 'It is ironclad.']],
      ['The budget rose by approx. two percent.', ['The budget rose by approx. two percent.']],
      ['', []],
      // A clock time before a capital ends the sentence, unless a time zone follows.
      ['The meeting opened at 10 a.m. Secretary Austin spoke first.', ['The meeting opened at 10 a.m.', 'Secretary Austin spoke first.']],
      ['The call began at 8 p.m. Eastern Time and lasted an hour.', ['The call began at 8 p.m. Eastern Time and lasted an hour.']],
      ['They met at 9 a.m. on Monday.', ['They met at 9 a.m. on Monday.']],
      // A decimal ends a sentence like any number (a date with dots does not).
      ['The growth rate was 2.5. The two sides agreed.', ['The growth rate was 2.5.', 'The two sides agreed.']],
    ];
    for (const [input, want] of cases) {
      it(JSON.stringify(input), () => expect(splitSentences(input, 'en')).to.deep.equal(want));
    }
  });

  describe('#splitSentences after a dotted acronym', () => {
    // A proper noun usually follows "U.S."/"U.N."/"R.O.K.": no split there.
    const joined: string[] = [
      'The two sides held the 51st ROK-U.S. Military Committee Meeting (MCM) at the Pentagon on October 13, 2026.',
      'He met the U.S. Secretary of Defense.',
      'The meeting was co-chaired by the U.S. Under Secretary of Defense for Policy.',
      'The U.S. Indo-Pacific Command hosted the talks.',
      'Staff of the U.S. Embassy and the U.K. Ministry of Defence attended.',
      'The R.O.K. Army and the E.U. Delegation took part.',
      'The U.N. Security Council was briefed by the Korea-U.S. Combined Forces Command.',
      'Former U.S. President Carter visited Pyongyang.',
      'The U.S. 8th Army moved its headquarters.',
      'He flew the U.S. A-10 squadron to Osan.',
      'The units returned to the U.S. mainland.',
    ];
    for (const input of joined) {
      it(`keeps ${JSON.stringify(input)} whole`, () => expect(splitSentences(input, 'en')).to.deep.equal([input]));
    }
    // …but a function word that opens sentences means the acronym ended one.
    const split: [string, string[]][] = [
      ['The ministers then flew to the U.S. The two sides agreed to meet again.', ['The ministers then flew to the U.S.', 'The two sides agreed to meet again.']],
      ['The center is based in the U.S. In addition, it has an office in Seoul.', ['The center is based in the U.S.', 'In addition, it has an office in Seoul.']],
      ['He returned to the U.S. However, his deputy stayed.', ['He returned to the U.S.', 'However, his deputy stayed.']],
      ['The vote was held at the U.N. They welcomed it.', ['The vote was held at the U.N.', 'They welcomed it.']],
      ['Talks took place in the R.O.K. Both delegations attended.', ['Talks took place in the R.O.K.', 'Both delegations attended.']],
      ['The envoy left for the U.K. It was his first visit.', ['The envoy left for the U.K.', 'It was his first visit.']],
      ['She thanked the U.S. "We stand together," she said.', ['She thanked the U.S.', '"We stand together," she said.']],
      ['He praised the U.S. It\'s a close ally.', ['He praised the U.S.', 'It\'s a close ally.']],
      ['They also met at the U.N. Meanwhile, the talks continued.', ['They also met at the U.N.', 'Meanwhile, the talks continued.']],
      // A line break is evidence of a new sentence even before a capitalised noun.
      ['Troops returned to the U.S.\nForces Korea remained on alert.', ['Troops returned to the U.S.', 'Forces Korea remained on alert.']],
    ];
    for (const [input, want] of split) {
      it(`splits ${JSON.stringify(input)}`, () => expect(splitSentences(input, 'en')).to.deep.equal(want));
    }
    it('never splits before a lowercase word or a digit, even across a line break', () => {
      expect(splitSentences('It was sent to the U.S.\nmainland forces.', 'en')).to.deep.equal(['It was sent to the U.S. mainland forces.']);
      expect(splitSentences('It joined the U.S.\n2nd Infantry Division.', 'en')).to.deep.equal(['It joined the U.S. 2nd Infantry Division.']);
    });
    it('counts the same sentences it splits', () => {
      for (const [input, want] of split) expect(countSentences(input, 'en'), input).to.equal(want.length);
      for (const input of joined) expect(countSentences(input, 'en'), input).to.equal(1);
    });
  });

  describe('#splitSentences (Korean)', () => {
    const cases: [string, string[]][] = [
      ['양측은 회의를 개최하였다. 양측은 협력을 재확인하였다.', ['양측은 회의를 개최하였다.', '양측은 협력을 재확인하였다.']],
      ['장관은 감사를 표했습니다. 차관도 참석했습니다.', ['장관은 감사를 표했습니다.', '차관도 참석했습니다.']],
      ['회의는 9.18.(월) 서울에서 열렸다.', ['회의는 9.18.(월) 서울에서 열렸다.']],
      ['회의는 2023. 9. 18. 서울에서 개최되었다. 다음 회의는 내년이다.', ['회의는 2023. 9. 18. 서울에서 개최되었다.', '다음 회의는 내년이다.']],
      ['양측은 긴밀히 협력하기로 했습니다.(끝)', ['양측은 긴밀히 협력하기로 했습니다.(끝)']],
      ['행사가 성황리에 종료되었습니다. (사진 첨부)', ['행사가 성황리에 종료되었습니다. (사진 첨부)']],
      ['차기 회의는 워싱턴 D.C.에서 개최된다. 일정은 추후 결정한다.', ['차기 회의는 워싱턴 D.C.에서 개최된다.', '일정은 추후 결정한다.']],
      ['1. 양측은 합의했다. 2. 양측은 재확인했다.', ['1. 양측은 합의했다.', '2. 양측은 재확인했다.']],
      ['검토가 필요함. 추가 협의 예정임.', ['검토가 필요함.', '추가 협의 예정임.']],
      ['"억제가 최우선이다."라고 말했다. 이어 회담이 열렸다.', ['"억제가 최우선이다."라고 말했다.', '이어 회담이 열렸다.']],
      ['미 전략자산 전개는 U.S. 공약의 일부다.', ['미 전략자산 전개는 U.S. 공약의 일부다.']],
      // A date written with dots and no spaces, list letters, and a note in brackets before the next sentence.
      ['한미는 2023.9.18. 서울에서 회의를 개최하였다. 양측은 협력을 논의하였다.', ['한미는 2023.9.18. 서울에서 회의를 개최하였다.', '양측은 협력을 논의하였다.']],
      ['가. 양측은 합의하였다. 나. 양측은 다시 만나기로 하였다.', ['가. 양측은 합의하였다.', '나. 양측은 다시 만나기로 하였다.']],
      ['양측은 합의하였습니다. (관련 사진은 국방부 홈페이지 참조) 다음 회의는 서울에서 열린다.', ['양측은 합의하였습니다. (관련 사진은 국방부 홈페이지 참조)', '다음 회의는 서울에서 열린다.']],
      // A list marker in brackets opens the next item; it is no note of the sentence before.
      ['양측은 다음과 같이 합의하였다. (1) 경제 협력을 강화한다. (2) 문화 교류를 확대한다.', ['양측은 다음과 같이 합의하였다.', '(1) 경제 협력을 강화한다.', '(2) 문화 교류를 확대한다.']],
    ];
    for (const [input, want] of cases) {
      it(JSON.stringify(input), () => expect(splitSentences(input, 'ko')).to.deep.equal(want));
    }
  });

  describe('#detectMarker', () => {
    const cases: [string, string | null, number][] = [
      ['□ 한미는 회의를 개최하였다.', '□', 0],
      ['ㅇ 이번 회의는 공동 주관하였다.', 'ㅇ', 1],
      ['❍ 양측은 합의하였다.', '❍', 1],
      ['- 세부 내용은 다음과 같다.', '-', 2],
      ['∙ 세부 항목', '∙', 2],
      ['※ 참고 사항', '※', 1],
      // Typed without a space: a symbol that is never text still opens the item.
      ['ㅇ양 의장은 회의를 주재하였다.', 'ㅇ', 1],
      ['□개요', '□', 0],
      ['ㅇㅇ 확인', null, 0],
      ['·양측은 합의하였다.', null, 0],
      ['1. 개요', '1.', 0],
      ['가. 추진 배경', '가.', 1],
      ['① 첫째 항목', '①', 1],
      ['2023. 9. 18. 회의 개최', null, 0],
      ['-3 degrees', null, 0],
      ['한미는 회의를 개최하였다.', null, 0],
      // An item number may be followed by a number ("1. 2024년 …", "2. 3국 장관은"); a date may not.
      ['1. 2024년 7월 회의가 개최되었다.', '1.', 0],
      ['2. 3국 장관은 합의하였다.', '2.', 0],
      ['9. 18.(월) 회의 개최', null, 0],
      // Japanese numbering: full-width numbers, ・ and ○ against the text, kanji and katakana outline numbers.
      ['１．北朝鮮に関する事項', '１．', 0],
      ['（２）ロシアに関する事項', '（２）', 2],
      ['・中国に関する事項', '・', 2],
      ['○インドに関する事項', '○', 1],
      ['一、総論', '一、', 0],
      ['ア　カナダに関する事項', 'ア', 1],
      ['（一）概要', '（一）', 2],
      ['十一、結論', '十一、', 0],
      ['１．５倍に増加した。', null, 0],
      ['一人ひとりの安全', null, 0],
      ['アジア太平洋地域', null, 0],
    ];
    for (const [line, marker, level] of cases) {
      it(JSON.stringify(line), () => {
        const m = detectMarker(line);
        expect(m ? [m.marker, m.level] : [null, 0]).to.deep.equal([marker, level]);
      });
    }
  });

  describe('#withoutListMarker', () => {
    const stripped: [string, string][] = [
      ['- 양 의장은 개정된 전략기획지침(SPG)을 승인하였다.', '양 의장은 개정된 전략기획지침(SPG)을 승인하였다.'],
      [' - 양 의장은 승인하였다.', '양 의장은 승인하였다.'],
      ['ㅇ 이번 회의는 공동 주관하였다.', '이번 회의는 공동 주관하였다.'],
      ['❍ 양측은 합의하였다.', '양측은 합의하였다.'],
      ['○ 양측은 합의하였다.', '양측은 합의하였다.'],
      ['□ 한미는 회의를 개최하였다.', '한미는 회의를 개최하였다.'],
      ['■ 주요 내용', '주요 내용'],
      ['◦ 세부 항목', '세부 항목'],
      ['∙ 세부 항목', '세부 항목'],
      ['· 세부 항목', '세부 항목'],
      ['※ 참고 사항', '참고 사항'],
      ['• The two sides agreed.', 'The two sides agreed.'],
      ['– The two sides agreed.', 'The two sides agreed.'],
      ['1. 개요', '개요'],
      ['12) The Chairmen agreed.', 'The Chairmen agreed.'],
      ['가. 추진 배경', '추진 배경'],
      ['(1) 세부 일정', '세부 일정'],
      ['(나) 세부 일정', '세부 일정'],
      ['① 첫째 항목', '첫째 항목'],
      // Nested markers typed on one line: none of them is content.
      ['□ ㅇ 양측은 합의하였다.', '양측은 합의하였다.'],
      ['ㅇ양 의장은 승인하였다.', '양 의장은 승인하였다.'],
      ['□ ㅇ양측은 합의하였다.', '양측은 합의하였다.'],
      ['2. 3국 장관은 합의하였다.', '3국 장관은 합의하였다.'],
      ['１．北朝鮮に関する事項', '北朝鮮に関する事項'],
      ['・　ＡＳＥＡＮに関する事項', 'ＡＳＥＡＮに関する事項'],
      ['（２）ロシアに関する事項', 'ロシアに関する事項'],
    ];
    for (const [input, want] of stripped) {
      it(`strips ${JSON.stringify(input)}`, () => expect(withoutListMarker(input)).to.equal(want));
    }
    const kept: string[] = [
      '-3°C까지 기온이 떨어졌다.',
      '-3 degrees',
      '"We stand together," he said.',
      '“억제가 최우선이다.”라고 말했다.',
      '2023. 9. 18. 회의가 개최되었다.',
      '3. 5% 증가', // a number followed by a number is a figure, not item 3
      '28,500 troops remain.',
      '1.5 percent growth.',
      '10 ships took part.',
      'ㅇㅇ 부대가 참가하였다.',
      '양 의장은 승인하였다.',
      // Nothing but a marker: leaving it beats an empty segment.
      '□',
      '-',
      '',
    ];
    for (const input of kept) {
      it(`keeps ${JSON.stringify(input)}`, () => expect(withoutListMarker(input)).to.equal(input));
    }
    it('agrees with detectMarker: stripping happens exactly when a marker is detected', () => {
      for (const [input] of stripped) expect(detectMarker(input.trimStart()), input).to.not.equal(null);
      for (const input of kept) expect(detectMarker(input), input).to.equal(null);
    });
  });

  describe('#splitParagraphs', () => {
    it('keeps one paragraph per line when there are no blank lines', () => {
      const text = 'Joint Press Statement\nThe two sides met in Seoul.\nThey agreed to meet again';
      expect(render(splitParagraphs(text, 'en'))).to.deep.equal([
        '0||Joint Press Statement', '0||The two sides met in Seoul.', '0||They agreed to meet again',
      ]);
    });

    it('continues a bullet item cut mid-sentence in the unmarked lines after it, but not a short bullet heading', () => {
      const ko = '□ 한미는 9월 18일 워싱턴에서 제23차 KIDD 회의를 개최하였다.\n ㅇ 이번 회의는 허태근 국방정책실장과 일라이 래트너 인도태평양안보차관보가\n공동으로\n주관하였다.\n□ 향후 계획\n양측은 2024년 서울에서 다시 만나기로 하였다.';
      expect(splitParagraphs(ko, 'ko').map((p) => p.text)).to.deep.equal([
        '□ 한미는 9월 18일 워싱턴에서 제23차 KIDD 회의를 개최하였다.',
        'ㅇ 이번 회의는 허태근 국방정책실장과 일라이 래트너 인도태평양안보차관보가 공동으로 주관하였다.',
        '□ 향후 계획',
        '양측은 2024년 서울에서 다시 만나기로 하였다.',
      ]);
      // An item ending in a noun is complete: the heading after it stands on its own.
      expect(splitParagraphs('□ 회의 결과\nㅇ 양측은 확장억제 실행력 강화 방안 및 정보 공유 확대 방안 등 논의\n향후 계획\nㅇ 차기 회의는 연내 워싱턴에서 개최 예정', 'ko').map((p) => p.text)).to.deep.equal([
        '□ 회의 결과', 'ㅇ 양측은 확장억제 실행력 강화 방안 및 정보 공유 확대 방안 등 논의', '향후 계획', 'ㅇ 차기 회의는 연내 워싱턴에서 개최 예정',
      ]);
      expect(splitParagraphs('- Expanding people-to-people exchanges between the two nations\n2023 marks the 70th anniversary of the alliance.', 'en')).to.have.length(2);
      const en = '- The two sides agreed to strengthen\ncombined exercises.\n- The next meeting will be held in Seoul in the\nThe Ministry will announce the date.';
      expect(splitParagraphs(en, 'en').map((p) => p.text)).to.deep.equal([
        '- The two sides agreed to strengthen combined exercises.',
        '- The next meeting will be held in Seoul in the',
        'The Ministry will announce the date.',
      ]);
    });

    it('joins hard-wrapped lines inside blank-line separated blocks', () => {
      const text = 'Joint Press Statement\n\nThe United States and the Republic of Korea held\nthe fifth meeting of the group in Seoul on June 26,\n2025. The meeting was co-chaired by senior officials.\n\nThe two sides agreed to\nmeet again next year.\n';
      expect(render(splitParagraphs(text, 'en'))).to.deep.equal([
        '0||Joint Press Statement',
        '0||The United States and the Republic of Korea held the fifth meeting of the group in Seoul on June 26, 2025. The meeting was co-chaired by senior officials.',
        '0||The two sides agreed to meet again next year.',
      ]);
    });

    it('starts a paragraph at every bullet and records MND levels', () => {
      const text = '제5차 회의 결과\n□ 한미는 서울에서 회의를 개최하였다.\nㅇ 이번 회의는 양국 대표가 공동 주관하였다.\n- 양측은 연내 완료하기로 합의하였다.\n□ 차기 회의는 내년에 개최한다.';
      expect(render(splitParagraphs(text, 'ko'))).to.deep.equal([
        '0||제5차 회의 결과',
        '0|□|□ 한미는 서울에서 회의를 개최하였다.',
        '1|ㅇ|ㅇ 이번 회의는 양국 대표가 공동 주관하였다.',
        '2|-|- 양측은 연내 완료하기로 합의하였다.',
        '0|□|□ 차기 회의는 내년에 개최한다.',
      ]);
    });

    it('splits bullets inside a wrapped block and joins their continuation lines', () => {
      const text = '□ 양측은 확장억제 공약을 재확인하고 이를 위한\n구체적인 방안을 논의하였다.\nㅇ 양측은 연합연습을 지속하기로\n합의하였다.\n\n□ 공동대표는 차기 회의 개최에 합의하였다.';
      expect(render(splitParagraphs(text, 'ko'))).to.deep.equal([
        '0|□|□ 양측은 확장억제 공약을 재확인하고 이를 위한 구체적인 방안을 논의하였다.',
        '1|ㅇ|ㅇ 양측은 연합연습을 지속하기로 합의하였다.',
        '0|□|□ 공동대표는 차기 회의 개최에 합의하였다.',
      ]);
    });

    // Ministry bullet items hard-wrapped with no blank lines, continuation lines as a plain-text
    // export leaves them: flush left, indented by two spaces, or hanging under the text after the marker.
    const wrapItems = (items: readonly string[], width: number, indent: 'none' | 'two' | 'hanging') => items.flatMap((item) => {
      if (indent !== 'hanging') return wrap(item, width).map((l, i) => (i > 0 && indent === 'two' ? `  ${l}` : l));
      const marker = /^\S+ /.exec(item)![0];
      return wrap(item.slice(marker.length), width - marker.length - 1).map((l, i) => (i > 0 ? ' '.repeat(marker.length + 1) : marker) + l);
    });

    it('joins the wrapped lines of bullet items however their continuation lines are indented', () => {
      const items = ['□ 국방부는 11월 20일 서울에서 제25차 한미 통합국방협의체 회의를 개최하고 동맹의 주요 현안을 논의하였다.',
        'ㅇ 이번 회의에는 국방정책실장과 미 국방부 인도태평양안보차관보가 양측 수석대표로 참석하였으며, 외교부와 국무부 관계관도 함께 참석하였다.',
        '- 양측은 북한의 핵·미사일 위협에 대한 평가를 공유하고 확장억제의 실행력을 높이기 위한 방안을 협의하였다.',
        'ㅇ 양측은 전작권 전환을 위한 조건의 충족 상태를 평가하고 그 결과를 내년 안보협의회의에 보고하기로 하였다.',
        '※ 차기 회의는 내년 상반기 워싱턴에서 개최할 예정이며, 구체적인 일정은 외교 경로를 통해 협의할 예정이다.'];
      const nominal = ['□ 개최 개요',
        'ㅇ 일시/장소: 2026. 11. 20.(금) 서울 국방부 청사 대회의실에서 한미 국방 당국자 다수가 참석한 가운데 개최',
        'ㅇ 참석: 국방정책실장과 미 국방부 인도태평양안보차관보 등 양측 국방·외교 당국자 약 40여 명',
        '□ 주요 논의 내용',
        'ㅇ 양측은 북한의 핵·미사일 위협이 고도화되고 있다는 데 인식을 같이하고, 확장억제의 신뢰성을 높여 나가기로 하였음',
        '- 특히 양측은 핵협의그룹(NCG)을 중심으로 한 일체형 확장억제 체계의 이행 상황을 점검하였음',
        'ㅇ 양측은 한미일 안보협력을 지속 강화해 나가기로 하였음'];
      const notes = ['□ 한미 국방당국은 11월 20일 서울에서 제25차 통합국방협의체 회의를 개최하여 동맹 현안 논의',
        'ㅇ 양측 수석대표로 국방정책실장과 미 국방부 인도태평양안보차관보가 참석하고 외교부와 국무부 관계관도 함께 참석',
        '- 북한의 핵·미사일 위협에 대한 평가를 공유하고 확장억제의 실행력 제고 방안 협의',
        '- 연합연습과 훈련을 통한 동맹의 대응태세 강화 방안과 우주·사이버 분야 협력 확대 방안 모색',
        'ㅇ 전작권 전환을 위한 조건의 충족 상태를 평가하고 그 결과를 내년 안보협의회의에 보고하기로 합의',
        '※ 차기 회의는 내년 상반기 워싱턴에서 개최 예정이며 구체적인 일정은 외교 경로를 통해 협의 예정'];
      // An indented paragraph under a short bullet heading is a paragraph of its own.
      const headed = ['□ 주요 논의 내용', '양측은 북한의 핵·미사일 위협에 대한 평가를 공유하고 확장억제의 실행력을 높이기 위한 방안을 협의하였다.',
        '양측은 차기 회의를 내년 상반기 워싱턴에서 개최하기로 하였다.'];
      expect(splitParagraphs(headed.map((p, i) => (i > 0 ? `  ${p}` : p)).join('\n'), 'ko').map((p) => p.text)).to.deep.equal(headed);
      for (const text of [items, nominal, notes]) {
        for (const width of [40, 50, 60, 72]) {
          for (const indent of ['none', 'two', 'hanging'] as const) {
            expect(splitParagraphs(wrapItems(text, width, indent).join('\n'), 'ko').map((p) => p.text), `at ${width}, ${indent}`).to.deep.equal(text);
          }
        }
      }
    });

    it('joins a wrapped bullet item in a text of few items, each opening with a marker', () => {
      // One item wraps: its first line is full and stops mid-phrase (…높이기 / 위한, …그 / 결과를).
      const items = ['ㅇ 양측은 북한의 핵·미사일 위협에 대한 평가를 공유하고 확장억제의 실행력을 높이기 위한 방안을 협의',
        'ㅇ 양측은 연합연습과 훈련을 통한 동맹의 대응태세 강화 방안 논의',
        'ㅇ 차기 회의는 내년 상반기 워싱턴에서 개최 예정'];
      for (const width of [64, 72, 80]) {
        for (const indent of ['none', 'two', 'hanging'] as const) {
          const lines = wrapItems(items, width, indent);
          expect(lines, `at ${width}`).to.have.length(4);
          expect(splitParagraphs(lines.join('\n'), 'ko').map((p) => p.text), `at ${width}, ${indent}`).to.deep.equal(items);
        }
      }
    });

    it('reads a line opening with a dash that a wrap left from "A - B" as the item going on, not a sub-item', () => {
      const items = ['□ 양측은 확장억제의 실행력 제고를 위해 한미 핵협의그룹(NCG) - 한미 억제전략위원회(DSC) 간 연계를 강화하기로 합의',
        'ㅇ 특히 양측은 핵·재래식 통합(CNI) 연습을 정례화하고 그 결과를 차기 안보협의회의(SCM)에 보고하기로 하였음',
        'ㅇ 양측은 우주·사이버 분야 협력을 확대하고 관련 정보공유 체계를 구축해 나가기로 하였음'];
      for (const width of [60, 80]) {
        for (const indent of ['none', 'two', 'hanging'] as const) {
          expect(splitParagraphs(wrapItems(items, width, indent).join('\n'), 'ko').map((p) => p.text), `at ${width}, ${indent}`).to.deep.equal(items);
        }
      }
      expect(wrapItems(items, 60, 'none')[1]).to.match(/^- 한미/);
      // A sub-item under a full line that ends its sentence stays one.
      const sub = ['ㅇ 양측은 북한의 핵·미사일 위협에 대한 평가를 공유하고 대응 방안을 협의하였다.', '- 한미 억제전략위원회(DSC)는 연내 회의를 개최하기로 하였다.'];
      expect(splitParagraphs(sub.join('\n'), 'ko').map((p) => p.text)).to.deep.equal(sub);
    });

    it('drops page numbers and punctuation-only lines but keeps an editorial ellipsis', () => {
      const text = '첫 번째 문단이다.\n- 3 -\n12\n----\n[…]\n***\n두 번째 문단이다.';
      expect(splitParagraphs(text, 'ko').map((p) => p.text)).to.deep.equal(['첫 번째 문단이다.', '[…]', '두 번째 문단이다.']);
    });
  });

  describe('#splitParagraphs on hard-wrapped text and lists', () => {
    it('keeps a list under its opening line one item a paragraph, in a text that is not wrapped', () => {
      const text = [
        'The United States and the Republic of Korea held the second meeting of the working group in Seoul on June 26, 2025.',
        '',
        'The two sides agreed to pursue the following lines of effort:',
        'Real-time sharing of missile warning data',
        'A combined tabletop exercise in the first half of 2026',
        'Closer coordination with Japan on maritime security',
        '',
        'They agreed to meet again in 2026.',
      ].join('\n');
      expect(splitParagraphs(text, 'en').map((p) => p.text)).to.deep.equal(text.split('\n').filter(Boolean));
    });

    it('keeps a word\'s own hyphen at a wrap point, and drops one only where the text writes the word whole', () => {
      const text = [
        'The meeting was co-',
        'chaired by the deputy ministers, who',
        'reviewed information-',
        'sharing and closer coop-',
        'eration with partners.',
        '',
        'Both sides value cooperation highly',
        'and will meet again next year.',
      ].join('\n');
      expect(splitParagraphs(text, 'en').map((p) => p.text)).to.deep.equal([
        'The meeting was co-chaired by the deputy ministers, who reviewed information-sharing and closer cooperation with partners.',
        'Both sides value cooperation highly and will meet again next year.',
      ]);
    });

    it('joins a hyphenated name wrapped at its hyphen, and a word hyphenated before an ending', () => {
      const text = [
        'The two Ministers reaffirmed that the ROK-U.S. Alliance remains the',
        'linchpin of peace and prosperity in the Indo-',
        'Pacific region, and called for the complete denucleari-',
        'zation of the Korean Peninsula, with a follow-',
        'up meeting in the second half of the year.',
        '',
        'They agreed to meet again in the first half',
        'of 2027.',
      ].join('\n');
      expect(splitParagraphs(text, 'en')[0]!.text).to.equal('The two Ministers reaffirmed that the ROK-U.S. Alliance remains the linchpin of peace and prosperity in the Indo-Pacific region, and called for the complete denuclearization of the Korean Peninsula, with a follow-up meeting in the second half of the year.');
    });

    it('keeps the items of a list under its opening line in a wrapped text, one a paragraph', () => {
      const text = [
        'The defense officials of the three countries met in Tokyo on May 12,',
        '2026, and reaffirmed their commitment to trilateral cooperation.',
        '',
        'The three sides agreed to pursue the following lines of effort:',
        'Real-time sharing of missile warning data',
        'A combined tabletop exercise in the second half of 2026',
        'Regular staff talks among the three militaries',
        '',
        'The officials also discussed maritime security in the East China',
        'Sea and agreed to meet again in 2027.',
      ].join('\n');
      expect(splitParagraphs(text, 'en').map((p) => p.text)).to.deep.equal([
        'The defense officials of the three countries met in Tokyo on May 12, 2026, and reaffirmed their commitment to trilateral cooperation.',
        'The three sides agreed to pursue the following lines of effort:',
        'Real-time sharing of missile warning data',
        'A combined tabletop exercise in the second half of 2026',
        'Regular staff talks among the three militaries',
        'The officials also discussed maritime security in the East China Sea and agreed to meet again in 2027.',
      ]);
    });

    it('does not end a wrapped paragraph at a line that ends in a dotted acronym before a name', () => {
      const text = [
        'The co-chairs of the working group reviewed the progress',
        'made on ROK-U.S.',
        'Conventional-Nuclear Integration and welcomed the',
        'tabletop exercise that the two sides held in May.',
        '',
        'They agreed to meet again in the first half',
        'of 2026.',
      ].join('\n');
      expect(splitParagraphs(text, 'en').map((p) => p.text)).to.deep.equal([
        'The co-chairs of the working group reviewed the progress made on ROK-U.S. Conventional-Nuclear Integration and welcomed the tabletop exercise that the two sides held in May.',
        'They agreed to meet again in the first half of 2026.',
      ]);
    });
  });

  describe('#preSplitLines', () => {
    it('returns every non-empty trimmed line, in order', () => {
      expect(preSplitLines('  first line \r\n\r\nsecond\u00a0 line\n\n  \n- 3 -\n')).to.deep.equal(['first line', 'second line', '- 3 -']);
    });
    it('collapses every kind of inner whitespace to one space, and keeps single spaces as they are', () => {
      const lines = ['one two', 'tab\there', 'two  spaces', 'ideographic\u3000space', 'zero\u200bwidth', '\ufeffbom first', 'nbsp\u00a0x', '\u200b'];
      expect(preSplitLines(lines.join('\n'))).to.deep.equal(['one two', 'tab here', 'two spaces', 'ideographic space', 'zero width', 'bom first', 'nbsp x']);
    });
    it('takes out soft hyphens and word joiners, which are no space', () => {
      expect(preSplitLines('Ex\u00adtended De\u00adter\u00adrence\nno\u2060break')).to.deep.equal(['Extended Deterrence', 'nobreak']);
    });
  });

  describe('invisible marks in pasted text', () => {
    it('are taken out of the paragraphs and of single-spaced text (titles, hashes)', () => {
      expect(splitParagraphs('The Ex\u00adtended De\u00adter\u00adrence Strategy and Con\u00adsultation Group met.\n확장억제전략협의체가 열렸다.', 'en').map((p) => p.text))
        .to.deep.equal(['The Extended Deterrence Strategy and Consultation Group met.', '확장억제전략협의체가 열렸다.']);
      expect(singleSpaced(' Joint\u00ad Statement\u2060 ')).to.equal('Joint Statement');
    });
  });
});

describe('core/segment #countSentences', () => {
  it('counts what splitSentences returns, without building the sentences', async () => {
    const { countSentences, splitSentences } = await import('../../server/core/segment.ts');
    const cases: [string, string][] = [
      ['The U.S. and the ROK met in Washington, D.C. on Sept. 18. They agreed to meet again.', 'en'],
      ['양측은 9.18.(월) 회의를 개최하였다. 양측은 워싱턴 D.C.에서 다시 만나기로 하였다.', 'ko'],
      ['양측은 합의하였습니다. (관련 사진은 국방부 홈페이지 참조) 다음 회의는 서울에서 열린다. (끝)', 'ko'],
      ['가. 양측은 2023.9.18. 합의하였다. 나. 양측은 만났다.', 'ko'],
      ['No sentence end here', 'en'],
      ['', 'en'],
    ];
    for (const [text, lang] of cases) expect(countSentences(text, lang), text).to.equal(splitSentences(text, lang).length);
  });

  it('counts a text its caller has found single-spaced as it counts it unaided, edges trimmed', async () => {
    const { countSentences } = await import('../../server/core/segment.ts');
    const cases: [string, string][] = [
      [' The two sides met in Seoul. They agreed to meet again. ', 'en'],
      ['양측은 9.18.(월) 회의를 개최하였다. 양측은 다시 만나기로 하였다.', 'ko'],
      ['Gen. Kim spoke. ', 'en'],
      ['', 'en'],
    ];
    for (const [text, lang] of cases) expect(countSentences(text, lang, true), text).to.equal(countSentences(text, lang));
    expect(countSentences(' The two sides met in Seoul. They agreed to meet again. ', 'en', true)).to.equal(2);
  });
});

describe('core/segment #sideHasWords', () => {
  it('leaves a Korean release\'s end mark after its last sentence out of the last paragraph', () => {
    const body = '□ 양측은 다음 회의를 2027년 워싱턴에서 개최하기로 하였다.\n\n□ 제6차 회의는 내년 상반기에 열릴 예정이다.';
    for (const mark of ['끝.', '끝', '(끝)', '- 끝 -', '/끝/', '<끝>', '[끝]']) {
      const paras = splitParagraphs(`${body}  ${mark}\n`, 'ko').map((p) => p.text);
      expect(paras, mark).to.deep.equal(['□ 양측은 다음 회의를 2027년 워싱턴에서 개최하기로 하였다.', '□ 제6차 회의는 내년 상반기에 열릴 예정이다.']);
    }
    // Only after a finished sentence at the very end: a 끝 inside the text is the word.
    expect(splitParagraphs('양측은 평가회의를 열었다.\n\n연합훈련은 예정대로 끝.', 'ko').map((p) => p.text)).to.deep.equal(['양측은 평가회의를 열었다.', '연합훈련은 예정대로 끝.']);
  });

  it('leaves a Korean release\'s end mark on a line of its own after the last sentence out of the paragraphs', () => {
    const body = ['□ 양측은 다음 회의를 2027년 워싱턴에서 개최하기로 하였다.', '□ 제6차 회의는 내년 상반기에 열릴 예정이다.'];
    for (const mark of ['끝.', '끝', '(끝)', '- 끝 -', '-끝-', '/끝/', '<끝>', '[끝]']) {
      for (const sep of ['\n\n', '\n']) {
        const paras = splitParagraphs(`${body.join(sep)}${sep}${mark}\n`, 'ko').map((p) => p.text);
        expect(paras, `${mark} ${JSON.stringify(sep)}`).to.deep.equal(body);
      }
    }
    // A text that is nothing but the mark keeps it: there is no sentence for it to close; nor is a 끝 the
    // mark when the line above ends no sentence (a wrapped line "…예정대로" runs on into it).
    expect(splitParagraphs('(끝)', 'ko').map((p) => p.text)).to.deep.equal(['(끝)']);
    expect(splitParagraphs('양측은 평가회의를 열었다.\n\n연합훈련은 예정대로\n끝.', 'ko').map((p) => p.text).join(' ')).to.include('예정대로 끝.');
  });

  it('leaves a Japanese release\'s closing 以上 on a line of its own after the last sentence out of the paragraphs, as (끝)', () => {
    const body = ['両国は次回の会談をソウルで開催することで一致した。', '双方は２０２７年に東京で次回会合を開催する。'];
    for (const mark of ['以上', '以上。', '以 上']) {
      for (const sep of ['\n\n', '\n']) {
        const paras = splitParagraphs(`${body.join(sep)}${sep}${mark}\n`, 'ja').map((p) => p.text);
        expect(paras, `${mark} ${JSON.stringify(sep)}`).to.deep.equal(body);
      }
    }
    // A text that is nothing but 以上 keeps it, and 以上 after a line that ends no sentence is the word
    // ("参加者は100名" / "以上" is a wrapped line's end); so is 以上 inside a sentence.
    expect(splitParagraphs('以上', 'ja').map((p) => p.text)).to.deep.equal(['以上']);
    expect(splitParagraphs('両国は会談した。\n\n参加者は100名\n以上', 'ja').map((p) => p.text).join('')).to.include('以上');
    expect(splitParagraphs('両国は会談した。\n\n参加者は100名以上。', 'ja').map((p) => p.text)).to.deep.equal(['両国は会談した。', '参加者は100名以上。']);
  });

  it('finds a word or number once list markers are off; a lone bullet or an editorial mark has none', () => {
    for (const wordless of [[], ['ㅇ'], ['-'], ['□ ㅇ'], ['[…]'], ['…'], ['*'], ['①'], ['ㅇ', '-'], ['1. —']])
      expect(sideHasWords(wordless), JSON.stringify(wordless)).to.equal(false);
    for (const worded of [['ㅇ 양측은 합의하였다.'], ['- 3'], ['2023'], ['-', 'They met.'], ['ㅇ양 의장은'], ['1. 개요']])
      expect(sideHasWords(worded), JSON.stringify(worded)).to.equal(true);
  });
});

describe('core/segment Japanese sentences', () => {
  it('ends a sentence at 。, ！ or ？ with no space after it, closing quotes kept with it', () => {
    expect(splitSentences('首脳は広島で会談した。首脳は慰霊碑に献花した。', 'ja')).to.deep.equal(['首脳は広島で会談した。', '首脳は慰霊碑に献花した。']);
    expect(splitSentences('大臣は「協力を続ける。」と述べた。次回は東京。', 'ja')).to.deep.equal(['大臣は「協力を続ける。」と述べた。', '次回は東京。']);
    expect(splitSentences('双方は合意した！ 次回会合は来年か？ 未定である。', 'ja')).to.deep.equal(['双方は合意した！', '次回会合は来年か？', '未定である。']);
  });
});

describe('core/segment #splitParagraphs on text wrapped without blank lines (copied from a PDF or an e-mail)', () => {
  const demo = (f: string) => readFileSync(fileURLToPath(new URL(`../../data/demo/${f}.txt`, import.meta.url)), 'utf8');
  const paragraphsOf = (f: string, lang: string) => splitParagraphs(demo(f), lang).map((p) => p.text);

  it('finds the paragraphs of an English statement again, its title too, at any wrap width', () => {
    for (const f of ['kidd26.en', 'edscg6.en']) {
      const paras = paragraphsOf(f, 'en');
      for (const width of [60, 72, 80, 100]) {
        const text = paras.flatMap((p) => wrap(p, width)).join('\n');
        expect(splitParagraphs(text, 'en').map((p) => p.text), `${f} at ${width}`).to.deep.equal(paras);
      }
    }
  });

  it('in Korean, never cuts a paragraph, and joins two only where a full line ends the first', () => {
    for (const f of ['kidd26.ko', 'edscg6.ko']) {
      const paras = paragraphsOf(f, 'ko');
      for (const width of [60, 72, 80, 100]) {
        const got = splitParagraphs(paras.flatMap((p) => wrap(p, width)).join('\n'), 'ko').map((p) => p.text);
        expect(got[0], `${f} at ${width}: the title`).to.equal(paras[0]);
        // Each paragraph found is a run of whole paragraphs; a join is where the wrap left no room.
        let k = 0;
        for (const g of got) {
          let joined = paras[k++]!;
          while (joined !== g && k < paras.length && g.startsWith(joined)) {
            const last = wrap(joined, width).pop()!;
            expect(columns(last) + 1 + columns(paras[k]!.split(' ')[0]!), `${f} at ${width}: joined at a short line`).to.be.above(width);
            joined = `${joined} ${paras[k++]!}`;
          }
          expect(g, `${f} at ${width}`).to.equal(joined);
        }
        expect(k).to.equal(paras.length);
        expect(got.length, `${f} at ${width}`).to.be.at.least(paras.length - 2);
      }
    }
  });

  it('keeps a text of one paragraph a line as it is', () => {
    for (const [f, lang] of [['kidd26.en', 'en'], ['kidd26.ko', 'ko'], ['edscg6.en', 'en'], ['edscg6.ko', 'ko']] as const) {
      const paras = paragraphsOf(f, lang);
      expect(splitParagraphs(paras.join('\n'), lang).map((p) => p.text), f).to.deep.equal(paras);
    }
  });

  it('in Korean written one sentence a paragraph, ends a paragraph at a full line that ends a sentence', () => {
    // A full line leaves no room for the next word, so only the text's other sentence ends can tell:
    // here none falls inside a line, as in a release that writes one sentence a paragraph.
    const paras = ['국방부는 10월 14일 서울에서 제9차 한미 통합국방협의체(KIDD) 회의를 개최하였다.',
      '이번 회의에는 국방정책실장과 미 국방부 인도태평양안보차관보 대행이 양측 수석대표로 참석하였다.',
      '양측은 북한이 최근 발사한 고체연료 탄도미사일이 유엔 안보리 결의의 명백한 위반이라는 데 인식을 같이하였다.',
      '양측은 연합연습과 훈련을 통해 동맹의 대응태세를 지속적으로 강화해 나가기로 하였다.',
      '양측은 전작권 전환을 위한 조건의 충족 상태를 평가하고 그 결과를 내년 안보협의회의에 보고하기로 하였다.',
      '차기 회의는 내년 봄 워싱턴에서 개최하기로 합의하였다.'];
    for (const width of [60, 72, 80, 100]) {
      const lines = paras.flatMap((p) => wrap(p, width));
      expect(splitParagraphs(lines.join('\n'), 'ko').map((p) => p.text), `at ${width}`).to.deep.equal(paras);
    }
    // At 100 columns the second paragraph fills its only line: the old reading joined the third to it.
    expect(paras.flatMap((p) => wrap(p, 100))[1]).to.equal(paras[1]);
  });

  it('reads a short Korean text wrapped two lines a paragraph (lines stopping on 최근, 대한, 의, 데 run on)', () => {
    const paras = ['박 장관은 오늘 오후 블링컨 국무장관과 통화를 갖고 최근 한반도 정세와 한미동맹의 발전 방향에 대해 의견을 교환하였다.',
      '양 장관은 북한의 연이은 탄도미사일 발사가 국제 평화와 안정에 대한 심각한 위협이라는 데 인식을 같이하였다.',
      '양 장관은 다음 달 워싱턴에서 열리는 외교·국방(2+2) 장관회의를 앞두고 긴밀히 소통해 나가기로 하였다.'];
    for (const width of [60, 72, 80, 100]) {
      const lines = paras.flatMap((p) => wrap(p, width));
      expect(splitParagraphs(lines.join('\n'), 'ko').map((p) => p.text), `at ${width}`).to.deep.equal(paras);
    }
    const lines = ['양측은 북한의 탄도미사일 발사가 안보리 결의에 대한', '명백한 위반이라는 데 인식을 같이하였다.',
      '양측은 한미일 안보협력을 통해 지역의 평화와 번영을 위한', '노력을 지속하기로 하였다.'];
    expect(splitParagraphs(lines.join('\n'), 'ko').map((p) => p.text)).to.deep.equal([
      '양측은 북한의 탄도미사일 발사가 안보리 결의에 대한 명백한 위반이라는 데 인식을 같이하였다.',
      '양측은 한미일 안보협력을 통해 지역의 평화와 번영을 위한 노력을 지속하기로 하였다.']);
  });

  it('keeps a Korean paragraph of several sentences whole where one of them ends on a full line', () => {
    // Sentence ends inside lines show paragraphs of several sentences: a full line's is no paragraph end.
    const paras = ['오스틴 장관은 오늘 국방부에서 한국 국방부 장관과 회담을 가졌다. 두 장관은 최근 북한의 연이은 미사일 발사를 강력히 규탄하였다. 양측은 대북 공조를 더욱 긴밀히 하기로 하였다.',
      '두 장관은 한미일 안보협력의 중요성을 재확인하였다. 오스틴 장관은 일본과의 관계 개선을 위한 한국 정부의 노력을 높이 평가하였다.',
      '양 장관은 인도태평양 지역의 평화와 안정을 위해 협력하기로 하였다. 두 장관은 대만해협의 평화와 안정 유지가 중요하다는 점도 확인하였다.'];
    for (const width of [56, 63, 64, 66, 67]) {
      const lines = paras.flatMap((p) => wrap(p, width));
      expect(lines.some((l, i) => /다\.$/.test(l) && !paras.some((p) => p.endsWith(l)) && columns(l) + 1 + columns(lines[i + 1]!.split(' ')[0]!) > width), `a full line ends a sentence at ${width}`).to.equal(true);
      expect(splitParagraphs(lines.join('\n'), 'ko').map((p) => p.text), `at ${width}`).to.deep.equal(paras);
    }
  });

  // Whether the last line of paragraph k leaves no room for the first word of paragraph k + 1.
  const fullAfter = (paras: readonly string[], k: number, width: number) =>
    columns(wrap(paras[k]!, width).pop()!) + 1 + columns(paras[k + 1]!.split(' ')[0]!) > width;

  it('ends a paragraph at a full line before a line opening as the text opens its paragraphs ("The two sides", "양측은")', () => {
    // Paragraphs of two sentences: the second's last line is full at these widths, and the next opens
    // with the words that open the text's other paragraphs, which no sentence inside a line opens with.
    const en = ['The Republic of Korea and the United States held the 27th Korea-U.S. Integrated Defense Dialogue in Washington on November 20, 2026. The dialogue was co-chaired by the ROK Deputy Minister for National Defense Policy and the U.S. Assistant Secretary of Defense for Indo-Pacific Security Affairs.',
      'The two sides condemned the recent launches of ballistic missiles by the North, which violated multiple resolutions of the UN Security Council. They agreed to keep a close watch on further provocations.',
      "The two sides reviewed the progress of the alliance's extended deterrence and agreed to hold a tabletop exercise in the spring. They also discussed cooperation in space and cyberspace.",
      'The two sides agreed to hold the next dialogue in Seoul in the first half of 2027.'];
    for (const width of [53, 54, 55, 68, 69, 70, 92, 93]) {
      expect([0, 1, 2].some((k) => fullAfter(en, k, width)), `a full paragraph end at ${width}`).to.equal(true);
      expect(splitParagraphs(en.flatMap((p) => wrap(p, width)).join('\n'), 'en').map((p) => p.text), `at ${width}`).to.deep.equal(en);
    }
    const ko = ['국방부는 11월 20일 워싱턴에서 제27차 한미 통합국방협의체 회의를 개최하였다. 이번 회의는 국방정책실장과 미 국방부 인도태평양안보차관보가 공동 주관하였다.',
      '양측은 북한의 최근 탄도미사일 발사가 유엔 안보리 결의의 명백한 위반이라는 데 인식을 같이하였다. 아울러 추가 도발 가능성에 대비하여 긴밀한 공조를 유지하기로 하였다.',
      '양측은 확장억제의 실행력을 높이기 위한 그간의 성과를 점검하고 내년 봄 도상연습을 실시하기로 하였다. 우주와 사이버 분야의 협력 방안도 논의하였다.',
      '양측은 차기 회의를 2027년 상반기 서울에서 개최하기로 합의하였다.'];
    for (const width of [55, 56, 74, 75, 83, 84, 85]) {
      expect([1, 2].some((k) => fullAfter(ko, k, width)), `a full paragraph end at ${width}`).to.equal(true);
      expect(splitParagraphs(ko.flatMap((p) => wrap(p, width)).join('\n'), 'ko').map((p) => p.text), `at ${width}`).to.deep.equal(ko);
    }
  });

  it('keeps a paragraph whole at a full line before words that open its sentences as often as the text\'s paragraphs', () => {
    const paras = ['The Republic of Korea and the United States held the 27th Korea-U.S. Integrated Defense Dialogue in Washington on November 20, 2026. The two sides condemned the recent launches of ballistic missiles by the North. The two sides agreed to keep a close watch on further provocations.',
      "The two sides reviewed the progress of the alliance's extended deterrence. The two sides agreed to hold a tabletop exercise in the spring. The two sides also discussed cooperation in space and cyberspace.",
      'The two sides agreed to hold the next dialogue in Seoul in the first half of 2027.'];
    for (const width of [74, 75, 76]) {
      const lines = paras.flatMap((p) => wrap(p, width));
      // A sentence inside a paragraph ends on a full line, and the next opens "The two sides".
      expect(paras.some((p) => wrap(p, width).some((l, i, ls) => i + 1 < ls.length && /\.$/.test(l) && ls[i + 1]!.startsWith('The two sides'))), `at ${width}`).to.equal(true);
      expect(splitParagraphs(lines.join('\n'), 'en').map((p) => p.text), `at ${width}`).to.deep.equal(paras);
    }
  });

  it('keeps a numbered Korean item whole at a full line before the words its items open with', () => {
    // Each item opens "N. 양측은": an unnumbered line opening "양측은" after a full line is the item's next sentence.
    const paras = ['제12차 한미 외교·국방(2+2) 장관회의 공동성명',
      '1. 양측은 11월 20일 서울에서 제12차 한미 외교·국방(2+2) 장관회의를 개최하였다. 양측은 한미동맹이 한반도와 인도태평양 지역의 평화와 번영의 핵심축이라는 점을 재확인하였다.',
      '2. 양측은 북한의 고체연료 대륙간탄도미사일 발사가 다수의 유엔 안보리 결의를 위반한 것이라는 데 인식을 같이하였다. 양측은 추가 도발에 대비하여 정보 공유를 강화하기로 하였다.',
      '3. 양측은 확장억제의 실행력을 높이기 위해 연합연습의 규모와 범위를 확대하기로 하였다. 양측은 우주와 사이버 분야의 협력도 심화해 나가기로 하였다.',
      '4. 양측은 다음 회의를 2027년 하반기 워싱턴에서 개최하기로 합의하였다.'];
    for (const width of [56, 58, 60, 80, 86, 91]) {
      const lines = paras.flatMap((p) => wrap(p, width));
      expect(lines.some((l, i) => /다\.$/.test(l) && lines[i + 1]?.startsWith('양측은') && columns(l) + 1 + columns('양측은') > width), `a full line before "양측은" at ${width}`).to.equal(true);
      expect(splitParagraphs(lines.join('\n'), 'ko').map((p) => p.text), `at ${width}`).to.deep.equal(paras);
    }
  });

  it('ends a paragraph at a full line before a line opening with a label: a briefing\'s turn, an attachment, a note', () => {
    const ko = ['외교부 대변인 정례브리핑',
      '오늘 브리핑은 한 가지 발표 사항으로 시작하겠습니다. 정부는 다음 주 서울에서 열리는 한미일 외교차관 협의회를 통해 북한 문제에 대한 공조 방안을 논의할 예정입니다. 이번 협의회에는 3국의 외교차관이 각각 수석대표로 참석합니다. 자세한 일정은 추후 공지하겠습니다.',
      '질문: 이번 협의회에서 북한의 최근 위성 발사 문제도 다루게 됩니까? 일본 측이 별도의 양자 회담을 제안했다는 보도도 있습니다. 정부의 입장은 무엇입니까?',
      '답변: 3국 차관은 북한의 도발에 대한 대응을 포함하여 역내 정세 전반에 대해 폭넓게 논의할 것입니다. 양자 회담 개최 여부는 현재 조율 중입니다. 결정되는 대로 알려 드리겠습니다.',
      '<참고> 제15차 한미일 외교차관 협의회는 2026년 12월 3일 서울에서 개최됩니다.',
      '붙임: 협의회 개최 계획 1부.'];
    const en = ['The Department of State released the following transcript of the briefing held on November 30, 2026, in Washington, D.C.',
      'Q: Will the three vice ministers discuss the recent satellite launch by North Korea? There are reports of a separate meeting.',
      'A: The vice ministers will discuss the full range of regional issues, including our response to the launch. We are still working on the schedule.',
      'Note: The fifteenth trilateral vice foreign ministerial meeting will be held in Seoul on December 3.'];
    let full = 0;
    for (const width of [53, 60, 66, 76, 80, 90, 100]) {
      for (const [paras, lang] of [[ko, 'ko'], [en, 'en']] as const) {
        full += paras.slice(0, -1).filter((_, k) => fullAfter(paras, k, width)).length;
        expect(splitParagraphs(paras.flatMap((p) => wrap(p, width)).join('\n'), lang).map((p) => p.text), `${lang} at ${width}`).to.deep.equal(paras);
      }
    }
    // A label opens a line after a full one at some widths.
    expect(full).to.be.above(3);
  });

  // A release of two-sentence paragraphs, its last opening "한편," ("meanwhile").
  const relief = ['국방부는 필리핀 중부 지역의 지진 피해 복구를 돕기 위해 공군 수송기 2대와 의료지원팀을 파견한다고 밝혔다. 수송기는 내일 오전 김해기지를 출발하여 세부 공항에 도착할 예정이다.',
    '의료지원팀은 군의관과 간호장교 등 30명으로 구성되었으며, 현지에서 약 3주간 이재민 진료와 방역 활동을 펼친다. 국방부는 파견 인원의 안전을 위해 현지 공관과 긴밀히 협조하고 있다고 설명했다.',
    '한편, 외교부는 지난 2일 필리핀 지진 피해 지원을 위해 200만 달러 규모의 인도적 지원을 제공하기로 결정한 바 있다. 정부는 앞으로도 피해 상황을 지켜보며 추가 지원을 검토할 계획이다.'];

  it('ends a Korean paragraph at a full line ending a sentence before "한편"', () => {
    for (const width of [96, 97]) {
      expect(fullAfter(relief, 1, width), `a full line before "한편" at ${width}`).to.equal(true);
      expect(splitParagraphs(relief.flatMap((p) => wrap(p, width)).join('\n'), 'ko').map((p) => p.text), `at ${width}`).to.deep.equal(relief);
    }
  });

  it('keeps Korean paragraphs of two sentences whole where one sentence end inside a line is against two paragraph ends', () => {
    // At these widths a sentence of each of the first two paragraphs ends on a full line, one inside a
    // line, and two paragraphs end with room to spare: too little to read the text as one sentence a paragraph.
    for (const width of [56, 57]) {
      const lines = relief.flatMap((p) => wrap(p, width));
      expect(lines.filter((l, i) => /다\.$/.test(l) && i + 1 < lines.length && columns(l) + 1 + columns(lines[i + 1]!.split(' ')[0]!) > width).length, `at ${width}`).to.equal(2);
      expect(splitParagraphs(lines.join('\n'), 'ko').map((p) => p.text), `at ${width}`).to.deep.equal(relief);
    }
  });

  it('reads a short English text as wrapped where a line ending on "U.S." runs into a lower-case word', () => {
    const paras = ['Secretary Hale spoke today with Foreign Minister Kim Min-jae of the Republic of Korea about the North Korean missile launch.',
      'The Secretary reaffirmed the ironclad U.S. commitment to the defense of the ROK and thanked the Minister for close coordination.'];
    const lines = paras.flatMap((p) => wrap(p, 52));
    expect(lines).to.have.length(6);
    expect(lines[3]).to.match(/ U\.S\.$/);
    expect(splitParagraphs(lines.join('\n'), 'en').map((p) => p.text)).to.deep.equal(paras);
  });

  it('reads four lines as wrapped where one of the two that do not end a sentence visibly runs on', () => {
    // One line wraps before a name ("…at the Dragon" / "Hill Lodge"), which tells nothing; the other before "part,".
    const paras = ['The Embassy will host a job fair for Korean veterans at the Dragon Hill Lodge in Seoul on Saturday, March 6.',
      'More than forty American companies with offices in Korea will take part, and admission is free.'];
    for (const width of [66, 70, 76]) {
      const lines = paras.flatMap((p) => wrap(p, width));
      expect(lines, `at ${width}`).to.have.length(4);
      expect(splitParagraphs(lines.join('\n'), 'en').map((p) => p.text), `at ${width}`).to.deep.equal(paras);
    }
  });

  it('cuts a paragraph read as twice as long as the text\'s others where a full line ends a sentence', () => {
    // The paragraphs open each in their own words, and one of them ends on a full line: read together
    // with the next, they make a paragraph twice as long as the others, cut at the sentence end.
    const en = ['Secretary Hale met Foreign Minister Kim Min-jae in Washington on Thursday. The two discussed the alliance, the North Korean nuclear program, and economic security.',
      'Secretary Hale condemned the recent launch of an intercontinental ballistic missile by the North, which violated several UN Security Council resolutions.',
      'Both ministers welcomed the progress of the Nuclear Consultative Group and agreed to hold its next meeting in Seoul before the end of the year.',
      'They also exchanged views on Russia’s war against Ukraine and on peace and stability in the Taiwan Strait.',
      'Minister Kim invited Secretary Hale to visit Seoul in the spring, and the Secretary accepted the invitation.'];
    const ko = ['박 장관은 오늘 워싱턴에서 헤일 국무장관과 회담을 가졌다. 두 장관은 한미동맹의 발전 방향과 북한 문제, 경제안보 협력에 대해 폭넓게 논의하였다.',
      '헤일 장관은 북한의 최근 대륙간탄도미사일 발사가 유엔 안보리 결의의 명백한 위반이라고 지적하였다. 박 장관은 미국의 확고한 방위 공약에 사의를 표하였다.',
      '두 장관은 핵협의그룹의 진전을 평가하였다. 차기 회의는 연내 서울에서 개최하기로 하였다.',
      '이어 러시아의 우크라이나 침공과 대만해협의 평화와 안정 문제에 대한 의견도 교환하였다. 양측은 중동 정세에 대해서도 긴밀히 소통해 나가기로 하였다.',
      '박 장관은 헤일 장관의 봄 방한을 초청하였다. 헤일 장관은 이를 수락하였다.'];
    for (const [paras, lang, widths] of [[en, 'en', [44, 58, 85]], [ko, 'ko', [73, 77]]] as const) {
      for (const width of widths) {
        expect([0, 1, 2, 3].some((k) => fullAfter(paras, k, width)), `${lang}: a full paragraph end at ${width}`).to.equal(true);
        expect(splitParagraphs(paras.flatMap((p) => wrap(p, width)).join('\n'), lang).map((p) => p.text), `${lang} at ${width}`).to.deep.equal(paras);
      }
    }
  });

  it('ends a paragraph at a full line ending on a colon before a capitalised line', () => {
    const paras = ['The following joint press statement was released by the two ministries of defense:',
      'The Republic of Korea and the United States held the 27th Korea-U.S. Integrated Defense Dialogue in Washington on November 20, 2026. The dialogue was co-chaired by the ROK Deputy Minister for National Defense Policy and the U.S. Assistant Secretary of Defense for Indo-Pacific Security Affairs.',
      'The two sides condemned the recent launches of ballistic missiles by the North, which violated multiple resolutions of the UN Security Council. They agreed to keep a close watch on further provocations.',
      "The two sides reviewed the progress of the alliance's extended deterrence and agreed to hold a tabletop exercise in the spring. They also discussed cooperation in space and cyberspace.",
      'The two sides agreed to hold the next dialogue in Seoul in the first half of 2027.'];
    for (const width of [42, 43, 44, 45, 82, 83, 84, 85]) {
      expect(fullAfter(paras, 0, width), `at ${width}`).to.equal(true);
      expect(splitParagraphs(paras.flatMap((p) => wrap(p, width)).join('\n'), 'en').map((p) => p.text), `at ${width}`).to.deep.equal(paras);
    }
  });

  it('keeps a first line that is the body, not a title, in its paragraph', () => {
    const text = ['The Republic of Korea Ministry of National Defense and the U.S.', 'Department of Defense held the 26th Korea-U.S. Integrated Defense',
      'Dialogue in Seoul on May 2, 2026.', 'The two sides condemned the launch of an intercontinental ballistic', 'missile on April 14, 2026, which violated multiple resolutions of the',
      'UN Security Council.', 'They agreed to hold the next dialogue in Washington in the second', 'half of the year.'].join('\n');
    expect(splitParagraphs(text, 'en').map((p) => p.text)).to.deep.equal([
      'The Republic of Korea Ministry of National Defense and the U.S. Department of Defense held the 26th Korea-U.S. Integrated Defense Dialogue in Seoul on May 2, 2026.',
      'The two sides condemned the launch of an intercontinental ballistic missile on April 14, 2026, which violated multiple resolutions of the UN Security Council.',
      'They agreed to hold the next dialogue in Washington in the second half of the year.',
    ]);
  });

  it('reads two or three lines as wrapped when they visibly run on, and keeps a title over a one-line body apart', () => {
    for (const [paras, lang] of [
      [['양측은 북한의 탄도미사일 발사가 안보리 결의에 대한 명백한 위반이라는 데 인식을 같이하였다.'], 'ko'],
      [['한미 외교차관 통화 결과', '양측은 한미일 안보협력을 통해 지역의 평화와 번영을 위한 노력을 지속하기로 하였다.'], 'ko'],
      [['The two sides agreed to hold the next dialogue in Seoul in the first half of next year, and to continue close consultations in the interim.'], 'en'],
      [['Joint Statement', 'The two sides agreed to hold the next dialogue in Seoul in the first half of next year.'], 'en'],
    ] as const) {
      for (const width of [40, 48, 56, 60, 64, 72, 80]) {
        const lines = paras.flatMap((p) => wrap(p, width));
        if (lines.length > 3) continue;
        expect(splitParagraphs(lines.join('\n'), lang).map((p) => p.text), `${paras[0]} at ${width}`).to.deep.equal(paras);
      }
    }
    expect(wrap('양측은 북한의 탄도미사일 발사가 안보리 결의에 대한 명백한 위반이라는 데 인식을 같이하였다.', 40)).to.have.length(3);
    // Only lines that visibly run on tell: the widest of two or three lines is "full" however the text was written.
    for (const [lines, lang] of [
      [['한미 국방장관 회담 공동보도문 발표', '양측은 회의를 가졌다.'], 'ko'],
      [['Joint Statement on the Trilateral Meeting', 'The Ministers met in Tokyo.', 'They will meet again next year.'], 'en'],
      [['양측은 회의를 개최하였다.', '차기 회의는 서울에서 열린다.'], 'ko'],
    ] as const) expect(splitParagraphs(lines.join('\n'), lang).map((p) => p.text)).to.deep.equal(lines);
  });

  it('keeps an English title wrapped over two or three lines whole: title case ends where the body begins', () => {
    const sets = [['Joint Press Statement for the 27th Korea-U.S. Integrated Defense Dialogue (KIDD)',
      'The Republic of Korea Ministry of National Defense and the U.S. Department of Defense held the 27th Korea-U.S. Integrated Defense Dialogue in Washington on October 2, 2026.',
      'The two sides condemned the launch of an intercontinental ballistic missile, which violated multiple resolutions of the UN Security Council.'],
    ['Readout of Deputy Secretary of State Meeting With Republic of Korea First Vice Foreign Minister Park Yoon-joo',
      'Deputy Secretary of State met with Republic of Korea First Vice Foreign Minister Park Yoon-joo today in Washington to reaffirm the strength of the alliance.',
      'The two officials discussed the recent missile launches by the Democratic People\'s Republic of Korea and agreed to coordinate closely on the responses.']];
    let wrappedTitles = 0;
    for (const paras of sets) {
      for (const width of [40, 48, 60, 64, 72]) {
        const lines = paras.flatMap((p) => wrap(p, width));
        if (wrap(paras[0]!, width).length > 1) wrappedTitles++;
        // (Where a full line ends the body's first paragraph, only that paragraph's end is in doubt.)
        expect(splitParagraphs(lines.join('\n'), 'en').map((p) => p.text).slice(0, 2), `at ${width}`).to.deep.equal(paras.slice(0, 2));
      }
    }
    expect(wrappedTitles).to.equal(10);
  });

  it('counts widths in display columns where Korean lines hold Latin words (a full line is not a short one)', () => {
    const paras = ['ㅇ 양측은 북한의 탄도미사일 발사를 강력히 규탄하였다. 미측은 인도태평양안보차관보(Assistant Secretary of Defense for Indo-Pacific Security Affairs)가 참석하였다.',
      'ㅇ 양측은 연합연습과 훈련을 통해 동맹의 대응태세를 강화해 나가기로 하였다. 차기 회의는 내년 봄 워싱턴에서 개최하기로 합의하였다.',
      'ㅇ 양측은 한미일 안보협력을 통해 지역의 평화와 번영을 위한 노력을 지속하기로 하였다. 양측은 정보 공유를 확대하기로 하였다.'];
    for (const width of [50, 56, 60, 64, 68, 72, 76, 80]) {
      expect(splitParagraphs(paras.flatMap((p) => wrap(p, width)).join('\n'), 'ko').map((p) => p.text), `at ${width}`).to.deep.equal(paras);
    }
  });
});

describe('core/segment #splitParagraphs: wrapped or not, without blank lines (QA cases)', () => {
  const split = (lines: string[], lang: string) => splitParagraphs(lines.join('\n'), lang).map((p) => p.text);

  it('joins Japanese wrapped between characters without a space, and keeps its date row apart', () => {
    const lines = ['日米韓防衛相会談共同声明', '令和7年11月14日',
      '１１月１４日、中谷防衛大臣は、ワシントンにおいて、ヘグセス米国防長官及び安圭',
      '伯韓国国防部長官と日米韓防衛相会談を行い、地域の安全保障環境及び日米韓の安全',
      '保障協力の進展について議論した。',
      '３大臣は、北朝鮮による弾道ミサイルの発射が累次の国連安全保障理事会決議に違反',
      'するものであることを強く非難し、対話への復帰を求めた。',
      '３大臣は、来年再び会合することで一致した。'];
    expect(split(lines, 'ja')).to.deep.equal([
      '日米韓防衛相会談共同声明', '令和7年11月14日',
      '１１月１４日、中谷防衛大臣は、ワシントンにおいて、ヘグセス米国防長官及び安圭伯韓国国防部長官と日米韓防衛相会談を行い、地域の安全保障環境及び日米韓の安全保障協力の進展について議論した。',
      '３大臣は、北朝鮮による弾道ミサイルの発射が累次の国連安全保障理事会決議に違反するものであることを強く非難し、対話への復帰を求めた。',
      '３大臣は、来年再び会合することで一致した。',
    ]);
  });

  it('reads English wrapped mostly before capitalised words, its date row and dateline apart', () => {
    const body = ['Secretary of Defense Pete Hegseth, Republic of Korea Minister of National', 'Defense Ahn Gyu-back, and Japan Minister of Defense Gen Nakatani met in',
      'Washington on November 14 to discuss the regional security environment', 'and the progress of trilateral security cooperation.',
      'The Ministers condemned the launches, which violate multiple UN Security', 'Council resolutions.'];
    const paras = ['Secretary of Defense Pete Hegseth, Republic of Korea Minister of National Defense Ahn Gyu-back, and Japan Minister of Defense Gen Nakatani met in Washington on November 14 to discuss the regional security environment and the progress of trilateral security cooperation.',
      'The Ministers condemned the launches, which violate multiple UN Security Council resolutions.'];
    const title = "Joint Statement on the Trilateral Defense Ministers' Meeting";
    expect(split([title, 'November 14, 2025', ...body], 'en')).to.deep.equal([title, 'November 14, 2025', ...paras]);
    expect(split([title, 'WASHINGTON, D.C. -- November 14, 2025', ...body], 'en')).to.deep.equal([title, 'WASHINGTON, D.C. -- November 14, 2025', ...paras]);
  });

  it('keeps lists of unpunctuated items one a line, in Korean, English and Japanese', () => {
    for (const [lines, lang] of [
      [['한미일 국방장관회담 주요 결과', '3국 장관은 북한의 지속적인 탄도미사일 발사를 강력히 규탄하고 대화 복귀를 촉구', '프리덤 에지 훈련 등 3자 훈련의 정례화 및 확대 방안에 대해 심도 있게 논의',
        '미사일 경보정보 실시간 공유체계의 안정적 운용 성과를 평가하고 발전 방향 모색', '차기 회의는 2026년 상반기 도쿄에서 개최하는 방향으로 추진할 예정'], 'ko'],
      [['Outcomes of the Trilateral Meeting', 'Regularize the trilateral exercise Freedom Edge and expand it to cover new domains', 'Enhance real-time missile warning data sharing including space-based sensors',
        'Establish a trilateral working group on maritime security in the region', 'Hold the next ministerial meeting in Tokyo in the first half of next year'], 'en'],
      [['日米韓外相会合（結果）', '１ 本日、岩屋外務大臣は、ルビオ米国務長官及び趙兌烈韓国外交部長官と日米韓外相会合を行った', '２ 三者は、北朝鮮の核・ミサイル開発について深刻な懸念を表明し、連携を確認した',
        '３ 三者は、インド太平洋地域の平和と安定に向けた協力を一層強化することで一致した', '４ 三者は、次回の会合を来年開催することで一致した'], 'ja'],
    ] as const) expect(split([...lines], lang), lines[0]).to.deep.equal(lines);
  });

  it('keeps a short heading between wrapped items apart from the item before it', () => {
    const lines = ['Fact Sheet: U.S.-Japan-ROK Trilateral Cooperation', 'Deterrence and Defense Cooperation',
      'The three countries conducted the third iteration of Freedom Edge in September', 'and will hold the fourth in 2026 with air and naval forces.',
      'They will expand real-time missile warning data sharing to cover space-based', 'sensors', 'Economic Security',
      'The leaders launched a trilateral supply chain early warning mechanism and', 'agreed to coordinate export controls on critical technologies.'];
    expect(split(lines, 'en')).to.deep.equal(['Fact Sheet: U.S.-Japan-ROK Trilateral Cooperation', 'Deterrence and Defense Cooperation',
      'The three countries conducted the third iteration of Freedom Edge in September and will hold the fourth in 2026 with air and naval forces.',
      'They will expand real-time missile warning data sharing to cover space-based sensors', 'Economic Security',
      'The leaders launched a trilateral supply chain early warning mechanism and agreed to coordinate export controls on critical technologies.']);
  });

  it('reads "１　" as a Japanese section number', () => {
    expect(detectMarker('１　会談の概要')).to.deep.equal({ marker: '１', level: 0 });
    expect(detectMarker('１ million')).to.equal(null);
  });
});
